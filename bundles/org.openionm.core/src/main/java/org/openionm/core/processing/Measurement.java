package org.openionm.core.processing;

import java.util.Objects;

/**
 * One measured component of an evoked response.
 *
 * @param timeSeconds    case time of the average it was measured on
 * @param modality       processor id, e.g. {@code "ssep"}
 * @param site           stimulation site, e.g. {@code "median.left"}
 * @param channel        recording channel label
 * @param component      e.g. {@code "N20"}, {@code "onset"}
 * @param latencyMs      latency after the stimulus
 * @param amplitudeUv    amplitude in microvolts (peak-to-peak where the component defines it so)
 * @param sweepsUsed     sweeps in the average
 * @param sweepsRejected sweeps rejected while building it
 * @param provenance     how it was produced
 */
public record Measurement(double timeSeconds, String modality, String site, String channel, String component,
        double latencyMs, double amplitudeUv, int sweepsUsed, int sweepsRejected, Provenance provenance) {

    public Measurement {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(provenance, "provenance");
    }
}
