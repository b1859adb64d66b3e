package org.openionm.readingroom.internal;

/**
 * The last {@code capacity} samples of every channel at the full rate, for raw data on demand. A
 * request for samples no longer (or not yet) held gets the part that is, with its first index.
 */
public final class RawRing {

    /** Samples {@code first} .. first + samples.length - 1 of one channel. */
    public record Window(long first, float[] samples) {
    }

    private final float[][] ring;
    private final int capacity;
    private long end; // index after the newest sample held
    private long start; // oldest index held

    public RawRing(int channels, int capacity) {
        this.capacity = capacity;
        this.ring = new float[channels][capacity];
    }

    public synchronized void samples(long firstIndex, float[][] data) {
        int n = data[0].length;
        if (firstIndex != end) { // a gap (or the first block): what was before no longer continues
            start = firstIndex;
        }
        for (int c = 0; c < ring.length; c++) {
            for (int i = 0; i < n; i++) {
                ring[c][(int) Math.floorMod(firstIndex + i, (long) capacity)] = data[c][i];
            }
        }
        end = firstIndex + n;
        start = Math.max(start, end - capacity);
    }

    public synchronized Window window(int channel, long from, int count) {
        long a = Math.max(from, start);
        long b = Math.min(from + count, end);
        if (channel < 0 || channel >= ring.length || b <= a) {
            return new Window(Math.max(from, 0), new float[0]);
        }
        float[] out = new float[(int) (b - a)];
        for (int i = 0; i < out.length; i++) {
            out[i] = ring[channel][(int) Math.floorMod(a + i, (long) capacity)];
        }
        return new Window(a, out);
    }
}
