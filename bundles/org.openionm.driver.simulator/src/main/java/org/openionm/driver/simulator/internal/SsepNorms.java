package org.openionm.driver.simulator.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Normative adult SSEP components (textbook values, IONM-REFERENCE.md): median N9 (Erb), N13
 * (cervical), N20/P25 (contralateral CP); ulnar about 0.5 ms later and smaller; tibial popliteal
 * fossa (PF), N34 (cervical), P37/N45 (CPz). Amplitudes are chosen so that the single-sweep SNR
 * against the default backgrounds (20 µV RMS) is 0.05–0.2, as the simulation recipe asks; the
 * cortical N20 and P37 sit at 0.15: at the low end a 300/500-sweep average is too close
 * to the noise for a stable baseline. N20–P25 is then 6 µV before filtering (about 5 µV after),
 * at the top of the textbook 1–5 µV.
 * A scenario overrides any of them under {@code baseline: ssep:}.
 */
final class SsepNorms {

    static final List<String> SITES = List.of("median.left", "median.right", "ulnar.left", "ulnar.right",
            "tibial.left", "tibial.right");

    private SsepNorms() {
    }

    static List<SsepComponent> all() {
        List<SsepComponent> list = new ArrayList<>();
        for (String site : SITES) {
            list.addAll(of(site));
        }
        return list;
    }

    static List<SsepComponent> of(String site) {
        boolean left = site.endsWith(".left");
        String side = left ? "L" : "R";
        String contraCp = left ? "CP4-Fpz" : "CP3-Fpz";
        if (site.startsWith("median.") || site.startsWith("ulnar.")) {
            boolean ulnar = site.startsWith("ulnar.");
            double d = ulnar ? 0.5 : 0; // longer path from the wrist
            double a = ulnar ? 0.8 : 1; // fewer fibres
            return List.of(
                    new SsepComponent(site, "N9", "Erb-" + side, 9.5 + d, -4.0 * a, 3),
                    new SsepComponent(site, "N13", "Cv5-Fpz", 13.2 + d, -2.5 * a, 4),
                    new SsepComponent(site, "N20", contraCp, 19.5 + d, -3.0 * a, 4),
                    new SsepComponent(site, "P25", contraCp, 25.0 + d, 3.0 * a, 7));
        }
        return List.of(
                new SsepComponent(site, "PF", "Popliteal-" + side, 8.5, -3.0, 4),
                new SsepComponent(site, "N34", "Cv5-Fpz", 33.5, -1.0, 6),
                new SsepComponent(site, "P37", "CPz-Fpz", 38.0, 3.0, 6),
                new SsepComponent(site, "N45", "CPz-Fpz", 46.0, -2.0, 8));
    }

    /** Stimulus intensity (mA) at which the response reaches half its size, and the slope of that sigmoid. */
    static double halfIntensityMa(String site) {
        return site.startsWith("tibial.") ? 14 : 8;
    }

    static double slopeMa(String site) {
        return site.startsWith("tibial.") ? 3 : 2;
    }
}
