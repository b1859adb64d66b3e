package org.openionm.core.processing;

import java.util.Objects;

/**
 * A discrete finding over an interval of the signal, detected without a stimulus: an EMG spike,
 * burst, neurotonic discharge or A-train, an EEG burst or suppression. Evoked results are
 * {@link Measurement}s; this is the "what happened when, on which channel" of free-running signals.
 *
 * @param timeSeconds     case time of its onset
 * @param durationSeconds how long it lasted (0 for an isolated spike)
 * @param modality        processor id, e.g. {@code "emg.freerun"}
 * @param channel         recording channel label
 * @param kind            what it is, in the modality's words, e.g. {@code "spike"}, {@code "burst"},
 *                        {@code "neurotonic"}, {@code "A-train"}, {@code "A-train cluster"}
 * @param peakUv          largest absolute excursion in microvolts (after the processor's filter)
 * @param provenance      how it was produced (filter, thresholds)
 * @since 0.3.0
 */
public record DetectedEvent(double timeSeconds, double durationSeconds, String modality, String channel, String kind,
        double peakUv, Provenance provenance) {

    public DetectedEvent {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(provenance, "provenance");
        if (!(durationSeconds >= 0)) {
            throw new IllegalArgumentException("durationSeconds must be ≥ 0, was " + durationSeconds);
        }
    }

    /** Case time of its end. */
    public double endSeconds() {
        return timeSeconds + durationSeconds;
    }
}
