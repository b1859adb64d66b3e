package org.openionm.dsp;

import java.util.ArrayDeque;

/** Mean of the last {@code window} sweeps (ring buffer), so the average follows a changing response. */
public final class SlidingAverager implements Averager {

    private final int window;
    private final ArrayDeque<float[]> ring = new ArrayDeque<>();
    private final SweepSum sum = new SweepSum();
    private long added;

    public SlidingAverager(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, was " + window);
        }
        this.window = window;
    }

    @Override
    public void add(float[] sweep) {
        float[] copy = sweep.clone();
        sum.add(copy, 1);
        ring.addLast(copy);
        if (ring.size() > window) {
            sum.remove(ring.removeFirst());
        }
        // subtracting old sweeps accumulates rounding; rebuild the sum once per window
        if (++added % window == 0) {
            sum.reset();
            ring.forEach(s -> sum.add(s, 1));
        }
    }

    @Override public float[] average() { return sum.scaled(sum.count()); }

    @Override public int sweeps() { return sum.count(); }

    @Override
    public void reset() {
        ring.clear();
        sum.reset();
        added = 0;
    }

    @Override public String describe() { return "sliding average of last " + window + " sweeps, " + sweeps() + " used"; }
}
