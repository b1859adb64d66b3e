package org.openionm.core.model;

import java.util.Objects;

/**
 * A contiguous run of samples from every channel of one acquisition.
 * <p>
 * Samples are microvolts, indexed {@code [channel][sample]}. Blocks are shared between consumers
 * without copying, so a consumer must treat the arrays as read-only.
 */
public final class SampleBlock {

    private final long firstSampleIndex;
    private final long deviceTimestampNanos;
    private final float[][] samples;

    /**
     * @param firstSampleIndex     index of the first sample on the acquisition's monotonic sample clock
     * @param deviceTimestampNanos the amplifier's own time of the first sample (nanoseconds, device epoch)
     * @param samples              {@code [channel][sample]} in microvolts; every channel the same length
     */
    public SampleBlock(long firstSampleIndex, long deviceTimestampNanos, float[][] samples) {
        Objects.requireNonNull(samples, "samples");
        if (firstSampleIndex < 0) {
            throw new IllegalArgumentException("first sample index must be >= 0, was " + firstSampleIndex);
        }
        if (samples.length == 0) {
            throw new IllegalArgumentException("a sample block needs at least one channel");
        }
        int length = samples[0].length;
        for (int c = 1; c < samples.length; c++) {
            if (samples[c].length != length) {
                throw new IllegalArgumentException("channel " + c + " has " + samples[c].length
                        + " samples but channel 0 has " + length);
            }
        }
        this.firstSampleIndex = firstSampleIndex;
        this.deviceTimestampNanos = deviceTimestampNanos;
        this.samples = samples;
    }

    public long firstSampleIndex() {
        return firstSampleIndex;
    }

    /** Index one past the last sample of this block: the next block of a gap-free stream starts here. */
    public long endSampleIndex() {
        return firstSampleIndex + sampleCount();
    }

    public long deviceTimestampNanos() {
        return deviceTimestampNanos;
    }

    public int channelCount() {
        return samples.length;
    }

    public int sampleCount() {
        return samples[0].length;
    }

    /** The samples of one channel in microvolts; read-only by contract. */
    public float[] channel(int channel) {
        return samples[channel];
    }

    public float sample(int channel, int sample) {
        return samples[channel][sample];
    }

    @Override
    public String toString() {
        return "SampleBlock[" + firstSampleIndex + ".." + endSampleIndex() + ", " + channelCount() + " ch]";
    }
}
