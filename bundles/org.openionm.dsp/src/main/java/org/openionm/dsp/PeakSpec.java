package org.openionm.dsp;

import java.util.Objects;

/** A component to look for: name, normative latency window (ms after the stimulus) and polarity. */
public record PeakSpec(String component, double fromMs, double toMs, Polarity polarity) {

    public PeakSpec {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(polarity, "polarity");
        if (!(fromMs < toMs)) {
            throw new IllegalArgumentException("latency window of " + component + " is empty: " + fromMs + "–" + toMs);
        }
    }
}
