package org.openionm.readingroom.internal;

import java.util.function.Consumer;

/**
 * Turns the sample stream into decimated trace frames: each frame spans {@code frameSamples} samples
 * and holds, per channel, the minimum and maximum of each display column of {@code columnSamples}
 * samples — an envelope a reader draws at display resolution without losing a single-sample peak
 * (as the workbench's MinMaxDecimator). A frame always starts at a multiple of the frame length, so
 * column boundaries do not move between readers or after a gap.
 */
public final class TraceFrames {

    /** One frame: first sample index, per channel min[column] and max[column]. */
    public record Frame(long firstSample, int samples, int columnSamples, float[][] min, float[][] max) {
    }

    private final int channels;
    private final int frameSamples;
    private final int columnSamples;
    private final Consumer<Frame> out;
    private float[][] min;
    private float[][] max;
    private long frameStart = -1;
    private int filled;

    public TraceFrames(int channels, int frameSamples, int columnSamples, Consumer<Frame> out) {
        if (frameSamples % columnSamples != 0) {
            throw new IllegalArgumentException("frame of " + frameSamples + " samples is not a whole number of columns of "
                    + columnSamples);
        }
        this.channels = channels;
        this.frameSamples = frameSamples;
        this.columnSamples = columnSamples;
        this.out = out;
    }

    public void samples(long firstIndex, float[][] data) {
        int n = data[0].length;
        for (int i = 0; i < n; i++) {
            long index = firstIndex + i;
            long start = index - Math.floorMod(index, frameSamples);
            if (start != frameStart) {
                flush();
                begin(start);
            }
            int column = (int) ((index - frameStart) / columnSamples);
            for (int c = 0; c < channels; c++) {
                float v = data[c][i];
                if (v < min[c][column]) {
                    min[c][column] = v;
                }
                if (v > max[c][column]) {
                    max[c][column] = v;
                }
            }
            filled++;
        }
        if (frameStart >= 0 && (int) (firstIndex + n - frameStart) == frameSamples) {
            flush();
        }
    }

    private void begin(long start) {
        int columns = frameSamples / columnSamples;
        frameStart = start;
        filled = 0;
        min = new float[channels][columns];
        max = new float[channels][columns];
        for (int c = 0; c < channels; c++) {
            java.util.Arrays.fill(min[c], Float.POSITIVE_INFINITY);
            java.util.Arrays.fill(max[c], Float.NEGATIVE_INFINITY);
        }
    }

    /** Sends the frame begun (a gap or the end sends a partial one; columns with no sample are NaN). */
    public void flush() {
        if (frameStart < 0 || filled == 0) {
            frameStart = -1;
            return;
        }
        for (int c = 0; c < channels; c++) {
            for (int k = 0; k < min[c].length; k++) {
                if (min[c][k] == Float.POSITIVE_INFINITY) {
                    min[c][k] = Float.NaN;
                    max[c][k] = Float.NaN;
                }
            }
        }
        out.accept(new Frame(frameStart, frameSamples, columnSamples, min, max));
        frameStart = -1;
        filled = 0;
    }
}
