package org.openionm.modality.ssep.internal;

import java.util.ArrayList;
import java.util.List;

import org.openionm.dsp.Polarity;

/**
 * Normative adult SSEP components (IONM-REFERENCE.md, SSEP section, source "textbook"): median N9
 * ≈ 9–10 ms, N13 ≈ 13 ms, N20 ≈ 19–20 ms (upper normal 22–23), tibial P37 ≈ 37–40 ms (upper normal
 * 44–45). Windows leave room above the upper normal so that a latency increase stays measurable.
 *
 * @param partner component for the peak-to-peak amplitude (N20–P25, P37–N45), or null
 */
record ComponentNorm(String name, boolean upperLimb, Recording.Level level, double fromMs, double toMs,
        Polarity polarity, String partner, String source) {

    static final String TEXTBOOK = "textbook (IONM-REFERENCE.md, SSEP normative adult latencies)";

    static final ComponentNorm N9 = new ComponentNorm("N9", true, Recording.Level.PERIPHERAL, 7, 13,
            Polarity.NEGATIVE, null, TEXTBOOK);
    static final ComponentNorm N13 = new ComponentNorm("N13", true, Recording.Level.SUBCORTICAL, 10.5, 17,
            Polarity.NEGATIVE, null, TEXTBOOK);
    static final ComponentNorm N20 = new ComponentNorm("N20", true, Recording.Level.CORTICAL, 15, 24,
            Polarity.NEGATIVE, "P25", TEXTBOOK);
    static final ComponentNorm P25 = new ComponentNorm("P25", true, Recording.Level.CORTICAL, 21, 34,
            Polarity.POSITIVE, null, TEXTBOOK);
    static final ComponentNorm POPLITEAL = new ComponentNorm("PF", false, Recording.Level.PERIPHERAL, 5, 14,
            Polarity.NEGATIVE, null, TEXTBOOK);
    static final ComponentNorm N34 = new ComponentNorm("N34", false, Recording.Level.SUBCORTICAL, 28, 40,
            Polarity.NEGATIVE, null, TEXTBOOK);
    static final ComponentNorm P37 = new ComponentNorm("P37", false, Recording.Level.CORTICAL, 32, 46,
            Polarity.POSITIVE, "N45", TEXTBOOK);
    static final ComponentNorm N45 = new ComponentNorm("N45", false, Recording.Level.CORTICAL, 41, 58,
            Polarity.NEGATIVE, null, TEXTBOOK);

    static final List<ComponentNorm> ALL = List.of(N9, N13, N20, P25, POPLITEAL, N34, P37, N45);

    /** Setting keys of this component's window. */
    String fromKey() {
        return "component." + name + ".from.ms";
    }

    String toKey() {
        return "component." + name + ".to.ms";
    }

    /**
     * The component the alarm watches on a channel: the first one searched there, on cortical
     * recordings only unless {@code subcorticalToo}. Cortical N20/P37 carry the ASNM criteria;
     * peripheral responses prove the stimulus arrives, and the small cervical N13/N34 ride on neck
     * muscle noise, so alarming on them would mostly alarm on noise.
     */
    static ComponentNorm watched(List<ComponentNorm> searched, boolean subcorticalToo) {
        if (searched.isEmpty()) {
            return null;
        }
        ComponentNorm first = searched.get(0);
        return first.level == Recording.Level.CORTICAL
                || subcorticalToo && first.level == Recording.Level.SUBCORTICAL ? first : null;
    }

    /**
     * Components searched on {@code rec} for {@code site}. Peripheral: stimulated side only.
     * Cortical upper limb: both CP3 and CP4 (contralateral is expected; searching the ipsilateral
     * one too shows a swapped montage, and the prominence test rejects noise there).
     */
    static List<ComponentNorm> searchedOn(StimSite site, Recording rec) {
        List<ComponentNorm> out = new ArrayList<>();
        boolean ipsiPeripheral = rec.level() == Recording.Level.PERIPHERAL && !rec.contralateralTo(site)
                && rec.lowerLimbPeripheral() != site.upperLimb();
        boolean corticalOk = rec.level() == Recording.Level.CORTICAL
                && (site.upperLimb() ? rec.side() != Recording.Side.MIDLINE : rec.side() == Recording.Side.MIDLINE);
        for (ComponentNorm c : ALL) {
            if (c.upperLimb != site.upperLimb() || c.level != rec.level()) {
                continue;
            }
            if (rec.level() == Recording.Level.SUBCORTICAL || ipsiPeripheral || corticalOk) {
                out.add(c);
            }
        }
        return out;
    }
}
