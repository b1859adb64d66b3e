package org.openionm.modality.ssep.internal;

import java.util.Locale;

/**
 * Page's one-sided CUSUM (Page 1954) on the projection of every accepted single sweep on the
 * baseline waveform. A moving average must fill with changed sweeps before it shows a change (about
 * 0.6 of a 158 s window for a −50 % crossing); the CUSUM weighs each new sweep as it arrives and
 * stops when the evidence for a drop of {@code drop} (in the in-control SDs of the sweeps) outweighs
 * the threshold. Sweeps are standardised against the baseline window's own sweeps (mean and SD of
 * their projections) and clipped at ±{@link #CLIP_SD}, so one burst of EEG or a movement cannot
 * carry the sum alone.
 * <p>
 * Detection delay ≈ (h + 1.166) / (δ − k) sweeps for a step of δ SDs with reference k = δ / 2;
 * the threshold h is chosen for a mean run between false flags (Siegmund's approximation), so a
 * channel with a weak single-sweep response gets a higher bar, and a slower test. Not thread-safe.
 */
final class SequentialDetector {

    /** In-control sweeps between false flags the threshold is set for: 1e7 ≈ 880 h of one site at 3.17 Hz. */
    static final double DEFAULT_FALSE_FLAG_SWEEPS = 1e7;
    static final double CLIP_SD = 4;

    private final double mean;
    private final double sd;
    /** Step the test looks for and its reference value, in SDs. */
    private final double delta;
    private final double reference;
    private final double threshold;
    private double sum;
    private long sweeps;
    private boolean flagged;

    /**
     * @param baselineRatios projections of the baseline window's sweeps
     * @param dropPercent    the amplitude decrease to detect
     * @param threshold      decision threshold h, in SDs
     */
    SequentialDetector(double[] baselineRatios, double dropPercent, double falseFlagSweeps) {
        // median and MAD: EEG bursts and movement give the single sweeps heavy tails, which would
        // inflate a plain SD and blunt the test (the clipping below keeps the tails from the sum)
        double[] sorted = baselineRatios.clone();
        java.util.Arrays.sort(sorted);
        double m = median(sorted);
        double[] dev = new double[sorted.length];
        for (int i = 0; i < dev.length; i++) {
            dev[i] = Math.abs(sorted[i] - m);
        }
        java.util.Arrays.sort(dev);
        this.mean = m;
        this.sd = 1.4826 * median(dev);
        this.delta = dropPercent / 100 * m / sd;
        this.reference = delta / 2;
        this.threshold = thresholdFor(reference, falseFlagSweeps);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The threshold h whose in-control average run length is {@code sweeps} by Siegmund's
     * approximation ARL0 = (e^{2k(h+1.166)} − 2k(h+1.166) − 1) / (2k²), solved by bisection.
     */
    static double thresholdFor(double k, double sweeps) {
        if (!(k > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double lo = 0, hi = 1e4;
        for (int i = 0; i < 200; i++) {
            double h = (lo + hi) / 2;
            double b = 2 * k * (h + 1.166);
            double arl = (Math.exp(Math.min(b, 700)) - b - 1) / (2 * k * k);
            if (arl < sweeps) {
                lo = h;
            } else {
                hi = h;
            }
        }
        return (lo + hi) / 2;
    }

    /** Adds one sweep's projection; true exactly once, when the sum first crosses the threshold. */
    boolean offer(double ratio) {
        if (Double.isNaN(ratio) || !(sd > 0)) {
            return false;
        }
        double z = Math.max(-CLIP_SD, Math.min(CLIP_SD, (mean - ratio) / sd));
        sum = Math.max(0, sum + z - reference);
        sweeps++;
        if (!flagged && sum > threshold) {
            flagged = true;
            return true;
        }
        return false;
    }

    /** Starts a new test (after the flag cleared): the evidence so far is spent. */
    void restart() {
        sum = 0;
        flagged = false;
    }

    boolean flagged() {
        return flagged;
    }

    double sum() {
        return sum;
    }

    /** Expected sweeps to a flag after a step of the target size, for provenance. */
    double expectedDelaySweeps() {
        return (threshold + 1.166) / (delta - reference);
    }

    String describe() {
        return String.format(Locale.ROOT, "CUSUM (Page 1954) of single-sweep projections on the baseline waveform:"
                + " in-control median %.3f, robust SD %.3f (MAD); looks for a step of %.2f SD (reference %.2f), threshold %.1f SD,"
                + " about %.0f sweeps after such a step", mean, sd, delta, reference, threshold, expectedDelaySweeps());
    }
}
