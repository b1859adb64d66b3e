package org.openionm.review;

/**
 * The minimum and maximum of one channel in each display column over a span of samples: what a
 * trace view draws as one vertical line per column, at any zoom, without reading every sample.
 *
 * @param firstSample      first sample of the span
 * @param endSample        one past the last sample of the span
 * @param min              physical minimum per column (NaN where the column holds no sample)
 * @param max              physical maximum per column
 * @param samplesPerBin    how the values were produced: 1 when read from the raw samples, else the
 *                         index level's bin size. A column includes every bin it touches, so an
 *                         extreme is never hidden; it may come from up to one bin outside the column.
 * @since 0.2.0
 */
public record Envelope(long firstSample, long endSample, float[] min, float[] max, int samplesPerBin) {

    public int columns() {
        return min.length;
    }

    /** Whether every value was computed from the raw samples, not from the index. */
    public boolean fromRawSamples() {
        return samplesPerBin == 1;
    }
}
