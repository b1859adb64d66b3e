package org.openionm.modality.ssep.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

import org.openionm.dsp.Peak;

/**
 * A component's baseline value as the mean over recent averages in which it was found. Mixed
 * amplitude definitions (N20 alone in one average, N20–P25 in another) are not averaged together:
 * the most recent definition wins and only averages measured that way count.
 */
record BaselineEstimate(double latencyMs, double amplitudeUv, String definition, int averages, double fromSeconds,
        double toSeconds) {

    /** Provenance key of a baseline's amplitude definition, e.g. {@code N20–P25}. */
    static final String DEFINITION = "amplitude.definition";

    static Optional<BaselineEstimate> of(Collection<AverageResult> history, ComponentNorm c) {
        int paired = 0, single = 0;
        for (AverageResult r : history) {
            if (r.peaks.containsKey(c.name())) {
                if (partnerFound(r, c)) {
                    paired++;
                } else {
                    single++;
                }
            }
        }
        if (paired + single == 0) {
            return Optional.empty();
        }
        boolean pair = paired >= single;
        double lat = 0, amp = 0, from = Double.NaN, to = Double.NaN;
        int n = 0;
        for (AverageResult r : history) {
            Peak p = r.peaks.get(c.name());
            if (p != null && partnerFound(r, c) == pair) {
                lat += p.latencyMs();
                amp += r.amplitudeOf(c);
                from = n == 0 ? r.timeSeconds : from;
                to = r.timeSeconds;
                n++;
            }
        }
        String definition = pair ? c.name() + "–" + c.partner() : c.name();
        return Optional.of(new BaselineEstimate(lat / n, amp / n, definition, n, from, to));
    }

    private static boolean partnerFound(AverageResult r, ComponentNorm c) {
        return c.partner() != null && r.peaks.containsKey(c.partner());
    }

    String describe() {
        return String.format(Locale.ROOT, "%s: mean of %d averages completed %.1f–%.1f s", definition, averages,
                fromSeconds, toSeconds);
    }
}
