package org.openionm.dsp;

/**
 * The most recent samples of the muscle channels, addressed by the acquisition's sample index, so
 * a stimulus's pre-stimulus and post-stimulus windows can be cut once the window has arrived (TcMEP
 * trains, triggered-EMG ramps). A gap in the indexes empties it: held samples are always contiguous.
 *
 * @since 0.3.0
 */
public final class SampleRing {

    private final int[] channels;
    private final float[][] data;
    private final int capacity;
    /** Index one past the newest sample held; valid samples are [start, end). */
    private long end;
    private long start;

    /**
     * @param channels indexes, in the blocks given to {@link #append}, of the channels to keep
     * @param capacity samples held per channel
     */
    public SampleRing(int[] channels, int capacity) {
        this.channels = channels.clone();
        this.capacity = capacity;
        this.data = new float[channels.length][capacity];
    }

    /** Appends {@code count} samples of every kept channel, starting at acquisition sample {@code firstIndex}. */
    public void append(long firstIndex, float[][] blockChannels, int count) {
        if (firstIndex != end || start == end) {
            // first block, or after a gap: older samples are not contiguous with the new ones
            start = firstIndex;
            end = firstIndex;
        }
        // a block longer than the ring keeps only its newest samples (the older ones would be overwritten)
        int skip = Math.max(0, count - capacity);
        int n = count - skip;
        int pos = slot(firstIndex + skip);
        int head = Math.min(n, capacity - pos);
        for (int c = 0; c < channels.length; c++) {
            // two bulk copies around the wrap point instead of a modulo per sample (re-analysis hot spot)
            float[] src = blockChannels[channels[c]];
            System.arraycopy(src, skip, data[c], pos, head);
            System.arraycopy(src, skip + head, data[c], 0, n - head);
        }
        end = firstIndex + count;
        start = Math.max(start, end - capacity);
    }

    /** Drops everything, e.g. at a data gap. */
    public void clear() {
        start = end;
    }

    /** One past the newest sample held. */
    public long end() {
        return end;
    }

    /** Samples [from, from + length) of ring channel {@code c}, or null when not all are held. */
    public float[] read(int c, long from, int length) {
        if (from < start || from + length > end) {
            return null;
        }
        float[] out = new float[length];
        int pos = slot(from);
        int head = Math.min(length, capacity - pos);
        System.arraycopy(data[c], pos, out, 0, head);
        System.arraycopy(data[c], 0, out, head, length - head);
        return out;
    }

    private int slot(long sampleIndex) {
        return (int) Math.floorMod(sampleIndex, (long) capacity);
    }
}
