package org.openionm.driver.simulator.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Gain of the scalp background under burst suppression, common to all scalp channels (bursts are
 * global). Suppressions bring the background to 1 µV RMS (flat within ±5 µV); bursts of 0.5–2 s
 * scale it so that peaks reach 50–150 µV; suppression lengths average what the requested
 * suppression percentage needs. Transitions are smoothed over 30 ms.
 */
final class BurstSuppressionEnvelope {

    static final double SUPPRESSED_RMS_UV = 1;

    private final SplittableRandom random;
    private final double rate;
    private final double eegRms;
    private final double smoothing;
    private boolean enabled;
    private double suppressedFraction;
    private boolean burst;
    private long remaining;
    private double target = 1;
    private double gain = 1;
    private boolean annotateSuppressions;
    private long position;
    /** Suppressions begun since the last drain, as {first sample, length in samples}, when annotated. */
    private final java.util.List<long[]> suppressions = new java.util.ArrayList<>();

    BurstSuppressionEnvelope(double samplingRateHz, double eegRmsUv, SplittableRandom random) {
        this.random = random;
        this.rate = samplingRateHz;
        this.eegRms = eegRmsUv;
        smoothing = 1 - Math.exp(-1 / (0.030 * samplingRateHz));
    }

    void set(boolean on, double suppressionPercent, boolean annotate) {
        annotateSuppressions = annotate;
        enabled = on && eegRms > 0;
        suppressedFraction = suppressionPercent / 100;
        burst = true; // start with a suppression
        remaining = 0;
        if (!enabled) {
            target = 1;
        }
    }

    /**
     * The suppressions begun since the last call, {first sample, planned length}: the ground truth of
     * the burst suppression ratio (a suppression cut short by {@code enabled: false} ends there).
     */
    java.util.List<long[]> drainSuppressions() {
        if (suppressions.isEmpty()) {
            return java.util.List.of();
        }
        java.util.List<long[]> out = java.util.List.copyOf(suppressions);
        suppressions.clear();
        return out;
    }

    boolean enabled() {
        return enabled;
    }

    /** True while the background is not at its normal gain (on, or still settling after off). */
    boolean active() {
        return enabled || Math.abs(gain - 1) > 1e-6;
    }

    void fill(double[] out, long start, int length) {
        position = start;
        if (!active()) {
            Arrays.fill(out, 0, length, 1);
            return;
        }
        for (int i = 0; i < length; i++) {
            if (enabled && --remaining <= 0) {
                position = start + i;
                switchState();
            }
            gain += smoothing * (target - gain);
            out[i] = gain;
        }
        if (!enabled && Math.abs(gain - 1) < 1e-4) {
            gain = 1;
        }
    }

    private void switchState() {
        burst = !burst;
        if (burst) {
            double seconds = random.nextDouble(0.5, 2);
            // 1/f noise peaks at about 3 × its RMS
            target = random.nextDouble(50, 150) / (3 * eegRms);
            remaining = Math.max(1, Math.round(seconds * rate));
        } else {
            double meanBurst = 1.25;
            double mean = meanBurst * suppressedFraction / (1 - suppressedFraction);
            target = SUPPRESSED_RMS_UV / eegRms;
            remaining = Math.max(1, Math.round(random.nextDouble(0.5, 1.5) * mean * rate));
            if (annotateSuppressions) {
                suppressions.add(new long[] { position, remaining });
            }
        }
    }
}
