package org.openionm.modality.mep.internal;

import org.openionm.core.stimulation.SiteId;

/** Body side of a muscle channel and of the muscles a transcranial montage excites. */
enum MuscleSide {
    LEFT, RIGHT, UNKNOWN;

    /** From the label suffix: "TA-L", "TA L" → LEFT; "APB-R", "APB R" → RIGHT. */
    static MuscleSide ofLabel(String label) {
        String t = label.trim();
        if (t.endsWith("-L") || t.endsWith(" L")) {
            return LEFT;
        }
        if (t.endsWith("-R") || t.endsWith(" R")) {
            return RIGHT;
        }
        return UNKNOWN;
    }

    /**
     * The anode excites the hemisphere under it, whose muscles are contralateral: odd electrode
     * (C3, C1: left hemisphere) → right-side muscles. Same rule as the simulator. A midline anode, or
     * a site that is no transcranial montage ({@link SiteId}), gives UNKNOWN.
     */
    static MuscleSide evokedBy(String siteId) {
        return SiteId.tryParse(siteId).filter(SiteId.Transcranial.class::isInstance).map(SiteId.Transcranial.class::cast)
                .flatMap(SiteId.Transcranial::anodeSide).map(head -> head == SiteId.Side.LEFT ? RIGHT : LEFT).orElse(UNKNOWN);
    }

    /** Whether a train at this site is expected to evoke the muscle (unknown sides are always measured). */
    static boolean evokes(String siteId, String label) {
        MuscleSide body = evokedBy(siteId);
        MuscleSide muscle = ofLabel(label);
        return body == UNKNOWN || muscle == UNKNOWN || body == muscle;
    }
}
