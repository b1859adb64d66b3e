package org.openionm.driver.simulator.internal;

import org.openionm.core.stimulation.SiteId;
import org.openionm.driver.simulator.internal.MontageChannel.Side;

/**
 * What the simulated patient makes of a stimulation site id ({@link SiteId}): an SSEP nerve it
 * models ({@code median.left}), a TcMEP montage ({@code tcmep.C3C4}: anode first), a pedicle screw
 * ({@code screw.L4.left}), or something it has no model for (artifact only).
 *
 * @param id    the site id
 * @param type  model family
 * @param side  SSEP/screw: stimulated side; TcMEP: body side of the contralateral muscles (MIDLINE = both)
 * @param level screw: vertebral level (e.g. {@code "L4"}), empty otherwise
 */
record StimSite(String id, Type type, Side side, String level) {

    enum Type { SSEP, TCMEP, SCREW, OTHER }

    static StimSite parse(String id) {
        return SiteId.tryParse(id).map(site -> switch (site) {
            case SiteId.Nerve n when SsepNorms.SITES.contains(id) -> new StimSite(id, Type.SSEP, side(n.side()), "");
            case SiteId.Nerve n -> other(id);
            // the anode excites the hemisphere under it: left (odd) → right-side muscles
            case SiteId.Transcranial t -> new StimSite(id, Type.TCMEP,
                    t.anodeSide().map(head -> side(head.opposite())).orElse(Side.MIDLINE), "");
            case SiteId.PedicleScrew s -> new StimSite(id, Type.SCREW, side(s.side()), s.level());
        }).orElseGet(() -> other(id));
    }

    private static StimSite other(String id) {
        return new StimSite(id, Type.OTHER, Side.MIDLINE, "");
    }

    private static Side side(SiteId.Side s) {
        return s == SiteId.Side.LEFT ? Side.LEFT : Side.RIGHT;
    }

    static String forms() {
        return String.join(", ", SsepNorms.SITES) + ", tcmep.<anode><cathode> (e.g. tcmep.C3C4),"
                + " screw.<T1-T12|L1-L5|S1-S2>.<left|right> (e.g. screw.L4.left)";
    }
}
