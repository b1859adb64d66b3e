package org.openionm.cli.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.acquisition.SampleConsumer;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmManager;
import org.openionm.core.model.Channel;
import org.openionm.core.processing.DetectedEvent;
import org.openionm.core.processing.Measurement;
import org.openionm.io.edf.EdfHeader;
import org.openionm.io.edf.EdfReader;
import org.openionm.processing.ProcessorHost;
import org.openionm.processing.internal.InputWarnings;
import org.openionm.report.CaseAnalysis;
import org.openionm.report.RecordingAnalyzer;

/**
 * {@code openionm analyze}: replays a recording through the EDF playback amplifier and every
 * installed modality processor as fast as possible and writes every measurement and every alarm
 * transition as JSON. The replay itself is {@link RecordingAnalyzer} (bundle org.openionm.report), which the
 * {@code report} command runs too.
 */
public class AnalyzeApplication extends Command {

    static final String USAGE = "usage: openionm analyze <file.edf|file.bdf> --json <out.json> [--protocol <file>]"
            + " [--baseline-at <s>] [--set <processor>.<setting>=<value> ...]";
    /** Default baseline time: after the first complete averages of the usual sweep counts at 4.7 Hz. */
    static final double DEFAULT_BASELINE_S = 120;

    @Override
    String name() {
        return "analyze";
    }

    @Override
    String usage() {
        return USAGE;
    }

    @Override
    int run(String[] args) throws Exception {
        Arguments a = Arguments.parse(args, Set.of("json", "protocol", "baseline-at", "set"));
        if (a.positional().size() != 1) {
            throw new UsageException("expected exactly one recording");
        }
        Path recording = Path.of(a.positional().get(0)).toAbsolutePath();
        Path json = Path.of(a.required("json")).toAbsolutePath();
        double baselineAt = a.number("baseline-at", DEFAULT_BASELINE_S, 0, 1e7);
        if (!Files.isRegularFile(recording)) {
            throw new IllegalArgumentException("no such file: " + recording);
        }
        double seconds;
        try (EdfReader reader = EdfReader.open(recording)) {
            EdfHeader h = reader.header();
            seconds = h.recordCount() * h.recordDurationSeconds();
        }
        Map<String, String> options = new java.util.LinkedHashMap<>();
        options.put("file", recording.toString());
        String protocol = a.optional("protocol", null);
        if (protocol != null) { // channel roles and stimulus annotations of a recording made elsewhere
            options.put("protocol", Path.of(protocol).toAbsolutePath().toString());
        }

        AcquisitionEngine engine = Services.engine();
        ProcessorHost host = Services.service(ProcessorHost.class);
        RecordingAnalyzer analyzer = new RecordingAnalyzer(engine, Services.driver(engine, "edf"), host,
                Services.service(AlarmManager.class));
        InputCounter input = new InputCounter();
        try (SettingOverrides overrides = SettingOverrides.apply(host, a.values("set"));
                ConsumerRegistration counting = engine.addConsumer("analyze input check", input, 4096)) {
            options.remove("file");
            Progress progress = new Progress(err, "analyze");
            CaseAnalysis r = analyzer.analyze(1, recording, seconds, options, baselineAt, "--baseline-at", Duration.ofSeconds(120),
                    progress::show);
            progress.done();
            input.ended.await(10, TimeUnit.SECONDS); // the counting consumer hears the stop after the data
            List<String> warnings = InputWarnings.of(input.channels, Services.acceptedRoles(), input.stimuli.get(),
                    List.copyOf(input.otherAnnotations), resultsByProcessor(r));
            Files.writeString(json, toJson(recording, r.settings(), baselineAt, r, warnings), StandardCharsets.UTF_8);
            err.printf(Locale.ROOT, "analyze: %s: %d measurements, %d detected events, %d alarm events from %s in %.1f s (%.0f× real time) → %s%n",
                    recording.getFileName(), r.measurements().size(), r.events().size(), r.alarms().size(), host.processorIds(),
                    progress.elapsedSeconds(), seconds / progress.elapsedSeconds(), json);
            for (String failure : r.failures()) {
                err.println("analyze: warning: " + failure);
            }
            for (String warning : warnings) {
                err.println("analyze: warning: " + warning);
            }
            return 0;
        }
    }

