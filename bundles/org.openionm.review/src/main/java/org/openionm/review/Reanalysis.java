package org.openionm.review;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.AcquisitionEngines;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.alarm.AlarmManagers;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.core.processing.ModalityProcessor;
import org.openionm.io.edf.EdfAnnotation;
import org.openionm.processing.ProcessorHost;
import org.openionm.processing.ProcessorHosts;
import org.openionm.report.CaseAnalysis;
import org.openionm.report.RecordingAnalyzer;

/**
 * Re-analysis for review: the recording replayed through fresh instances of the modality processors
 * on a private engine, host and alarm manager — never the workbench's own. So reviewing a file while
 * a case is monitored neither stops the live acquisition nor records the replay into the open case,
 * its alarms do not sound in the Alarms view and a what-if setting is not a settings change of the
 * monitoring (nothing of it reaches the audit trail). The results are the same as
 * {@code ./openionm analyze}'s: {@link RecordingAnalyzer} runs both.
 *
 * @since 0.2.0
 */
public final class Reanalysis {

    /** When the baselines are captured without a "Baseline captured" entry: analyze's default. */
    public static final double DEFAULT_BASELINE_SECONDS = 120;
    private static final String BASELINE_EVENT = "EVENT Baseline captured";

    private final AmplifierDriver playback;
    private final List<Supplier<? extends ModalityProcessor>> processors;

    /**
     * @param playback   the EDF playback amplifier ({@code edf})
     * @param processors one factory per modality: each run gets new instances (a processor keeps state)
     */
    public Reanalysis(AmplifierDriver playback, List<Supplier<? extends ModalityProcessor>> processors) {
        this.playback = playback;
        this.processors = List.copyOf(processors);
    }

    /** When to capture baselines: the recording's first "Baseline captured" entry, else {@value #DEFAULT_BASELINE_SECONDS} s. */
    public static double baselineSeconds(List<EdfAnnotation> annotations) {
        return annotations.stream().filter(a -> a.text().startsWith(BASELINE_EVENT)).mapToDouble(EdfAnnotation::onsetSeconds)
                .findFirst().orElse(DEFAULT_BASELINE_SECONDS);
    }

    /** Why then, as the report and the screen say it. */
    public static String baselineSource(List<EdfAnnotation> annotations) {
        double at = baselineSeconds(annotations);
        boolean logged = annotations.stream().anyMatch(a -> a.text().startsWith(BASELINE_EVENT));
        return logged ? String.format(Locale.ROOT, "event log: Baseline captured at %.1f s", at)
                : String.format(Locale.ROOT, "no baseline capture in the recording: default %.0f s", at);
    }

    /**
     * Replays {@code recording} through the processors.
     *
     * @param options   playback options besides the file ({@code protocol} for a file recorded elsewhere)
     * @param settings  processor id → setting overrides (the workbench's, plus a what-if's change)
     * @param timeout   how long the processors may take to finish after the end of the file
     */
    public CaseAnalysis run(Path recording, double seconds, Map<String, String> options, Map<String, Map<String, ?>> settings,
            double baselineAtSeconds, String baselineSource, Duration timeout, RecordingAnalyzer.Progress progress)
            throws InterruptedException {
        List<ModalityProcessor> fresh = new ArrayList<>();
        processors.forEach(p -> fresh.add(p.get()));
        var alarms = AlarmManagers.create();
        ProcessorHost host = ProcessorHosts.create(alarms, fresh);
        settings.forEach((id, values) -> {
            if (host.processorIds().contains(id) && !values.isEmpty()) {
                host.configure(id, values);
            }
        });
        AcquisitionEngine engine = AcquisitionEngines.create();
        try (ConsumerRegistration connected = ProcessorHosts.connect(host, engine, 4096)) {
            return new RecordingAnalyzer(engine, playback, host, alarms).analyze(1, recording, seconds, options, baselineAtSeconds,
                    baselineSource, timeout, progress);
        } finally {
            AcquisitionEngines.dispose(engine);
        }
    }
}
