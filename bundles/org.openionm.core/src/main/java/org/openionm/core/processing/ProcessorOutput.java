package org.openionm.core.processing;

/** Where a processor publishes what it found; implementations never block the caller. */
public interface ProcessorOutput {

    void measurement(Measurement measurement);

    void average(AverageTrace average);

    void trend(TrendPoint point);

    void alarm(AlarmCondition condition);

    /**
     * The reference trace a baseline was captured from, published when the user captures it, so a
     * view can overlay it on later averages. Its time is the capture time.
     */
    default void baseline(AverageTrace baseline) {
    }

    /**
     * A discrete finding of a free-running signal (an EMG discharge, an EEG burst); views mark it on
     * the trace and list it, {@code analyze} writes it to its {@code events} list.
     *
     * @since 0.3.0
     */
    default void event(DetectedEvent event) {
    }
}
