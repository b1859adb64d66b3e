package org.openionm.examples.tof;

import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;

/**
 * A train-of-four whose four response windows are still being filled from the blocks as they arrive
 * (a stimulus reaches the processor before the block holding it). Window k spans samples
 * [pulse k + from, pulse k + to) of every muscle.
 */
final class PendingTof {

    private final StimulusEvent event;
    private final long from;
    private final long[] start = new long[TofProcessor.PULSES];
    private final float[][][] windows; // [muscle][pulse][sample]

    PendingTof(StimulusEvent event, long from, long to, long spacing, int muscles) {
        this.event = event;
        this.from = from;
        windows = new float[muscles][TofProcessor.PULSES][(int) (to - from)];
        for (int k = 0; k < TofProcessor.PULSES; k++) {
            start[k] = event.sampleIndex() + k * spacing + from;
        }
    }

    StimulusEvent event() {
        return event;
    }

    /** Samples from a pulse to the first sample of its window. */
    long firstOffset() {
        return from;
    }

    /** Copies whatever part of the windows {@code block} holds; {@code channels} are the muscles' block indices. */
    void take(SampleBlock block, int[] channels) {
        for (int k = 0; k < TofProcessor.PULSES; k++) {
            long lo = Math.max(start[k], block.firstSampleIndex());
            long hi = Math.min(start[k] + length(), block.endSampleIndex());
            for (long i = lo; i < hi; i++) {
                for (int m = 0; m < channels.length; m++) {
                    windows[m][k][(int) (i - start[k])] = block.sample(channels[m], (int) (i - block.firstSampleIndex()));
                }
            }
        }
    }

    boolean complete(long receivedUpTo) {
        return receivedUpTo >= end();
    }

    boolean overlaps(long gapStart, long gapEnd) {
        return gapStart < end() && gapEnd > start[0];
    }

    float[] window(int muscle, int pulse) {
        return windows[muscle][pulse];
    }

    private int length() {
        return windows.length == 0 ? 0 : windows[0][0].length;
    }

    private long end() {
        return start[TofProcessor.PULSES - 1] + length();
    }
}
