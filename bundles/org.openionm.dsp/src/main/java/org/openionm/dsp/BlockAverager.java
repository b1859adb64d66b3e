package org.openionm.dsp;

/** Plain mean of every sweep since the last reset; residual noise falls as 1/√N. */
public final class BlockAverager implements Averager {

    private final SweepSum sum = new SweepSum();

    @Override public void add(float[] sweep) { sum.add(sweep, 1); }

    @Override public float[] average() { return sum.scaled(sum.count()); }

    @Override public int sweeps() { return sum.count(); }

    @Override public void reset() { sum.reset(); }

    @Override public String describe() { return "block average, " + sweeps() + " sweeps"; }
}
