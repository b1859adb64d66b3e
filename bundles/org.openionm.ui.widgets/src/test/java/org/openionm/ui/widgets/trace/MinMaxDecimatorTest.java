package org.openionm.ui.widgets.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class MinMaxDecimatorTest {

    /** The definition, written the slow way: sample i belongs to column floor(i * columns / n). */
    private static void bruteForce(float[] x, int n, int columns, float[] min, float[] max) {
        for (int c = 0; c < columns; c++) {
            min[c] = Float.NaN;
            max[c] = Float.NaN;
        }
        for (int i = 0; i < n; i++) {
            int c = (int) ((long) i * columns / n);
            if (Float.isNaN(x[i])) {
                continue;
            }
            min[c] = Float.isNaN(min[c]) ? x[i] : Math.min(min[c], x[i]);
            max[c] = Float.isNaN(max[c]) ? x[i] : Math.max(max[c], x[i]);
        }
    }

    @Test
    void equalsBruteForceMinMaxPerColumnForManyShapes() {
        Random random = new Random(11);
        int[][] shapes = { { 200_000, 997 }, { 200_000, 1000 }, { 20_000, 333 }, { 1001, 1000 }, { 1000, 1000 },
                { 123_457, 640 }, { 50, 7 } };
        for (int[] shape : shapes) {
            int n = shape[0];
            int columns = shape[1];
            float[] x = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = (float) (random.nextGaussian() * 20);
            }
            // sprinkle gaps and single-sample spikes, the things a display must not lose or invent
            for (int k = 0; k < 20; k++) {
                x[random.nextInt(n)] = Float.NaN;
                x[random.nextInt(n)] = random.nextBoolean() ? 5000f : -5000f;
            }
            float[] min = new float[columns];
            float[] max = new float[columns];
            float[] bmin = new float[columns];
            float[] bmax = new float[columns];
            MinMaxDecimator.decimate(x, n, columns, min, max);
            bruteForce(x, n, columns, bmin, bmax);
            for (int c = 0; c < columns; c++) {
                assertEquals(bmin[c], min[c], "min of column " + c + " for " + n + "/" + columns);
                assertEquals(bmax[c], max[c], "max of column " + c + " for " + n + "/" + columns);
            }
        }
    }

    @Test
    void aSingleSamplePeakAt20kHzSurvives() {
        int n = 200_000; // 10 s at 20 kHz
        int columns = 800;
        float[] x = new float[n];
        x[123_457] = 321f;
        float[] min = new float[columns];
        float[] max = new float[columns];
        MinMaxDecimator.decimate(x, n, columns, min, max);
        int column = (int) (123_457L * columns / n);
        assertEquals(321f, max[column]);
        int peaks = 0;
        for (int c = 0; c < columns; c++) {
            peaks += max[c] > 0 ? 1 : 0;
        }
        assertEquals(1, peaks, "the peak appears exactly once");
    }

    @Test
    void allGapColumnStaysNaN() {
        float[] x = { 1, 2, Float.NaN, Float.NaN, 5, 6 };
        float[] min = new float[3];
        float[] max = new float[3];
        MinMaxDecimator.decimate(x, 6, 3, min, max);
        assertTrue(Float.isNaN(min[1]) && Float.isNaN(max[1]));
        assertEquals(5f, min[2]);
        assertThrows(IllegalArgumentException.class, () -> MinMaxDecimator.decimate(x, 2, 3, min, max));
    }

    /**
     * The canvas decimates only the columns that scrolled in, from the samples of those columns:
     * with a whole number of samples per column that gives the same min/max as decimating the window.
     * 12 samples, 3 per column: (1,4) (1,9) (2,6) (3,8) by hand.
     */
    @Test
    void columnsDecimatedAsTheyScrollInEqualTheWholeWindowByHand() {
        float[] x = { 3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8 };
        float[] min = new float[4];
        float[] max = new float[4];
        MinMaxDecimator.decimate(x, 12, 4, min, max);
        assertArrayEquals(new float[] { 1, 1, 2, 3 }, min);
        assertArrayEquals(new float[] { 4, 9, 6, 8 }, max);

        float[] newest = java.util.Arrays.copyOfRange(x, 6, 12); // the last two columns scroll in
        float[] stripMin = new float[2];
        float[] stripMax = new float[2];
        MinMaxDecimator.decimate(newest, 6, 2, stripMin, stripMax);
        assertArrayEquals(new float[] { 2, 3 }, stripMin);
        assertArrayEquals(new float[] { 6, 8 }, stripMax);
    }
}
