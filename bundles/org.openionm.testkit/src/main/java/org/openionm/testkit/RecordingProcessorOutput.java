package org.openionm.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.DetectedEvent;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.ProcessorOutput;
import org.openionm.core.processing.TrendPoint;

/**
 * Keeps everything a processor publishes, in order, with query helpers. Thread-safe: a processor
 * may publish on the processing thread while the test reads; every list returned is a copy.
 *
 * @since 0.2.0
 */
public final class RecordingProcessorOutput implements ProcessorOutput {

    private final List<Measurement> measurements = new ArrayList<>();
    private final List<AverageTrace> averages = new ArrayList<>();
    private final List<TrendPoint> trends = new ArrayList<>();
    private final List<AlarmCondition> alarms = new ArrayList<>();
    private final List<AverageTrace> baselines = new ArrayList<>();
    private final List<DetectedEvent> events = new ArrayList<>();
    private final List<AverageTrace> partialAverages = new ArrayList<>();

    @Override
    public synchronized void measurement(Measurement measurement) {
        measurements.add(measurement);
    }

    @Override
    public synchronized void average(AverageTrace average) {
        averages.add(average);
    }

    @Override
    public synchronized void trend(TrendPoint point) {
        trends.add(point);
    }

    @Override
    public synchronized void alarm(AlarmCondition condition) {
        alarms.add(condition);
    }

    @Override
    public synchronized void baseline(AverageTrace baseline) {
        baselines.add(baseline);
    }

    @Override
    public synchronized void event(DetectedEvent event) {
        events.add(event);
    }

    @Override
    public synchronized void partialAverage(AverageTrace average) {
        partialAverages.add(average);
    }

    /** Every running average published while a first full average built, in order. @since 0.3.1 */
    public synchronized List<AverageTrace> partialAverages() {
        return List.copyOf(partialAverages);
    }

    /** Every detected event (EMG discharge, EEG burst), in order. @since 0.3.0 */
    public synchronized List<DetectedEvent> events() {
        return List.copyOf(events);
    }

    /** Forgets everything recorded so far. @since 0.2.0 */
    public synchronized void clear() {
        measurements.clear();
        averages.clear();
        trends.clear();
        alarms.clear();
        baselines.clear();
        events.clear();
    }

    /** @since 0.2.0 */
    public synchronized List<Measurement> measurements() {
        return List.copyOf(measurements);
    }

    /** @since 0.2.0 */
    public synchronized List<AverageTrace> averages() {
        return List.copyOf(averages);
    }

    /** @since 0.2.0 */
    public synchronized List<TrendPoint> trends() {
        return List.copyOf(trends);
    }

    /** Every alarm condition, raised and cleared, in order. @since 0.2.0 */
    public synchronized List<AlarmCondition> alarms() {
        return List.copyOf(alarms);
    }

    /** Baseline traces published at capture. @since 0.2.0 */
    public synchronized List<AverageTrace> baselines() {
        return List.copyOf(baselines);
    }

    /**
     * Measurements of one channel's component (any site), in order.
     *
     * @since 0.2.0
     */
    public List<Measurement> measurements(String channel, String component) {
        return filter(measurements(), m -> m.channel().equals(channel) && m.component().equals(component));
    }

    /**
     * The latest measurement of {@code component} on {@code channel} (any site), or null.
     *
     * @since 0.2.0
     */
    public Measurement lastMeasurement(String channel, String component) {
        return last(measurements(channel, component)).orElse(null);
    }

    /**
     * The latest measurement on {@code channel} (any site or component), or null.
     *
     * @since 0.2.0
     */
    public Measurement lastMeasurement(String channel) {
        return last(filter(measurements(), m -> m.channel().equals(channel))).orElse(null);
    }

    /**
     * The latest average of {@code site} on {@code channel}, or null.
     *
     * @since 0.2.0
     */
    public AverageTrace lastAverage(String site, String channel) {
        return last(filter(averages(), a -> a.site().equals(site) && a.channel().equals(channel))).orElse(null);
    }

    /**
     * Points of the trend series named exactly {@code series}, in order.
     *
     * @since 0.2.0
     */
    public List<TrendPoint> trend(String series) {
        return filter(trends(), t -> t.series().equals(series));
    }

    /**
     * The value of the latest trend point whose series ends with {@code suffix}, NaN when none.
     *
     * @since 0.2.0
     */
    public double lastTrendValue(String suffix) {
        return last(filter(trends(), t -> t.series().endsWith(suffix))).map(TrendPoint::value).orElse(Double.NaN);
    }

    /**
     * Conditions that were active when published (raised or restated), in order.
     *
     * @since 0.2.0
     */
    public List<AlarmCondition> raised() {
        return filter(alarms(), AlarmCondition::active);
    }

    /**
     * Case time of the first active condition of {@code modality} at {@code site} on {@code channel},
     * NaN when none was raised.
     *
     * @since 0.2.0
     */
    public double firstRaised(String modality, String site, String channel) {
        return raised().stream()
                .filter(c -> c.modality().equals(modality) && c.site().equals(site) && c.channel().equals(channel))
                .mapToDouble(AlarmCondition::timeSeconds).min().orElse(Double.NaN);
    }

    private static <T> List<T> filter(List<T> items, Predicate<T> keep) {
        return items.stream().filter(keep).toList();
    }

    private static <T> Optional<T> last(List<T> items) {
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(items.size() - 1));
    }
}
