package org.openionm.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.EngineState;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmManager;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.DetectedEvent;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.TrendPoint;
import org.openionm.processing.ProcessorHost;
import org.openionm.processing.ResultListener;

/**
 * Replays a recording through the EDF playback amplifier and every installed modality processor as
 * fast as possible (the engine's replay mode: nothing is dropped) and collects what they publish —
 * the same run as {@code ./openionm analyze}, which uses this class too.
 *
 * @since 0.2.0
 */
public final class RecordingAnalyzer {

    /** Progress while a replay runs: signal seconds done of the total. */
    public interface Progress {
        void show(double done, double total);
    }

    private final AcquisitionEngine engine;
    private final AmplifierDriver playback;
    private final ProcessorHost host;
    private final AlarmManager alarms;

    /** @param playback the EDF playback amplifier ({@code edf}) */
    public RecordingAnalyzer(AcquisitionEngine engine, AmplifierDriver playback, ProcessorHost host, AlarmManager alarms) {
        this.engine = engine;
        this.playback = playback;
        this.host = host;
        this.alarms = alarms;
    }

    /**
     * Analyses one recording with the host's current settings.
     *
     * @param options          playback options besides {@code file} ({@code protocol} for a file made elsewhere)
     * @param baselineAtSeconds case time to capture baselines at
     * @param seconds           the recording's duration (for progress)
     */
    public CaseAnalysis analyze(int segment, Path recording, double seconds, Map<String, String> options, double baselineAtSeconds,
            String baselineSource, Duration timeout, Progress progress) throws InterruptedException {
        Map<String, String> o = new LinkedHashMap<>(options);
        o.put("file", recording.toAbsolutePath().toString());
        int[] logStart = new int[1];
        Collector c = new Collector(() -> {
            logStart[0] = alarms.log().size();
            host.captureBaselineAt(baselineAtSeconds);
        });
        host.addListener(c);
        try {
            Map<String, Map<String, Object>> settings = new TreeMap<>();
            host.processorIds().forEach(id -> settings.put(id, host.effectiveSettings(id)));
            // the file decides rate and channels; these only bound them
            engine.start(playback, new AcquisitionConfig(1000, 256, false, o));
            while (engine.status().state() == EngineState.RUNNING) {
                progress.show(engine.status().signalSeconds(), seconds);
                Thread.sleep(200);
            }
            progress.show(engine.status().signalSeconds(), seconds);
            if (engine.status().state() == EngineState.FAILED) {
                throw new IllegalStateException(engine.status().message());
            }
            if (!c.ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the modality processors did not finish within " + timeout.toSeconds()
                        + " s of the end of " + recording.getFileName());
            }
            List<AlarmLogEntry> log = alarms.log();
            List<AlarmLogEntry> ours = log.subList(Math.min(logStart[0], log.size()), log.size());
            Map<String, String> producers = new TreeMap<>();
            c.measurements.forEach(m -> producers.putIfAbsent(m.modality(), m.provenance().producer()));
            return new CaseAnalysis(segment, recording, seconds, baselineAtSeconds, baselineSource, settings, producers,
                    c.measurements, c.averages, c.baselines, c.trends, c.events, new ArrayList<>(ours), c.failures);
        } finally {
            host.removeListener(c);
        }
    }

    /**
     * Collects the results of the one acquisition that follows its registration: anything the host
     * was still finishing from an earlier one comes before {@link #acquisitionStarted} and is not
     * this recording's.
     */
    public static final class Collector implements ResultListener {
        public final List<Measurement> measurements = Collections.synchronizedList(new ArrayList<>());
        public final List<DetectedEvent> events = Collections.synchronizedList(new ArrayList<>());
        /** Their samples in a temporary file: what keeps an 8-hour case within the workbench's heap. */
        public final List<AverageTrace> averages = new SpilledAverages();
        public final List<AverageTrace> baselines = Collections.synchronizedList(new ArrayList<>());
        public final List<TrendPoint> trends = Collections.synchronizedList(new ArrayList<>());
        public final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        public final CountDownLatch ended = new CountDownLatch(1);
        private final ProvenanceInterner interner = new ProvenanceInterner();
        private final Runnable atStart;
        private volatile boolean started;

        /** @param atStart runs on the processing thread when this acquisition starts, before its first block */
        public Collector(Runnable atStart) {
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
                Measurement m = measurement;
                measurements.add(new Measurement(m.timeSeconds(), m.modality(), m.site(), m.channel(), m.component(),
                        m.latencyMs(), m.amplitudeUv(), m.value(), m.unit(), m.sweepsUsed(), m.sweepsRejected(),
                        interner.canonical(m.provenance())));
            }
        }

        @Override
        public void average(AverageTrace average) {
            if (started) {
                averages.add(shared(average));
            }
        }

        @Override
        public void baseline(AverageTrace baseline) {
            if (started) {
                baselines.add(baseline);
            }
        }

        /** {@code a} with its provenance shared with equal ones (its samples are the processor's, not copied). */
        private AverageTrace shared(AverageTrace a) {
            return new AverageTrace(a.timeSeconds(), a.modality(), a.site(), a.channel(), a.samplesUv(), a.samplingRateHz(),
                    a.sweepsUsed(), a.sweepsRejected(), interner.canonical(a.provenance()));
        }

        @Override
        public void trend(TrendPoint point) {
            if (started) {
                trends.add(point);
            }
        }

        @Override
        public void event(DetectedEvent event) {
            if (started) {
                events.add(event);
            }
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
