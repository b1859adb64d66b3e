package org.openionm.ui.widgets.trace;

import java.util.Arrays;

import org.openionm.core.model.SampleBlock;

/**
 * The last few seconds of every channel for display, written by an acquisition thread and read by
 * the UI thread. Samples that never arrived (gaps) are stored as NaN so the display shows a break
 * instead of inventing a line.
 */
public final class TraceBuffer {

    private final int channels;
    private final int capacity;
    private final double samplingRateHz;
    private final float[][] ring;
    /** Index one past the newest sample written; samples [newest - capacity, newest) are held. */
    private long newest;

    public TraceBuffer(int channels, double samplingRateHz, double seconds) {
        if (channels < 1 || !(samplingRateHz > 0) || !(seconds > 0)) {
            throw new IllegalArgumentException("invalid trace buffer: " + channels + " ch, " + samplingRateHz + " Hz, " + seconds + " s");
        }
        this.channels = channels;
        this.samplingRateHz = samplingRateHz;
        this.capacity = (int) Math.ceil(samplingRateHz * seconds);
        this.ring = new float[channels][capacity];
        for (float[] row : ring) {
            Arrays.fill(row, Float.NaN);
        }
    }

    public int channelCount() {
        return channels;
    }

    public double samplingRateHz() {
        return samplingRateHz;
    }

    public int capacity() {
        return capacity;
    }

    public synchronized long newestIndex() {
        return newest;
    }

    /**
     * Appends samples of every channel starting at {@code firstIndex}; a jump forward leaves NaN for
     * the missing samples.
     */
    public synchronized void append(long firstIndex, float[][] samples) {
        int count = samples[0].length;
        if (firstIndex > newest) {
            fillNaN(newest, Math.min(firstIndex, newest + capacity));
        }
        // only the last `capacity` samples can be held
        int skip = Math.max(0, count - capacity);
        for (int c = 0; c < channels && c < samples.length; c++) {
            float[] src = samples[c];
            float[] dst = ring[c];
            for (int s = skip; s < count; s++) {
                dst[(int) Math.floorMod(firstIndex + s, (long) capacity)] = src[s];
            }
        }
        newest = Math.max(newest, firstIndex + count);
    }

    /** Appends a whole block from the acquisition. */
    public void append(SampleBlock block) {
        float[][] rows = new float[block.channelCount()][];
        for (int c = 0; c < rows.length; c++) {
            rows[c] = block.channel(c);
        }
        append(block.firstSampleIndex(), rows);
    }

    /** Marks samples as missing up to {@code endIndex} (a reported gap). */
    public synchronized void gap(long endIndex) {
        if (endIndex > newest) {
            fillNaN(Math.max(newest, endIndex - capacity), endIndex);
            newest = endIndex;
        }
    }

    /**
     * Copies samples [from, from + n) of one channel into {@code dest}; samples not held (too old or
     * not yet arrived) become NaN.
     */
    public synchronized void copy(int channel, long from, int n, float[] dest) {
        long oldest = newest - capacity;
        float[] src = ring[channel];
        for (int i = 0; i < n; i++) {
            long index = from + i;
            dest[i] = index < 0 || index < oldest || index >= newest ? Float.NaN : src[(int) Math.floorMod(index, (long) capacity)];
        }
    }

    private void fillNaN(long from, long to) {
        for (long i = from; i < to; i++) {
            int slot = (int) Math.floorMod(i, (long) capacity);
            for (int c = 0; c < channels; c++) {
                ring[c][slot] = Float.NaN;
            }
        }
    }
}
