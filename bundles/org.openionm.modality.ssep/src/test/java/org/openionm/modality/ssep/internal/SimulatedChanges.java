package org.openionm.modality.ssep.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.processing.Measurement;
import org.openionm.driver.simulator.internal.SimulatedAmplifier;
import org.openionm.testkit.Replay;
import org.openionm.testkit.ReplayResult;

/**
 * Simulator runs with known truth: the four SSEP sites of the bundled scenarios (3.17 Hz, fixed
 * offsets), cortical components of each site scaled by a scripted amount from {@link #CHANGE_AT}
 * over {@link #RAMP} s, baselines captured at {@link #BASELINE_AT} s (after the first 500-sweep
 * averages), only the eight SSEP channels at 5 kHz.
 */
final class SimulatedChanges {

    static final double BASELINE_AT = 180;
    static final double CHANGE_AT = 200;
    static final double RAMP = 10;
    /** The first average whose 500 sweeps (157.7 s at 3.17 Hz) all follow the end of the ramp, with margin. */
    static final double STEADY_FROM = CHANGE_AT + RAMP + 500 / 3.17 + 2;

    /** Watched channel and component of each site (contralateral CP for the median nerve, CPz for the tibial). */
    static final Map<String, String[]> WATCHED = Map.of(
            "median.left", new String[] { "CP4-Fpz", "N20" },
            "median.right", new String[] { "CP3-Fpz", "N20" },
            "tibial.left", new String[] { "CPz-Fpz", "P37" },
            "tibial.right", new String[] { "CPz-Fpz", "P37" });

    private SimulatedChanges() {
    }

    static String scenario(double durationSeconds, Map<String, Integer> changePercent) {
        StringBuilder y = new StringBuilder("durationSeconds: " + durationSeconds + "\nmainsHz: 50\nstimulation:\n");
        String[][] sites = { { "median.left", "0", "25" }, { "median.right", "52", "25" }, { "tibial.left", "105", "40" },
                { "tibial.right", "210", "40" } };
        for (String[] s : sites) {
            y.append("  - {site: ").append(s[0]).append(", kind: averaged, rateHz: 3.17, offsetMs: ").append(s[1])
                    .append(", intensity: ").append(s[2]).append("}\n");
        }
        y.append("events:");
        if (changePercent.isEmpty()) {
            y.append(" []\n");
        } else {
            y.append('\n');
            changePercent.forEach((site, pct) -> y.append("  - {at: ").append(CHANGE_AT).append(", type: ssep-change, site: ")
                    .append(site).append(", components: ").append(site.startsWith("median") ? "[N20, P25]" : "[N34, P37, N45]")
                    .append(", amplitudePercent: ").append(pct).append(", rampSeconds: ").append(RAMP).append("}\n"));
        }
        return y.toString();
    }

    static ReplayResult run(Path dir, String name, String yaml, long seed, Map<String, ?> settings) throws Exception {
        Path file = Files.writeString(dir.resolve(name + ".yaml"), yaml);
        return Replay.of(new SimulatedAmplifier(), new AcquisitionConfig(5000, 8, false,
                Map.of("scenario", file.toString(), "seed", Long.toString(seed))))
                .processors(new SsepProcessor()).settings(SsepProcessor.ID, settings).baselineAt(BASELINE_AT).run();
    }

    /** Watched-component measurements of {@code site} completed in [from, to). */
    static List<Measurement> watched(ReplayResult r, String site, double from, double to) {
        String[] w = WATCHED.get(site);
        return r.measurements().stream().filter(m -> m.site().equals(site) && m.channel().equals(w[0])
                && m.component().equals(w[1]) && m.timeSeconds() >= from && m.timeSeconds() < to).toList();
    }

    static double mean(List<Measurement> ms, String key) {
        return ms.stream().mapToDouble(m -> Double.parseDouble(m.provenance().settings().get(key))).average().orElse(Double.NaN);
    }
}
