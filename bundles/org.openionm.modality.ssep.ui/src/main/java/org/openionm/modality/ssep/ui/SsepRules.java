package org.openionm.modality.ssep.ui;

import java.util.Locale;
import java.util.Set;

import org.openionm.core.processing.Provenance;
import org.openionm.core.processing.TrendPoint;
import org.openionm.core.stimulation.SiteId;
import org.openionm.ui.widgets.evoked.EvokedRules;

/**
 * SSEP display: one tile per stimulation site with a row per recording channel; the trend charts
 * the cortical components the alarm watches (N20 for the median nerve, P37 for the tibial), whose
 * series the processor publishes as {@code site/channel/component/amplitude|latency}.
 */
public final class SsepRules implements EvokedRules {

    static final Set<String> TRENDED = Set.of("N20", "P37");

    @Override
    public String modality() {
        return "ssep";
    }

    @Override
    public String tileOf(String site, String channel) {
        return site;
    }

    /**
     * "median.left" → "Median L": how the chart is labelled. The site id is no longer shown beside it:
     * the alarm list and log name sites the same way (ScreenNames, issue 16 item 11).
     */
    @Override
    public String tileTitle(String site) {
        if (!(SiteId.tryParse(site).orElse(null) instanceof SiteId.Nerve n)) {
            return site;
        }
        String side = n.side() == SiteId.Side.LEFT ? "L" : "R";
        return n.nerve().substring(0, 1).toUpperCase(Locale.ROOT) + n.nerve().substring(1) + " " + side;
    }

    @Override
    public String rowLabel(String site, String channel) {
        return channel;
    }

    /** Six averages: about ten minutes at the demo's ≈ 95 s per average. */
    @Override
    public int historyDepth() {
        return 6;
    }

    /** The reader places N20, P37… by hand when the automatic pick is wrong (provenance: marker=manual). */
    @Override
    public boolean markersMovable() {
        return true;
    }

    @Override
    public TrendTarget trendTarget(TrendPoint p) {
        String[] s = p.series().split("/");
        if (s.length != 4 || !TRENDED.contains(s[2])) {
            return null;
        }
        Axis axis = switch (s[3]) {
            case "amplitude" -> Axis.AMPLITUDE;
            case "latency" -> Axis.LATENCY;
            default -> null;
        };
        if (axis == null) {
            return null;
        }
        // "CP4 N20 amp": the electrode names the channel (the reference is the same for all)
        String electrode = s[1].contains("-") ? s[1].substring(0, s[1].indexOf('-')) : s[1];
        return new TrendTarget(s[0], s[0], s[1], s[2], axis, electrode + " " + s[2] + (axis == Axis.AMPLITUDE ? " amp" : " lat"));
    }

    /** The preset's effective percentages travel in the provenance (ASNM 2024 by default: −50 %, +10 %). */
    @Override
    public double threshold(Axis axis, double baseline, Provenance provenance) {
        String key = axis == Axis.AMPLITUDE ? "alarm.amplitude.decrease.percent" : "alarm.latency.increase.percent";
        return EvokedRules.percentLine(baseline, provenance.settings().get(key), axis == Axis.AMPLITUDE ? -1 : 1);
    }
}
