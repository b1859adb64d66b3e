package org.openionm.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.openionm.acquisition.EngineStatus;
import org.openionm.acquisition.SampleConsumer;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmSnapshot;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.DetectedEvent;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.TrendPoint;
import org.openionm.processing.ResultListener;

/**
 * What a {@link Replay} produced: the processors' results ({@link #results()}: measurements,
 * averages, trends, alarm conditions, baselines), the alarm manager's log and final state, and what
 * the engine handed to consumers (channels, samples, stimuli, annotations, gaps, health).
 *
 * @param channels          the acquisition's channels
 * @param samplesDelivered  samples per channel in the blocks consumers received (gaps excluded)
 * @param endSample         sample index after the last block: the length of the acquisition, gaps included
 * @param stimuli           stimuli delivered, in order
 * @param annotations       annotations, in order
 * @param gaps              gaps consumers were told of
 * @param health            amplifier health reports, in order
 * @param stopReason        why the acquisition ended, as consumers were told
 * @param engineStatus      the engine's status after the end ({@code STOPPED}, or {@code FAILED} with the message)
 * @param results           what the processors published
 * @param processorFailures processors taken out of the acquisition, by id, with what they threw
 * @param alarmLog          the alarm manager's whole log, oldest first
 * @param alarms            the alarm manager's alarms at the end
 * @since 0.2.0
 */
public record ReplayResult(List<Channel> channels, long samplesDelivered, long endSample, List<StimulusEvent> stimuli,
        List<Annotation> annotations, List<DataGap> gaps, List<DriverHealth> health, String stopReason,
        EngineStatus engineStatus, RecordingProcessorOutput results, Map<String, Throwable> processorFailures,
        List<AlarmLogEntry> alarmLog, AlarmSnapshot alarms) {

    public ReplayResult {
        channels = List.copyOf(channels);
        stimuli = List.copyOf(stimuli);
        annotations = List.copyOf(annotations);
        gaps = List.copyOf(gaps);
        health = List.copyOf(health);
        processorFailures = Map.copyOf(processorFailures);
        alarmLog = List.copyOf(alarmLog);
    }

    /** Seconds of signal, gaps included. @since 0.2.0 */
    public double seconds() {
        return channels.isEmpty() ? 0 : endSample / channels.get(0).samplingRateHz();
    }

    /** Shortcut for {@code results().measurements()}. @since 0.2.0 */
    public List<Measurement> measurements() {
        return results.measurements();
    }

    /** Shortcut for {@code results().averages()}. @since 0.2.0 */
    public List<AverageTrace> averages() {
        return results.averages();
    }

    /** Shortcut for {@code results().trends()}. @since 0.2.0 */
    public List<TrendPoint> trends() {
        return results.trends();
    }

    /** Every alarm condition the processors published (raised and cleared), in order. @since 0.2.0 */
    public List<AlarmCondition> alarmConditions() {
        return results.alarms();
    }

    /** Alarm log entries of one event kind, e.g. {@code RAISED}. @since 0.2.0 */
    public List<AlarmLogEntry> alarmLog(AlarmLogEntry.Event event) {
        return alarmLog.stream().filter(e -> e.event() == event).toList();
    }

    /** Stimuli of one site. @since 0.2.0 */
    public List<StimulusEvent> stimuli(String siteId) {
        return stimuli.stream().filter(s -> s.siteId().equals(siteId)).toList();
    }

    /** Collects on the host's processing thread and on its own consumer thread; both must hear the end. */
    static final class Collector implements ResultListener, SampleConsumer {

        private final RecordingProcessorOutput results = new RecordingProcessorOutput();
        private final Map<String, Throwable> failures = new LinkedHashMap<>();
        private final List<StimulusEvent> stimuli = new ArrayList<>();
        private final List<Annotation> annotations = new ArrayList<>();
        private final List<DataGap> gaps = new ArrayList<>();
        private final List<DriverHealth> health = new ArrayList<>();
        private final CountDownLatch ends = new CountDownLatch(2);
        private List<Channel> channels = List.of();
        private long delivered;
        private long end;
        private String stopReason = "";

        boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
            return ends.await(timeout, unit);
        }

        synchronized ReplayResult result(EngineStatus status, List<AlarmLogEntry> log, AlarmSnapshot snapshot) {
            return new ReplayResult(channels, delivered, end, stimuli, annotations, gaps, health, stopReason, status, results,
                    failures, log, snapshot);
        }

        // results, on the processing thread

        @Override
        public void measurement(Measurement measurement) {
            results.measurement(measurement);
        }

        @Override
        public void average(AverageTrace average) {
            results.average(average);
        }

        @Override
        public void trend(TrendPoint point) {
            results.trend(point);
        }

        @Override
        public void alarm(AlarmCondition condition) {
            results.alarm(condition);
        }

        @Override
        public void baseline(AverageTrace baseline) {
            results.baseline(baseline);
        }

        @Override
        public void event(DetectedEvent event) {
            results.event(event);
        }

        @Override
        public synchronized void processorFailed(String processorId, Throwable error) {
            failures.put(processorId, error);
        }

        @Override
        public void acquisitionEnded(String reason) {
            ends.countDown();
        }

        // the acquisition, on this consumer's thread

        @Override
        public synchronized void onStart(String driverId, List<Channel> acquisitionChannels) {
            channels = List.copyOf(acquisitionChannels);
        }

        @Override
        public synchronized void onBlock(SampleBlock block) {
            delivered += block.sampleCount();
            end = block.endSampleIndex();
        }

        @Override
        public synchronized void onStimulus(StimulusEvent event) {
            stimuli.add(event);
        }

        @Override
        public synchronized void onGap(DataGap gap) {
            gaps.add(gap);
        }

        @Override
        public synchronized void onHealth(DriverHealth report) {
            health.add(report);
        }

        @Override
        public synchronized void onAnnotation(Annotation annotation) {
            annotations.add(annotation);
        }

        @Override
        public void onStop(String reason) {
            synchronized (this) {
                stopReason = reason;
            }
            ends.countDown();
        }
    }
}
