package org.openionm.modality.mep.ui;

import java.util.Map;

import org.openionm.core.processing.Provenance;
import org.openionm.core.processing.TrendPoint;
import org.openionm.core.stimulation.SiteId;
import org.openionm.ui.widgets.evoked.EvokedRules;

/**
 * TcMEP display: one tile per muscle (the channel label, e.g. "APB-L") with a row per train site
 * that excites it; single trials are stacked; the trend charts peak-to-peak amplitude, published as
 * {@code site/muscle/p2p}. The marker is the response onset.
 */
public final class MepRules implements EvokedRules {

    @Override
    public String modality() {
        return "mep";
    }

    @Override
    public String tileOf(String site, String channel) {
        return channel;
    }

    @Override
    public String tileTitle(String muscle) {
        return muscle;
    }

    /** "tcmep.C4C3" → "C4C3": the anode–cathode pair the field names a train by. */
    @Override
    public String rowLabel(String site, String channel) {
        return shortSite(site);
    }

    /** Eight trials: the recent history a surgeon asks about after a change. */
    @Override
    public int historyDepth() {
        return 8;
    }

    @Override
    public String markerLabel(String component) {
        return "MEP".equals(component) ? "onset" : component;
    }

    @Override
    public TrendTarget trendTarget(TrendPoint p) {
        String[] s = p.series().split("/");
        if (s.length != 3 || !"p2p".equals(s[2])) {
            return null;
        }
        return new TrendTarget(s[1], s[0], s[1], "MEP", Axis.AMPLITUDE, "p2p " + shortSite(s[0]));
    }

    /**
     * The amplitude criterion of the preset in effect ({@code alarm.preset} spinal or brain — written
     * 0 or 1 before 0.2.0 — with its percentage); no latency criterion for TcMEP.
     */
    @Override
    public double threshold(Axis axis, double baseline, Provenance provenance) {
        if (axis != Axis.AMPLITUDE) {
            return Double.NaN;
        }
        Map<String, String> s = provenance.settings();
        String preset = s.getOrDefault("alarm.preset", "spinal");
        boolean brain = preset.startsWith("brain") || preset.startsWith("1");
        String pct = s.get(brain ? "alarm.amplitude.brain.pct" : "alarm.amplitude.spinal.pct");
        return EvokedRules.percentLine(baseline, pct, -1);
    }

    /** The montage of a transcranial site id ({@link SiteId}); any other site as it is. */
    static String shortSite(String site) {
        return SiteId.tryParse(site).filter(SiteId.Transcranial.class::isInstance)
                .map(t -> ((SiteId.Transcranial) t).montage()).orElse(site);
    }
}
