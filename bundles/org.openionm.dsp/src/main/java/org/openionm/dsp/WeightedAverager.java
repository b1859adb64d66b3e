package org.openionm.dsp;

/**
 * Inverse-variance weighted average (Davila &amp; Mobin 1992): noisy sweeps count less, which minimises
 * the residual noise when sweep noise varies. A sweep's noise variance is either given or estimated
 * from samples [from, to) (e.g. a late part of the sweep where the response is small).
 */
public final class WeightedAverager implements Averager {

    private final int noiseFrom;
    private final int noiseTo;
    private final SweepSum sum = new SweepSum();
    private double weightSum;

    /** Estimates each sweep's noise from samples [noiseFrom, noiseTo). */
    public WeightedAverager(int noiseFrom, int noiseTo) {
        if (noiseFrom < 0 || noiseTo - noiseFrom < 2) {
            throw new IllegalArgumentException("noise range needs at least two samples");
        }
        this.noiseFrom = noiseFrom;
        this.noiseTo = noiseTo;
    }

    @Override
    public void add(float[] sweep) {
        add(sweep, Stats.variance(sweep, noiseFrom, Math.min(noiseTo, sweep.length)));
    }

    /** Adds a sweep whose noise variance (µV²) is known. */
    public void add(float[] sweep, double noiseVariance) {
        // a flat sweep (variance 0) would get infinite weight; floor it
        double w = 1 / Math.max(noiseVariance, 1e-12);
        sum.add(sweep, w);
        weightSum += w;
    }

    @Override public float[] average() { return sum.scaled(weightSum); }

    @Override public int sweeps() { return sum.count(); }

    @Override
    public void reset() {
        sum.reset();
        weightSum = 0;
    }

    @Override public String describe() { return "inverse-variance weighted average, " + sweeps() + " sweeps"; }
}
