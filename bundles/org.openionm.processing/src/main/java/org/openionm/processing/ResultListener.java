package org.openionm.processing;

import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.TrendPoint;

/**
 * Receives what the modality processors publish, on the processing thread: return quickly (a view
 * coalesces to display rate, a recorder queues). That is the engine's consumer thread while an
 * acquisition runs, otherwise the host's own thread (a marker moved on a stopped replay); either
 * way one call at a time, in order, and never the thread of whoever called the {@link ProcessorHost}
 * — results of {@link ProcessorHost#moveMarker} included, so a view must not expect them on the UI
 * thread.
 */
public interface ResultListener {

    /**
     * A new acquisition begins: what follows belongs to it. Results of an earlier acquisition that
     * were still being processed all came before this call.
     */
    default void acquisitionStarted() {
    }

    /**
     * A new acquisition begins that continues the case of the one before (instead of {@link
     * #acquisitionStarted()}): baselines and trends stay, and what follows lies after a stretch
     * without data. By default a listener treats it as a new acquisition.
     *
     * @param resumedAtSeconds case time of the new acquisition's first sample
     * @param gapSeconds       how long the case was without data before it
     * @since 0.4.0
     */
    default void acquisitionContinued(double resumedAtSeconds, double gapSeconds) {
        acquisitionStarted();
    }

    default void measurement(Measurement measurement) {
    }

    default void average(AverageTrace average) {
    }

    default void trend(TrendPoint point) {
    }

    default void alarm(AlarmCondition condition) {
    }

    /**
     * A processor detected a discrete event (see {@link org.openionm.core.processing.ProcessorOutput#event}).
     *
     * @since 0.3.0
     */
    default void event(org.openionm.core.processing.DetectedEvent event) {
    }

    /** A baseline was captured from this trace (see {@link org.openionm.core.processing.ProcessorOutput#baseline}). */
    default void baseline(AverageTrace baseline) {
    }

    /**
     * A running average while the first full one builds ({@link org.openionm.core.processing.ProcessorOutput#partialAverage}):
     * for live views; nothing was measured or judged on it.
     *
     * @since 0.3.1
     */
    default void partialAverage(AverageTrace average) {
    }

    /** Every processor has seen the end of the acquisition and stopped: results are complete. */
    default void acquisitionEnded(String reason) {
    }

    /**
     * A processor's settings were changed through {@link ProcessorHost#configure}: the overrides before
     * and after (sorted maps of the canonical values; keys left out are at their default). Heard on the
     * processing thread soon after the change, so an audit trail records every change, including
     * alarm criteria, with who was at the workbench.
     *
     * @since 0.3.0
     */
    default void settingsChanged(String processorId, java.util.Map<String, Object> previousOverrides,
            java.util.Map<String, Object> overrides) {
    }

    /** A processor failed and was taken out of this acquisition; the others go on. */
    default void processorFailed(String processorId, Throwable error) {
    }
}
