package org.openionm.dsp;

/**
 * Exponentially weighted average {@code a += alpha (x - a)}; residual noise is σ √(alpha / (2 - alpha)),
 * i.e. like a block average of (2 - alpha) / alpha sweeps. Until that many sweeps have arrived it
 * uses 1/n so the early average is not biased toward the first sweep.
 */
public final class ExponentialAverager implements Averager {

    private final double alpha;
    private double[] avg = new double[0];
    private int count;

    public ExponentialAverager(double alpha) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], was " + alpha);
        }
        this.alpha = alpha;
    }

    @Override
    public void add(float[] sweep) {
        if (count == 0) {
            avg = new double[sweep.length];
        } else if (sweep.length != avg.length) {
            throw new IllegalArgumentException("sweep length " + sweep.length + " differs from " + avg.length);
        }
        count++;
        double k = Math.max(alpha, 1.0 / count);
        for (int i = 0; i < avg.length; i++) {
            avg[i] += k * (sweep[i] - avg[i]);
        }
    }

    @Override
    public float[] average() {
        float[] out = new float[avg.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) avg[i];
        }
        return out;
    }

    /** Sweeps seen; the effective number is {@link #effectiveSweeps()}. */
    @Override public int sweeps() { return count; }

    /** Equivalent block-average size for noise: min(n, (2 - alpha) / alpha). */
    public double effectiveSweeps() { return Math.min(count, (2 - alpha) / alpha); }

    @Override
    public void reset() {
        avg = new double[0];
        count = 0;
    }

    @Override public String describe() { return "exponential average, alpha " + alpha + ", " + count + " sweeps"; }
}
