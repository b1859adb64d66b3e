package org.openionm.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SosFilter#filtfilt} runs its backward pass from the end of the array instead of reversing
 * the array twice (a re-analysis hot spot). That must be the same arithmetic: the output is compared
 * bit for bit with the textbook formulation — pad, filter, reverse, filter, reverse — written out here.
 */
class FiltfiltIdentityTest {

    @Test
    void backwardPassGivesBitIdenticalResultsToReverseFilterReverse() {
        Random rnd = new Random(13);
        SosFilter[] filters = {Butterworth.bandPass(4, 30, 3000, 20_000), Butterworth.bandPass(2, 150, 1500, 10_000),
                Butterworth.highPass(4, 2000, 10_000), Butterworth.lowPass(3, 100, 5_000)};
        for (SosFilter f : filters) {
            for (int n : new int[] {1, 2, 7, 40, 1000, 2049}) {
                float[] x = Signals.plus(Signals.noise(rnd, n, 10), Signals.gaussian(n, 10_000, 5, 1, 5));
                assertArrayEquals(reverseFilterReverse(f, x), f.filtfilt(x), f.describe() + ", " + n + " samples");
            }
        }
    }

    /** The formulation filtfilt had before: odd reflection padding, settled passes, two array reversals. */
    private static float[] reverseFilterReverse(SosFilter f, float[] in) {
        int n = in.length;
        int pad = Math.min(f.padLength(), n - 1);
        double[] x = new double[n + 2 * pad];
        for (int i = 0; i < n; i++) {
            x[pad + i] = in[i];
        }
        for (int i = 1; i <= pad; i++) {
            x[pad - i] = 2.0 * in[0] - in[i];
            x[pad + n - 1 + i] = 2.0 * in[n - 1] - in[n - 1 - i];
        }
        settledPass(f, x);
        reverse(x);
        settledPass(f, x);
        reverse(x);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) x[pad + i];
        }
        return out;
    }

    private static void settledPass(SosFilter f, double[] x) {
        SosFilter.Stream st = f.newStream();
        st.settle(x[0]);
        st.processInPlace(x);
    }

    private static void reverse(double[] x) {
        for (int i = 0, j = x.length - 1; i < j; i++, j--) {
            double t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
    }
}
