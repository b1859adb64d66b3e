package org.openionm.modality.ssep.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.dsp.OddEvenAverager;
import org.openionm.dsp.PlusMinusAverager;

/**
 * The SSEP window's running sums (issue 13, re-analysis speed) against a fresh re-sum — the way every
 * average was computed before — of the accepted sweeps the test itself kept, over a long run with
 * rejections of every kind: a rejected sweep must never enter the sums, and every average, ± average
 * and odd/even half must equal the re-sum within one float ulp of its largest value plus 1e-10 of the
 * largest sample (the bound is derived in dsp's {@code MovingSplitAverageTest}; ≈ 1.2e-7 of the peak).
 * An odd window (101) exercises the ± average's unpaired newest sweep. A change of the target sweeps
 * restarts the processor, which builds new windows (see {@link SsepProcessor#start}): nothing carries over.
 */
class ChannelAverageRunningSumTest {

    private static final double FS = 10_000;
    private static final int LEN = 1000;
    private static final int N = 101;

    @Test
    void everyAverageEqualsAFreshReSumOfTheAcceptedSweepsAndRejectedOnesNeverEnter() {
        Channel contra = new Channel(3, "CP4-Fpz", Channel.MICROVOLT, FS, -3200, 3200, ChannelRole.SSEP_CORTICAL);
        Map<String, Double> settings = SsepSettings.numbers(SsepSettings.effective(Map.of(SsepSettings.UPPER_SWEEPS, N)));
        ChannelAverage ca = new ChannelAverage(StimSite.parse("median.left").orElseThrow(),
                Recording.of(contra).orElseThrow(), List.of(), settings);
        int blank = (int) Math.ceil(settings.get(SsepSettings.BLANKING) * FS / 1000);
        Random rnd = new Random(13);
        List<float[]> accepted = new ArrayList<>(); // the test's own record, not the window's
        int averages = 0, partials = 0, rejected = 0;
        for (int k = 0; k < 4000; k++) {
            float[] sweep = new float[LEN];
            double offset = 40 * Math.sin(k / 250.0); // a drifting offset, under the 100 µV amplitude rule
            for (int i = 0; i < LEN; i++) {
                sweep[i] = (float) (offset + Synthetic.gauss(i * 1000 / FS, 19.5, -2, 4) + 5 * rnd.nextGaussian());
            }
            int kind = k % 23 == 5 ? 1 : k % 37 == 9 ? 2 : k % 53 == 20 ? 3 : 0;
            switch (kind) {
                case 1 -> sweep[LEN / 2] += 5000; // amplitude (and the rails): rejected
                case 2 -> { // cautery: broadband noise far above the 30 µV threshold
                    for (int i = 0; i < LEN; i++) {
                        sweep[i] += (float) (200 * rnd.nextGaussian());
                    }
                }
                case 3 -> sweep[LEN - 1] = 3100; // within 5 % of the +3200 µV rail
                default -> { }
            }
            float[] averaged = ca.offer(sweep);
            if (kind != 0) {
                assertNull(averaged, "sweep " + k + " (artifact " + kind + ") is rejected");
                rejected++;
            } else {
                assertNotNull(averaged, "sweep " + k + " is clean");
                for (int i = blank; i < LEN; i++) {
                    assertEquals(sweep[i], averaged[i], "after blanking the averaged sweep is the sweep");
                }
                accepted.add(averaged.clone());
                if (accepted.size() > N) {
                    accepted.remove(0);
                }
            }
            if (ca.partialDue()) {
                assertClose(mean(accepted), ca.partialMean(), "running mean at " + k);
                partials++;
            }
            if (ca.due()) {
                ChannelAverage.Snapshot snap = ca.take();
                assertEquals(N, snap.sweeps());
                PlusMinusAverager pm = new PlusMinusAverager();
                OddEvenAverager oe = new OddEvenAverager();
                accepted.forEach(s -> {
                    pm.add(s);
                    oe.add(s);
                });
                assertClose(pm.average(), snap.average(), "average at " + k);
                assertClose(pm.noiseEstimate(), snap.noiseEstimate(), "± average at " + k);
                assertClose(oe.odd(), snap.odd(), "odd half at " + k);
                assertClose(oe.even(), snap.even(), "even half at " + k);
                assertEquals(pm.residualNoiseRms(), snap.residualNoiseRms(), 1e-6 * pm.residualNoiseRms());
                averages++;
            }
        }
        System.out.printf("%d averages, %d running means, %d sweeps rejected%n", averages, partials, rejected);
        assertTrue(rejected > 250, "rejections of every kind: " + rejected);
        assertTrue(averages > 200, "averages: " + averages);
        assertEquals(N / 15, partials, "running means every 15 accepted sweeps while the window fills");
    }

    private static float[] mean(List<float[]> sweeps) {
        PlusMinusAverager plain = new PlusMinusAverager();
        sweeps.forEach(plain::add);
        return plain.average();
    }

    /** Within one float ulp of the largest value plus 1e-10 of the largest sample (|x| < 100 µV accepted). */
    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        double peak = 0;
        for (float v : expected) {
            peak = Math.max(peak, Math.abs(v));
        }
        double bound = 0x1p-23 * peak + 1e-10 * 100;
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], bound, what + ", sample " + i);
        }
    }
}
