package org.openionm.dsp;

import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code window} sweeps with everything an evoked-potential average reports over exactly
 * those sweeps: the plain average, Schimmel's ± average (noise only, complete pairs from the oldest
 * sweep, as {@link PlusMinusAverager}) and the odd/even sub-averages (1st, 3rd … oldest first, as
 * {@link OddEvenAverager}).
 * <p>
 * Why running sums: re-summing a 500-sweep window at every average (every 15 sweeps) was a third of
 * a case's re-analysis. Here each sweep is added once and subtracted once when it leaves. The window's
 * odd/even and ± split depends on where the window starts, which moves by one at every sweep; so the
 * sums are kept by the parity of a sweep's running number, and the oldest sweep's parity says which
 * of the two sums is "odd". Subtraction accumulates rounding, so the sums are rebuilt from the kept
 * sweeps once every window length of additions: the drift stays below a few hundred double roundings
 * of the window's sum, far under the float rounding of the result (one float ulp of the largest value;
 * {@code MovingSplitAverageTest}). Not bit-identical to re-summing: the order of the additions differs.
 * <p>
 * The sweeps are kept, not copied: a caller must not change an array after adding it. Not thread-safe.
 *
 * @since 0.4.0
 */
public final class MovingSplitAverage implements Averager {

    private float[][] ring;
    /** Sums of the sweeps in the window by the parity of their running number (0: even, 1: odd). */
    private double[][] sums = new double[2][0];
    private final int[] counts = new int[2];
    /** Sweeps added since reset (the running number of the next one). */
    private long added;
    private int sinceRebuild;

    public MovingSplitAverage(int window) {
        this.ring = new float[checked(window)][];
    }

    private static int checked(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1 sweep, was " + window);
        }
        return window;
    }

    /** Adds a sweep; when the window is full the oldest leaves it. */
    @Override
    public void add(float[] sweep) {
        int length = length();
        if (sweeps() == 0) {
            sums = new double[2][sweep.length];
        } else if (sweep.length != length) {
            throw new IllegalArgumentException("sweep length " + sweep.length + " differs from " + length);
        }
        int slot = (int) (added % ring.length);
        float[] leaving = sweeps() == ring.length ? ring[slot] : null;
        if (leaving != null) {
            int p = (int) ((added - ring.length) & 1);
            accumulate(sums[p], leaving, -1);
            counts[p]--;
        }
        int p = (int) (added & 1);
        accumulate(sums[p], sweep, 1);
        counts[p]++;
        ring[slot] = sweep;
        added++;
        if (++sinceRebuild >= ring.length) {
            rebuild();
        }
    }

    private static void accumulate(double[] sum, float[] sweep, double sign) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += sign * sweep[i];
        }
    }

    /** Re-sums the kept sweeps: bounds the rounding that subtracting old sweeps accumulates. */
    private void rebuild() {
        sinceRebuild = 0;
        long from = oldest();
        sums = new double[2][length()];
        counts[0] = counts[1] = 0;
        for (long i = from; i < added; i++) {
            int p = (int) (i & 1);
            accumulate(sums[p], ring[(int) (i % ring.length)], 1);
            counts[p]++;
        }
    }

    private long oldest() {
        return added - sweeps();
    }

    private int length() {
        return sums[0].length;
    }

    /** Parity class of the oldest sweep in the window: the "odd" (1st, 3rd …) sub-average. */
    private int first() {
        return (int) (oldest() & 1);
    }

    /** Sweeps in a full window. */
    public int window() {
        return ring.length;
    }

    /** Sweeps in the window now (fewer than {@link #window()} while it fills). */
    @Override
    public int sweeps() {
        return counts[0] + counts[1];
    }

    /** Sweeps added since construction or {@link #reset()}, including those that have left the window. */
    public long added() {
        return added;
    }

    /** The sweeps in the window, oldest first. */
    public List<float[]> windowSweeps() {
        List<float[]> out = new ArrayList<>(sweeps());
        for (long i = oldest(); i < added; i++) {
            out.add(ring[(int) (i % ring.length)]);
        }
        return out;
    }

    /** Mean of the sweeps in the window; empty before the first. */
    @Override
    public float[] average() {
        int n = sweeps();
        float[] out = new float[n == 0 ? 0 : length()];
        double[] a = sums[0], b = sums[1];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ((a[i] + b[i]) / n);
        }
        return out;
    }

    /** Sweeps in the ± average: complete pairs only, so an odd newest sweep is left out. */
    public int pairedSweeps() {
        return sweeps() / 2 * 2;
    }

    /** The ± average (noise only) over complete pairs from the oldest sweep; empty before the first pair. */
    public float[] noiseEstimate() {
        int paired = pairedSweeps();
        float[] out = new float[paired == 0 ? 0 : length()];
        double[] plus = sums[first()], minus = sums[1 - first()];
        // with an odd count the newest sweep has the oldest's parity and no partner: take it out again
        float[] unpaired = sweeps() % 2 == 1 ? ring[(int) ((added - 1) % ring.length)] : null;
        for (int i = 0; i < out.length; i++) {
            double d = plus[i] - minus[i];
            if (unpaired != null) {
                d -= unpaired[i];
            }
            out[i] = (float) (d / paired);
        }
        return out;
    }

    /** RMS of the ± average scaled to the residual noise of {@link #average()} (NaN before a pair). */
    public double residualNoiseRms() {
        int paired = pairedSweeps();
        if (paired == 0) {
            return Double.NaN;
        }
        return Stats.rms(noiseEstimate()) * Math.sqrt((double) paired / sweeps());
    }

    /** Mean of the 1st, 3rd, 5th … sweep of the window, oldest first; empty before the first sweep. */
    public float[] odd() {
        return scaled(first());
    }

    /** Mean of the 2nd, 4th … sweep of the window; empty before the second. */
    public float[] even() {
        return scaled(1 - first());
    }

    private float[] scaled(int parity) {
        int n = counts[parity];
        float[] out = new float[n == 0 ? 0 : length()];
        double[] s = sums[parity];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (s[i] / n);
        }
        return out;
    }

    /**
     * A new window length; the newest {@code min(window, sweeps())} sweeps stay in it (a user who
     * lowers the target keeps the recent sweeps, one who raises it keeps all and waits for more).
     */
    public void resize(int window) {
        List<float[]> kept = windowSweeps();
        kept = kept.subList(Math.max(0, kept.size() - checked(window)), kept.size());
        long start = added - kept.size();
        ring = new float[window][];
        for (int k = 0; k < kept.size(); k++) {
            ring[(int) ((start + k) % window)] = kept.get(k);
        }
        counts[0] = counts[1] = 0;
        for (long i = start; i < added; i++) {
            counts[(int) (i & 1)]++;
        }
        rebuild();
    }

    @Override
    public void reset() {
        java.util.Arrays.fill(ring, null);
        sums = new double[2][0];
        counts[0] = counts[1] = 0;
        added = 0;
        sinceRebuild = 0;
    }

    @Override
    public String describe() {
        return "moving ± and odd/even average of the last " + ring.length + " sweeps, " + sweeps() + " used";
    }
}
