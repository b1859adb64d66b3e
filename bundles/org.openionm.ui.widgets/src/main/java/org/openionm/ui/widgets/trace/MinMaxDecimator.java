package org.openionm.ui.widgets.trace;

import java.util.Arrays;

/**
 * Reduces {@code n} samples to one (min, max) pair per pixel column, so that a 20 kHz trace drawn
 * on a few hundred pixels keeps every peak and shows no aliasing: sample {@code i} belongs to column
 * {@code floor(i * columns / n)}. NaN samples (gaps) are skipped; a column without any real sample
 * gets NaN, which the canvas draws as a break.
 */
public final class MinMaxDecimator {

    private MinMaxDecimator() {
    }

    /**
     * @param samples source samples, first {@code n} used
     * @param n       number of samples (≥ {@code columns}; with fewer, draw the samples directly)
     * @param columns number of pixel columns
     * @param min     receives the minimum per column (length ≥ columns)
     * @param max     receives the maximum per column (length ≥ columns)
     */
    public static void decimate(float[] samples, int n, int columns, float[] min, float[] max) {
        if (columns <= 0 || n < columns) {
            throw new IllegalArgumentException("need at least one sample per column: " + n + " samples, " + columns + " columns");
        }
        Arrays.fill(min, 0, columns, Float.NaN);
        Arrays.fill(max, 0, columns, Float.NaN);
        int i = 0;
        for (int c = 0; c < columns; c++) {
            // last sample of column c: the largest i with i * columns / n == c
            int end = (int) (((long) (c + 1) * n + columns - 1) / columns);
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (; i < end; i++) {
                float v = samples[i];
                if (v < lo) {
                    lo = v;
                }
                if (v > hi) {
                    hi = v;
                }
            }
            // NaN compares false both ways, so a column of gaps keeps its NaN
            if (lo <= hi) {
                min[c] = lo;
                max[c] = hi;
            }
        }
    }
}