    static String toJson(Path recording, Map<String, Map<String, Object>> settings, double baselineAt, CaseAnalysis c,
            List<String> warnings) {
        List<AlarmLogEntry> log = c.alarms();
        Json j = new Json().begin('{');
        j.field("recording", recording.toString()).field("baselineCapturedAtSeconds", baselineAt);
        j.key("processors").begin('[');
        settings.keySet().forEach(j::value);
        j.end(']');
        // every processor's effective settings, so the analysis can be repeated exactly: a number as a
        // JSON number, an on/off setting as true/false, a choice as its option id, a text as a string
        j.key("settings").begin('{');
        settings.forEach((id, values) -> {
            j.key(id).begin('{');
            values.forEach((key, value) -> {
                j.key(key);
                switch (value) {
                    case Number n -> j.value(n.doubleValue());
                    case Boolean b -> j.value(b.booleanValue());
                    default -> j.value(String.valueOf(value));
                }
            });
            j.end('}');
        });
        j.end('}');
        j.key("measurements").begin('[');
        for (Measurement m : c.measurements()) {
            j.element().begin('{').field("timeSeconds", m.timeSeconds()).field("modality", m.modality()).field("site", m.site())
                    .field("channel", m.channel()).field("component", m.component()).field("latencyMs", m.latencyMs())
                    .field("amplitudeUv", m.amplitudeUv()).field("value", m.value()).field("unit", m.unit())
                    .field("sweepsUsed", m.sweepsUsed())
                    .field("sweepsRejected", m.sweepsRejected()).field("provenance", m.provenance().describe()).end('}');
        }
        j.end(']');
        j.key("events").begin('[');
        for (DetectedEvent e : c.events()) {
            j.element().begin('{').field("timeSeconds", e.timeSeconds()).field("durationSeconds", e.durationSeconds())
                    .field("modality", e.modality()).field("channel", e.channel()).field("kind", e.kind())
                    .field("peakUv", e.peakUv()).field("provenance", e.provenance().describe()).end('}');
        }
        j.end(']');
        j.key("alarms").begin('[');
        for (AlarmLogEntry e : log) {
            j.element().begin('{').field("event", e.event().name()).field("timeSeconds", e.timeSeconds());
            if (e.key() != null) {
                j.field("modality", e.key().modality()).field("site", e.key().site()).field("channel", e.key().channel())
                        .field("criterion", e.key().criterion());
            }
            j.field("priority", e.priority() == null ? "" : e.priority().name()).field("values", e.values())
                    .field("baseline", e.baseline()).field("provenance", e.provenance() == null ? "" : e.provenance().describe())
                    .end('}');
        }
        j.end(']');
        j.key("processorFailures").begin('[');
        c.failures().forEach(j::value);
        j.end(']');
        // why a run produced little or nothing: unrecognised stimuli, no usable channel, a silent processor
        j.key("warnings").begin('[');
        warnings.forEach(j::value);
        j.end(']');
        return j.end('}').toString();
    }

    /** Measurements, averages and events per processor id: a processor with none "never produced a result". */
    static Map<String, Long> resultsByProcessor(CaseAnalysis r) {
        Map<String, Long> out = new java.util.HashMap<>();
        r.measurements().forEach(m -> out.merge(m.modality(), 1L, Long::sum));
        r.averages().forEach(avg -> out.merge(avg.modality(), 1L, Long::sum));
        r.events().forEach(e -> out.merge(e.modality(), 1L, Long::sum));
        return out;
    }

    /** Counts what the recording delivered: its channels, recognised stimuli, and the annotations that were not. */
    static final class InputCounter implements SampleConsumer {
        final AtomicLong stimuli = new AtomicLong();
        final List<String> otherAnnotations = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch ended = new CountDownLatch(1);
        volatile List<Channel> channels = List.of();

        @Override
        public void onStart(String driverId, List<Channel> delivered) {
            channels = List.copyOf(delivered);
        }

        @Override
        public void onBlock(org.openionm.core.model.SampleBlock block) {
        }

        @Override
        public void onStimulus(org.openionm.core.model.StimulusEvent event) {
            stimuli.incrementAndGet();
        }

        @Override
        public void onAnnotation(org.openionm.core.model.Annotation annotation) {
            if (annotation.kind() == org.openionm.core.model.Annotation.Kind.CLINICAL) {
                otherAnnotations.add(annotation.text());
            }
        }

        @Override
        public void onStop(String reason) {
            ended.countDown();
        }
    }
}
