package org.openionm.core.processing;

import java.util.Objects;

/**
 * One recent average the user may take into a baseline (issue 16, item 7): when it was completed,
 * what it measured for the site's watched component, and whether it disagrees with the others (an
 * outlier, by the modality's agreement rule), so a baseline dialog can list and pre-select them.
 *
 * @param timeSeconds case time the average was completed: what a {@link BaselineChoice} names
 * @param component   the component measured, e.g. {@code N20}
 * @param definition  how the amplitude is read, e.g. {@code N20–P25} (peak-to-peak to the partner)
 * @param latencyMs   the component's latency
 * @param amplitudeUv its amplitude by {@code definition}
 * @param outlier     why it disagrees with the others, or empty when it agrees
 * @since 0.4.0
 */
public record BaselineCandidate(double timeSeconds, String site, String channel, String component, String definition,
        double latencyMs, double amplitudeUv, String outlier) {

    public BaselineCandidate {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(definition, "definition");
        outlier = outlier == null ? "" : outlier;
    }

    /** Whether the modality's agreement rule finds this average off from the others. */
    public boolean isOutlier() {
        return !outlier.isEmpty();
    }

    /** The same average on another time base (the host moves it onto the case clock). */
    public BaselineCandidate shifted(double bySeconds) {
        return new BaselineCandidate(timeSeconds + bySeconds, site, channel, component, definition, latencyMs, amplitudeUv,
                outlier);
    }
}
