package org.openionm.core.processing;

import java.util.Objects;

/**
 * A stimulus-locked average ready to display.
 *
 * @param timeSeconds    case time when the average was completed
 * @param modality       processor id
 * @param site           stimulation site
 * @param channel        recording channel label
 * @param samplesUv      the average in microvolts, first sample at the stimulus
 * @param samplingRateHz sampling rate of {@code samplesUv}
 * @param sweepsUsed     sweeps averaged
 * @param sweepsRejected sweeps rejected
 * @param provenance     filters, averaging mode and rejection settings used
 */
public record AverageTrace(double timeSeconds, String modality, String site, String channel, float[] samplesUv,
        double samplingRateHz, int sweepsUsed, int sweepsRejected, Provenance provenance) {

    public AverageTrace {
        Objects.requireNonNull(samplesUv, "samplesUv");
        Objects.requireNonNull(provenance, "provenance");
    }
}
