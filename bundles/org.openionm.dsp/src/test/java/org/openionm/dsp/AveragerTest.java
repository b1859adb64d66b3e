package org.openionm.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AveragerTest {

    private static final double FS = 20_000;
    private static final int LEN = 1000; // 50 ms sweep

    /** SSEP-like response: N20 / P25 / N35 (µV). */
    static float[] response() {
        float[] s = new float[LEN];
        Signals.addGaussian(s, FS, 20, 1.5, -2.5);
        Signals.addGaussian(s, FS, 25, 2.0, 3.0);
        Signals.addGaussian(s, FS, 35, 3.0, -1.5);
        return s;
    }

    @Test
    void residualNoiseFallsAsOneOverSqrtN() {
        Random rnd = new Random(7);
        for (int n : new int[] {16, 64, 256, 1024}) {
            BlockAverager avg = new BlockAverager();
            for (int k = 0; k < n; k++) {
                avg.add(Signals.noise(rnd, LEN, 20));
            }
            assertEquals(n, avg.sweeps());
            double expected = 20 / Math.sqrt(n); // 0.625 µV at 1024
            // RMS over 1000 independent samples: relative SD ≈ 2.2 %; allow 8 %
            System.out.printf("block N=%d: rms %.4f µV, expected %.4f%n", n, Signals.rms(avg.average()), expected);
            assertEquals(expected, Signals.rms(avg.average()), 0.08 * expected, "N=" + n);
        }
    }

    @Test
    void slidingKeepsTheLastWindowAndExponentialMatchesItsEffectiveN() {
        Random rnd = new Random(11);
        SlidingAverager sliding = new SlidingAverager(64);
        ExponentialAverager exp = new ExponentialAverager(2.0 / 65); // effective N = 64
        BlockAverager lastWindow = new BlockAverager();
        for (int k = 0; k < 300; k++) {
            float[] sweep = Signals.noise(rnd, LEN, 20);
            sliding.add(sweep);
            exp.add(sweep);
            if (k >= 300 - 64) {
                lastWindow.add(sweep);
            }
        }
        assertEquals(64, sliding.sweeps());
        assertArrayEquals(lastWindow.average(), sliding.average(), 1e-4f);
        assertEquals(64, exp.effectiveSweeps(), 1e-9);
        assertEquals(20 / 8.0, Signals.rms(exp.average()), 0.2 * 20 / 8.0); // exp-weighted: fewer dof, looser
    }

    @Test
    void oddEvenCorrelationIsHighForAResponseAndNearZeroForNoise() {
        Random rnd = new Random(3);
        float[] s = response();
        OddEvenAverager withSignal = new OddEvenAverager();
        OddEvenAverager noiseOnly = new OddEvenAverager();
        for (int k = 0; k < 2048; k++) {
            withSignal.add(Signals.plus(s, Signals.noise(rnd, LEN, 20)));
            noiseOnly.add(Signals.noise(rnd, LEN, 20));
        }
        assertEquals(2048, withSignal.sweeps());
        // expected r = var(s) / (var(s) + σ²/1024) for each half holding 1024 sweeps
        double vs = Stats.variance(s, 0, LEN);
        double expected = vs / (vs + 400.0 / 1024);
        assertTrue(expected > 0.7);
        System.out.printf("odd/even r: signal %.3f (expected %.3f), noise %.3f%n", withSignal.correlation(), expected,
                noiseOnly.correlation());
        assertEquals(expected, withSignal.correlation(), 0.05);
        assertEquals(0, noiseOnly.correlation(), 0.1);
    }

    @Test
    void plusMinusNoiseEstimateMatchesTrueResidualNoise() {
        Random rnd = new Random(5);
        float[] s = response();
        for (int n : new int[] {64, 257, 1024}) {
            PlusMinusAverager pm = new PlusMinusAverager();
            for (int k = 0; k < n; k++) {
                pm.add(Signals.plus(s, Signals.noise(rnd, LEN, 20)));
            }
            float[] residual = pm.average();
            for (int i = 0; i < LEN; i++) {
                residual[i] -= s[i];
            }
            double truth = Signals.rms(residual);
            System.out.printf("± N=%d: estimate %.4f µV, true residual %.4f µV%n", n, pm.residualNoiseRms(), truth);
            assertEquals(truth, pm.residualNoiseRms(), 0.1 * truth, "N=" + n);
        }
    }

    /** 50 Hz hum sampled at the stimulus times: locked to 5.0 Hz it survives averaging, at 4.7 Hz it cancels. */
    @Test
    void mainsLockedRateKeepsHumAndNonLockedRateCancelsIt() {
        System.out.printf("hum left after 500 sweeps: 4.7 Hz %.4f %%, 5.0 Hz %.2f %%%n", 100 * humRemaining(4.7),
                100 * humRemaining(5.0));
        assertTrue(humRemaining(4.7) < 0.01, "4.7 Hz leaves " + humRemaining(4.7));
        assertEquals(1.0, humRemaining(5.0), 0.01);
    }

    private static double humRemaining(double rateHz) {
        BlockAverager avg = new BlockAverager();
        for (int k = 0; k < 500; k++) {
            double t0 = k / rateHz;
            float[] sweep = new float[LEN];
            for (int i = 0; i < LEN; i++) {
                sweep[i] = (float) (10 * Math.sin(2 * Math.PI * 50 * (t0 + i / FS)));
            }
            avg.add(sweep);
        }
        return Signals.rms(avg.average()) / (10 / Math.sqrt(2));
    }

    @Test
    void weightedAverageBeatsPlainMeanWhenSweepNoiseVaries() {
        Random rnd = new Random(9);
        float[] s = response();
        BlockAverager plain = new BlockAverager();
        WeightedAverager weighted = new WeightedAverager(800, 1000); // 40–50 ms: response has decayed
        for (int k = 0; k < 400; k++) {
            double sd = k % 4 == 0 ? 60 : 10; // every 4th sweep is noisy (e.g. movement)
            float[] sweep = Signals.plus(s, Signals.noise(rnd, LEN, sd));
            plain.add(sweep);
            weighted.add(sweep);
        }
        double ePlain = error(plain.average(), s);
        double eWeighted = error(weighted.average(), s);
        // theory: plain 1.66 µV·/√... ratio ≈ 0.46; demand at least 30 % less residual noise
        System.out.printf("weighted %.4f µV vs plain %.4f µV residual%n", eWeighted, ePlain);
        assertTrue(eWeighted < 0.7 * ePlain, "weighted " + eWeighted + " vs plain " + ePlain);
        assertEquals(400, weighted.sweeps());
    }

    private static double error(float[] avg, float[] truth) {
        float[] d = new float[avg.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = avg[i] - truth[i];
        }
        return Signals.rms(d);
    }
}
