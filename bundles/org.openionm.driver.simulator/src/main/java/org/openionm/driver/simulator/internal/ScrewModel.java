package org.openionm.driver.simulator.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.openionm.driver.simulator.internal.ScenarioEvent.ScrewThreshold;

/**
 * Triggered EMG of pedicle screws: a stimulus at or above the screw's threshold (mA) evokes a
 * biphasic CMAP in the muscles of the root at that level on the screw's side. Screws without a
 * scripted threshold sit in intact bone ({@value #DEFAULT_THRESHOLD_MA} mA).
 */
final class ScrewModel {

    static final double DEFAULT_THRESHOLD_MA = 25;
    static final double MAX_CMAP_UV = 500;

    /** A muscle a root reaches, with the share of the CMAP it gets. */
    record Target(String muscle, double weight) {
    }

    /** Root → muscles recorded by the montage (myotomes, simplified). */
    private static final Map<String, List<Target>> ROOTS = Map.of(
            "L1", List.of(new Target("Vastus", 0.4)),
            "L2", List.of(new Target("Vastus", 0.7)),
            "L3", List.of(new Target("Vastus", 1.0)),
            "L4", List.of(new Target("TA", 1.0), new Target("Vastus", 0.5)),
            "L5", List.of(new Target("EHL", 1.0), new Target("TA", 0.6)),
            "S1", List.of(new Target("Gastroc", 1.0), new Target("AH", 0.6)),
            "S2", List.of(new Target("AH", 1.0), new Target("Gastroc", 0.5)));

    /** Onset latency of the CMAP after root stimulation. */
    private static final Map<String, Double> LATENCY_MS = Map.of("Vastus", 9.0, "TA", 13.0, "EHL", 15.0,
            "Gastroc", 16.0, "AH", 19.0);

    private final Map<String, Double> thresholds = new HashMap<>();
    private final Map<String, List<String>> explicitMuscles = new HashMap<>();
    private final Map<String, Integer> channelIndex;
    private final double rate;
    private final double[] scratch;

    ScrewModel(Map<String, Integer> channelIndex, double samplingRateHz) {
        this.channelIndex = channelIndex;
        this.rate = samplingRateHz;
        this.scratch = new double[(int) Math.ceil(0.020 * samplingRateHz)];
    }

    static List<Target> rootMuscles(String level) {
        return ROOTS.getOrDefault(level, List.of());
    }

    void set(ScrewThreshold e) {
        thresholds.put(e.site(), e.thresholdMa());
        if (!e.muscles().isEmpty()) {
            explicitMuscles.put(e.site(), e.muscles());
        }
    }

    double threshold(String site) {
        return thresholds.getOrDefault(site, DEFAULT_THRESHOLD_MA);
    }

    void fire(StimSite site, double intensityMa, long at, SplittableRandom random, Overlay overlay) {
        double threshold = threshold(site.id());
        if (intensityMa < threshold) {
            return;
        }
        // clearly visible at threshold (40 %: the first CMAP of a ramp defines the threshold), full a few mA above
        double recruitment = Math.min(1, 0.4 + 0.6 * (1 - Math.exp(-(intensityMa - threshold) / 2)));
        String suffix = site.side() == MontageChannel.Side.LEFT ? "-L" : "-R";
        for (Target t : targets(site)) {
            String label = t.muscle().contains("-") ? t.muscle() : t.muscle() + suffix;
            // draw first: a recorded channel's response never depends on which others are recorded
            double variation = Math.max(0.5, 1 + 0.1 * random.nextGaussian());
            double jitter = 0.2 * random.nextGaussian();
            int channel = channelIndex.getOrDefault(label, -1);
            if (channel < 0) {
                continue;
            }
            String muscle = Montage.byLabel(label).orElseThrow().muscle();
            double latency = LATENCY_MS.getOrDefault(muscle, 12.0) + jitter;
            int length = renderCmap();
            overlay.addBuffer(channel, at + Math.round(latency * rate / 1000), scratch, length,
                    MAX_CMAP_UV * t.weight() * recruitment * variation / Waveforms.peakToPeak(scratch, length));
        }
    }

    private List<Target> targets(StimSite site) {
        List<String> explicit = explicitMuscles.get(site.id());
        if (explicit == null) {
            return rootMuscles(site.level());
        }
        List<Target> list = new ArrayList<>();
        for (String label : explicit) {
            list.add(new Target(label, 1.0));
        }
        return list;
    }

    /** Biphasic CMAP (negative then longer positive phase) whose onset is index 0. */
    private int renderCmap() {
        double ms = rate / 1000;
        Arrays.fill(scratch, 0);
        Waveforms.addGaussian(scratch, 4.2 * ms, 1.2 * ms, -1); // 3.5 σ after onset
        Waveforms.addGaussian(scratch, 7.5 * ms, 1.8 * ms, 0.6);
        return scratch.length;
    }
}
