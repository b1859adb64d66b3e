package org.openionm.dsp;

/**
 * Two sub-averages of alternate sweeps. Their correlation shows reproducibility: a real response is
 * in both, noise is not.
 */
public final class OddEvenAverager implements Averager {

    private final SweepSum odd = new SweepSum();
    private final SweepSum even = new SweepSum();

    @Override
    public void add(float[] sweep) {
        // sweep 1, 3, 5 … (1-based) go to "odd"
        (odd.count() == even.count() ? odd : even).add(sweep, 1);
    }

    public float[] odd() { return odd.scaled(odd.count()); }

    public float[] even() { return even.scaled(even.count()); }

    @Override
    public float[] average() {
        float[] o = odd(), e = even();
        if (e.length == 0) {
            return o;
        }
        float[] out = new float[o.length];
        int n = sweeps();
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (((double) o[i] * odd.count() + (double) e[i] * even.count()) / n);
        }
        return out;
    }

    /** Pearson correlation of the odd and even averages over samples [from, to); NaN if undefined. */
    public double correlation(int from, int to) {
        if (even.count() == 0) {
            return Double.NaN;
        }
        return Stats.pearson(odd(), even(), from, to);
    }

    public double correlation() {
        return even.count() == 0 ? Double.NaN : correlation(0, odd().length);
    }

    @Override public int sweeps() { return odd.count() + even.count(); }

    @Override
    public void reset() {
        odd.reset();
        even.reset();
    }

    @Override public String describe() { return "odd/even split average, " + sweeps() + " sweeps"; }
}
