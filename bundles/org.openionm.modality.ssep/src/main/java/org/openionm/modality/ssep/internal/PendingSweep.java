package org.openionm.modality.ssep.internal;

import java.util.List;

import org.openionm.core.model.SampleBlock;

/**
 * One stimulus-locked sweep being filled from the blocks that follow its stimulus, for every
 * channel recorded for its site. A gap inside it discards it: an average never spans missing data.
 */
final class PendingSweep {

    final StimSite site;
    final long start;
    final long end;
    private final List<ChannelAverage> targets;
    private final float[][] data;
    private long filled;
    private boolean discarded;

    PendingSweep(StimSite site, long start, int length, List<ChannelAverage> targets) {
        this.site = site;
        this.start = start;
        this.end = start + length;
        this.targets = targets;
        this.data = new float[targets.size()][length];
    }

    /** Copies the part of the block that falls inside the sweep. */
    void take(SampleBlock block) {
        long from = Math.max(start, block.firstSampleIndex());
        long to = Math.min(end, block.endSampleIndex());
        if (to <= from) {
            return;
        }
        int srcOff = (int) (from - block.firstSampleIndex());
        int dstOff = (int) (from - start);
        for (int t = 0; t < targets.size(); t++) {
            System.arraycopy(block.channel(targets.get(t).channelIndex()), srcOff, data[t], dstOff, (int) (to - from));
        }
        filled += to - from;
    }

    boolean overlaps(long gapStart, long gapEnd) {
        return gapStart < end && gapEnd > start;
    }

    void discard() {
        discarded = true;
    }

    boolean discarded() {
        return discarded;
    }

    boolean complete() {
        return filled == end - start;
    }

    List<ChannelAverage> targets() {
        return targets;
    }

    float[] channelData(int target) {
        return data[target];
    }
}
