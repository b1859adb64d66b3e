package org.openionm.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The running sums of {@link MovingSplitAverage} against known truth: hand-computed averages of
 * sweeps of known constant value, and over long runs a fresh re-sum of the same window by
 * {@link PlusMinusAverager} and {@link OddEvenAverager} (the computation they replace in the SSEP
 * window).
 * <p>
 * The bound on the difference, computed by hand: both sides are double sums of the same floats
 * rounded once to float. Between rebuilds the running sum takes at most one window length N of
 * additions and as many subtractions, and a rebuild N additions: at most 3N roundings of 2^-53 of a
 * sum of magnitude at most N·X (X the largest |sample|), i.e. after dividing by n ≥ 1 sweeps
 * 3N²·2^-53·X ≈ 2e-12·X for N = 64. The float rounding of the result adds at most one float ulp
 * (2^-23 relative) of the largest value. So |running − fresh| ≤ 2^-23·max|fresh| + 1e-10·X per sample,
 * about 1.2e-7 of the peak: well below the 1e-6 of the RMS the lead asked for on these traces.
 */
class MovingSplitAverageTest {

    private static final int LEN = 1000;

    private static float[] constant(double value) {
        float[] s = new float[LEN];
        java.util.Arrays.fill(s, (float) value);
        return s;
    }

    /** Sweep k holds k² everywhere: every average of a window is a hand-computable number. */
    @Test
    void handComputedAveragesOfAnOddWindowAfterItSlid() {
        MovingSplitAverage m = new MovingSplitAverage(5);
        for (int k = 0; k < 12; k++) {
            m.add(constant(k * k));
        }
        // window: sweeps 7..11 = 49, 64, 81, 100, 121
        assertEquals(5, m.sweeps());
        assertEquals(12, m.added());
        assertEquals(83f, m.average()[0], 1e-4f, "(49+64+81+100+121)/5");
        assertEquals(251f / 3, m.odd()[LEN - 1], 1e-4f, "1st, 3rd, 5th: (49+81+121)/3");
        assertEquals(82f, m.even()[0], 1e-4f, "2nd, 4th: (64+100)/2");
        assertEquals(4, m.pairedSweeps(), "the newest sweep has no partner");
        assertEquals(-8.5f, m.noiseEstimate()[0], 1e-4f, "((49-64)+(81-100))/4");
        assertEquals(8.5 * Math.sqrt(4.0 / 5), m.residualNoiseRms(), 1e-4);
        m.add(constant(144)); // 64 81 100 121 144: the window start moved, so odd/even swap roles
        assertEquals(102f, m.average()[0], 1e-4f);
        assertEquals((64f + 100 + 144) / 3, m.odd()[0], 1e-4f);
        assertEquals((81f + 121) / 2, m.even()[0], 1e-4f);
        assertEquals(((64f - 81) + (100 - 121)) / 4, m.noiseEstimate()[0], 1e-4f);
    }

    @Test
    void resizeKeepsTheNewestSweepsAndResetEmptiesIt() {
        MovingSplitAverage m = new MovingSplitAverage(5);
        for (int k = 0; k < 12; k++) {
            m.add(constant(k * k));
        }
        m.resize(3); // the user lowers the target: 81, 100, 121 stay
        assertEquals(3, m.sweeps());
        assertEquals(3, m.window());
        assertEquals(302f / 3, m.average()[0], 1e-4f);
        assertEquals(101f, m.odd()[0], 1e-4f, "(81+121)/2");
        assertEquals(100f, m.even()[0], 1e-4f);
        assertEquals(-9.5f, m.noiseEstimate()[0], 1e-4f, "(81-100)/2");
        m.resize(8); // and raises it: all three stay, the next one adds
        m.add(constant(144));
        assertEquals(4, m.sweeps());
        assertEquals(111.5f, m.average()[0], 1e-4f, "(81+100+121+144)/4");
        assertEquals(101f, m.odd()[0], 1e-4f, "(81+121)/2");
        assertEquals(122f, m.even()[0], 1e-4f, "(100+144)/2");
        assertEquals(-10.5f, m.noiseEstimate()[0], 1e-4f, "((81-100)+(121-144))/4");
        assertEquals(List.of(81f, 100f, 121f, 144f), m.windowSweeps().stream().map(s -> s[0]).toList());

        m.reset();
        assertEquals(0, m.sweeps());
        assertEquals(0, m.added());
        assertEquals(0, m.average().length);
        assertEquals(0, m.noiseEstimate().length);
        assertTrue(Double.isNaN(m.residualNoiseRms()));
        m.add(new float[] {2f, 4f}); // another length after a reset is a new start, not an error
        assertArrayEquals(new float[] {2f, 4f}, m.average());
        assertEquals(0, m.even().length, "no second sweep yet");
    }

