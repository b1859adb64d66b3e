package org.openionm.cli.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.EngineState;
import org.openionm.acquisition.EngineStatus;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmManager;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.processing.DetectedEvent;
import org.openionm.core.processing.Measurement;
import org.openionm.io.edf.EdfHeader;
import org.openionm.io.edf.EdfReader;
import org.openionm.processing.ProcessorHost;
import org.openionm.processing.ResultListener;

/**
 * {@code openionm analyze}: replays a recording through the EDF playback amplifier and every
 * installed modality processor as fast as possible and writes every measurement and every alarm
 * transition as JSON.
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
        AlarmManager alarms = Services.service(AlarmManager.class);
        // the baseline request and the start of our part of the alarm log go with this acquisition's
        // start, on the processing thread: nothing an earlier acquisition was finishing can take them
        int[] logStart = new int[1];
        Collector collector = new Collector(() -> {
            logStart[0] = alarms.log().size();
            host.captureBaselineAt(baselineAt);
        });
        InputCounter input = new InputCounter();
        try (SettingOverrides overrides = SettingOverrides.apply(host, a.values("set"));
                org.openionm.acquisition.ConsumerRegistration counting = engine.addConsumer("analyze input check", input, 4096)) {
            host.addListener(collector);
            Map<String, Map<String, Object>> settings = new java.util.TreeMap<>();
            host.processorIds().forEach(id -> settings.put(id, host.effectiveSettings(id))); // what this run starts with
            // the file decides rate and channels; these only bound them
            List<org.openionm.core.model.Channel> channels = engine.start(Services.driver(engine, "edf"),
                    new AcquisitionConfig(1000, 256, false, options));
            Progress progress = new Progress(err, "analyze");
            EngineStatus status;
            while ((status = engine.status()).state() == EngineState.RUNNING) {
                progress.show(status.signalSeconds(), seconds);
                Thread.sleep(200);
            }
            progress.show(engine.status().signalSeconds(), seconds);
            progress.done();
            if (engine.status().state() == EngineState.FAILED) {
                throw new IllegalStateException(engine.status().message());
            }
            if (!collector.ended.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the modality processors did not finish within 120 s of the end of the file");
            }
            List<AlarmLogEntry> log = alarms.log();
            List<AlarmLogEntry> ours = log.subList(Math.min(logStart[0], log.size()), log.size());
            input.ended.await(10, TimeUnit.SECONDS); // the counting consumer hears the stop after the data
            List<String> warnings = InputWarnings.of(channels, Services.acceptedRoles(), input.stimuli.get(),
                    List.copyOf(input.otherAnnotations), collector.resultsByProcessor());
            Files.writeString(json, toJson(recording, settings, baselineAt, collector, ours, warnings), StandardCharsets.UTF_8);
            err.printf(Locale.ROOT, "analyze: %s: %d measurements, %d detected events, %d alarm events from %s in %.1f s (%.0f× real time) → %s%n",
                    recording.getFileName(), collector.measurements.size(), collector.events.size(), ours.size(), host.processorIds(),
                    progress.elapsedSeconds(), seconds / progress.elapsedSeconds(), json);
            for (String failure : collector.failures) {
                err.println("analyze: warning: " + failure);
            }
            for (String warning : warnings) {
                err.println("analyze: warning: " + warning);
            }
            return 0;
        } finally {
            host.removeListener(collector);
        }
    }

    static String toJson(Path recording, Map<String, Map<String, Object>> settings, double baselineAt, Collector c,
            List<AlarmLogEntry> log, List<String> warnings) {
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
        for (Measurement m : c.measurements) {
            j.element().begin('{').field("timeSeconds", m.timeSeconds()).field("modality", m.modality()).field("site", m.site())
                    .field("channel", m.channel()).field("component", m.component()).field("latencyMs", m.latencyMs())
                    .field("amplitudeUv", m.amplitudeUv()).field("value", m.value()).field("unit", m.unit())
                    .field("sweepsUsed", m.sweepsUsed())
                    .field("sweepsRejected", m.sweepsRejected()).field("provenance", m.provenance().describe()).end('}');
        }
        j.end(']');
        j.key("events").begin('[');
        for (DetectedEvent e : c.events) {
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
        c.failures.forEach(j::value);
        j.end(']');
        // why a run produced little or nothing: unrecognised stimuli, no usable channel, a silent processor
        j.key("warnings").begin('[');
        warnings.forEach(j::value);
        j.end(']');
        return j.end('}').toString();
    }

    /** Counts what the recording delivered: recognised stimuli, and the annotations that were not. */
    static final class InputCounter implements org.openionm.acquisition.SampleConsumer {
        final java.util.concurrent.atomic.AtomicLong stimuli = new java.util.concurrent.atomic.AtomicLong();
        final List<String> otherAnnotations = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch ended = new CountDownLatch(1);

        @Override
        public void onStart(String driverId, List<org.openionm.core.model.Channel> channels) {
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

    /**
     * Collects the results of the one acquisition that follows its registration: anything the host
     * was still finishing from an earlier one comes before {@link #acquisitionStarted} and is not
     * this recording's.
     */
    static final class Collector implements ResultListener {
        final List<Measurement> measurements = Collections.synchronizedList(new ArrayList<>());
        final List<DetectedEvent> events = Collections.synchronizedList(new ArrayList<>());
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch ended = new CountDownLatch(1);
        private final Map<String, Long> results = new java.util.concurrent.ConcurrentHashMap<>();
        private final Runnable atStart;
        private volatile boolean started;

        /** @param atStart runs on the processing thread when this acquisition starts, before its first block */
        Collector(Runnable atStart) {
            this.atStart = atStart;
        }

        @Override
        public void acquisitionStarted() {
            if (!started) {
                started = true;
                atStart.run();
            }
        }

        @Override
        public void measurement(Measurement measurement) {
            if (started) {
                measurements.add(measurement);
            }
        }

        @Override
        public void event(DetectedEvent event) {
            if (started) {
                events.add(event);
                results.merge(event.modality(), 1L, Long::sum);
            }
        }

        @Override
        public void average(org.openionm.core.processing.AverageTrace average) {
            if (started) {
                results.merge(average.modality(), 1L, Long::sum);
            }
        }

        /** Measurements, averages and events per processor id. */
        Map<String, Long> resultsByProcessor() {
            Map<String, Long> out = new java.util.HashMap<>(results);
            synchronized (measurements) {
                measurements.forEach(m -> out.merge(m.modality(), 1L, Long::sum));
            }
            return out;
        }

        @Override
        public void processorFailed(String processorId, Throwable error) {
            if (started) {
                failures.add(processorId + " failed and was stopped: " + error);
            }
        }

        @Override
        public void acquisitionEnded(String reason) {
            if (started) {
                ended.countDown();
            }
        }
    }

}
