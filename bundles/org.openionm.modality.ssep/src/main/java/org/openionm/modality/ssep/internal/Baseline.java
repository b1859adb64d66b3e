package org.openionm.modality.ssep.internal;

import java.util.Map;
import java.util.Objects;

/**
 * A component's reference value, captured explicitly by the user together with the settings in
 * effect (a later change of filter would otherwise masquerade as a latency change).
 *
 * @param timeSeconds case time of the capture
 * @param settings    effective settings of the measurement, as in its provenance
 */
public record Baseline(double timeSeconds, String site, String channel, String component, double latencyMs,
        double amplitudeUv, Map<String, String> settings) {

    public Baseline {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(component, "component");
        settings = Map.copyOf(settings);
    }

    /** Key of the site/channel/component this baseline belongs to. */
    public String key() {
        return site + "/" + channel + "/" + component;
    }
}