    /**
     * Thousands of sweeps with a large offset (the hard case for subtraction: big sums, small
     * differences), odd and even windows, compared with a fresh re-sum at every third step and at
     * every step around the resizes (k = 2500, 3500), including while the window fills.
     */
    @Test
    void runningSumsEqualAFreshReSumWithinTheStatedBoundOverALongRun() {
        for (int window : new int[] {63, 64}) {
            Random rnd = new Random(window);
            MovingSplitAverage m = new MovingSplitAverage(window);
            List<float[]> kept = new ArrayList<>(); // the test's own record of the window, oldest first
            double x = 0;
            double worst = 0;
            int compared = 0;
            for (int k = 0; k < 5000; k++) {
                float[] sweep = Signals.plus(AveragerTest.response(), Signals.noise(rnd, LEN, 20));
                float offset = (float) (800 * Math.sin(k / 300.0)); // a drifting electrode offset
                for (int i = 0; i < LEN; i++) {
                    sweep[i] += offset;
                    x = Math.max(x, Math.abs(sweep[i]));
                }
                m.add(sweep);
                kept.add(sweep);
                if (k == 2500) {
                    m.resize(window / 2); // the user changes the target sweeps
                } else if (k == 3500) {
                    m.resize(window);
                }
                int n = k >= 2500 && k < 3500 ? window / 2 : window;
                while (kept.size() > Math.min(n, m.sweeps())) {
                    kept.remove(0);
                }
                if (k % 3 == 0 || k % 500 < 3) { // every third step, and each step around the rebuilds and resizes
                    worst = Math.max(worst, compare(m, kept, x));
                    compared++;
                }
            }
            System.out.printf("window %d: %d comparisons, worst |running - fresh| = %.3g of the bound%n", window, compared, worst);
            assertTrue(compared > 1600, "compared " + compared);
        }
    }

    /** Compares every output with a fresh re-sum of {@code kept}; returns the worst difference / bound. */
    private static double compare(MovingSplitAverage m, List<float[]> kept, double x) {
        PlusMinusAverager pm = new PlusMinusAverager();
        OddEvenAverager oe = new OddEvenAverager();
        kept.forEach(s -> {
            pm.add(s);
            oe.add(s);
        });
        assertEquals(kept.size(), m.sweeps());
        double worst = 0;
        worst = Math.max(worst, close(pm.average(), m.average(), x, "average"));
        worst = Math.max(worst, close(pm.noiseEstimate(), m.noiseEstimate(), x, "± average"));
        worst = Math.max(worst, close(oe.odd(), m.odd(), x, "odd"));
        worst = Math.max(worst, close(oe.even(), m.even(), x, "even"));
        if (kept.size() >= 2) {
            assertEquals(pm.residualNoiseRms(), m.residualNoiseRms(), 1e-6 * pm.residualNoiseRms(), "residual noise");
        }
        return worst;
    }

    private static double close(float[] fresh, float[] running, double x, String what) {
        assertEquals(fresh.length, running.length, what);
        double peak = 0;
        for (float v : fresh) {
            peak = Math.max(peak, Math.abs(v));
        }
        double bound = 0x1p-23 * peak + 1e-10 * x;
        double worst = 0;
        for (int i = 0; i < fresh.length; i++) {
            double d = Math.abs(fresh[i] - running[i]);
            assertTrue(d <= bound, what + " sample " + i + ": " + running[i] + " vs fresh " + fresh[i] + " (bound " + bound + ")");
            worst = Math.max(worst, d / bound);
        }
        return worst;
    }
}
