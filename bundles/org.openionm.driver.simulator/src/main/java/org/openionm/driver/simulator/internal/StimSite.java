package org.openionm.driver.simulator.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openionm.driver.simulator.internal.MontageChannel.Side;

/**
 * What the simulated patient makes of a stimulation site id: an SSEP nerve ({@code median.left}),
 * a TcMEP montage ({@code tcmep.C3C4}: anode first), a pedicle screw ({@code screw.L4.left}), or
 * something it has no model for (artifact only).
 *
 * @param id    the site id
 * @param type  model family
 * @param side  SSEP/screw: stimulated side; TcMEP: body side of the contralateral muscles (MIDLINE = both)
 * @param level screw: vertebral level (e.g. {@code "L4"}), empty otherwise
 */
record StimSite(String id, Type type, Side side, String level) {

    enum Type { SSEP, TCMEP, SCREW, OTHER }

    private static final Pattern TCMEP = Pattern.compile("tcmep\\.([A-Z][a-z]?)([1-9z])([A-Z][a-z]?)([1-9z])");
    private static final Pattern SCREW = Pattern.compile("screw\\.((?:T(?:[1-9]|1[0-2]))|(?:L[1-5])|(?:S[12]))\\.(left|right)");

    static StimSite parse(String id) {
        if (SsepNorms.SITES.contains(id)) {
            return new StimSite(id, Type.SSEP, id.endsWith(".left") ? Side.LEFT : Side.RIGHT, "");
        }
        Matcher m = TCMEP.matcher(id);
        if (m.matches()) {
            char anode = m.group(2).charAt(0);
            // the anode excites the hemisphere under it: odd (left) → right-side muscles
            Side body = anode == 'z' ? Side.MIDLINE : (anode - '0') % 2 == 1 ? Side.RIGHT : Side.LEFT;
            return new StimSite(id, Type.TCMEP, body, "");
        }
        m = SCREW.matcher(id);
        if (m.matches()) {
            return new StimSite(id, Type.SCREW, m.group(2).equals("left") ? Side.LEFT : Side.RIGHT, m.group(1));
        }
        return new StimSite(id, Type.OTHER, Side.MIDLINE, "");
    }

    static String forms() {
        return String.join(", ", SsepNorms.SITES) + ", tcmep.<anode><cathode> (e.g. tcmep.C3C4),"
                + " screw.<T1-T12|L1-L5|S1-S2>.<left|right> (e.g. screw.L4.left)";
    }
}
