package org.openionm.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CrossCorrelationTest {

    private static final double FS = 20_000;

    private static float[] ssep(double shiftMs) {
        float[] s = new float[1000];
        Signals.addGaussian(s, FS, 20 + shiftMs, 1.5, -2.5);
        Signals.addGaussian(s, FS, 25 + shiftMs, 2.0, 3.0);
        Signals.addGaussian(s, FS, 35 + shiftMs, 3.0, -1.5);
        return s;
    }

    @Test
    void recoversAKnownShiftWithSubSampleRefinement() {
        Random rnd = new Random(4);
        for (double shift : new double[] {1.25, 1.23, -0.87, 2.5}) {
            float[] base = Signals.plus(ssep(0), Signals.noise(rnd, 1000, 0.1));
            float[] test = Signals.plus(ssep(shift), Signals.noise(rnd, 1000, 0.1));
            Alignment a = CrossCorrelation.align(base, test, FS);
            System.out.printf("xcorr shift %.2f ms: found %.4f ms, r %.4f%n", shift, a.shiftMs(), a.correlation());
            assertEquals(shift, a.shiftMs(), 0.05, "shift " + shift);
            assertTrue(a.correlation() > 0.95, "similarity " + a.correlation());
        }
    }

    @Test
    void unrelatedNoiseHasLowSimilarity() {
        Random rnd = new Random(8);
        Alignment a = CrossCorrelation.align(Signals.noise(rnd, 1000, 1), Signals.noise(rnd, 1000, 1), FS);
        assertTrue(a.correlation() < 0.25, "similarity " + a.correlation());
    }
}
