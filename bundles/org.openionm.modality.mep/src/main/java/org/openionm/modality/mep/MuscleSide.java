package org.openionm.modality.mep;

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
     * (C3, C1: left hemisphere) → right-side muscles. Same rule as the simulator.
     */
    static MuscleSide evokedBy(String siteId) {
        if (!siteId.startsWith("tcmep.") || siteId.length() < 8) {
            return UNKNOWN;
        }
        char digit = siteId.charAt(7);
        if (Character.isDigit(digit) && digit != '0') {
            return (digit - '0') % 2 == 1 ? RIGHT : LEFT;
        }
        return UNKNOWN;
    }

    /** Whether a train at this site is expected to evoke the muscle (unknown sides are always measured). */
    static boolean evokes(String siteId, String label) {
        MuscleSide body = evokedBy(siteId);
        MuscleSide muscle = ofLabel(label);
        return body == UNKNOWN || muscle == UNKNOWN || body == muscle;
    }
}
