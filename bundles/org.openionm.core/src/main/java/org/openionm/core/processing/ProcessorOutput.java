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

    /**
     * A running average while the first full one builds (its {@code sweepsUsed} is how many sweeps it
     * holds; the target is in its provenance, {@code sweeps.target}). For a live view only, so the
     * screen is not blank for the first minutes of a case: nothing is measured or judged on it, and
     * consumers that keep results (analyze, reports) do not hear it — hence its own method rather
     * than {@link #average}.
     *
     * @since 0.3.1
     */
    default void partialAverage(AverageTrace average) {
    }
}
