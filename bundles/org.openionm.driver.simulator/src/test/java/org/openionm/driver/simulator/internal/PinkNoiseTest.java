package org.openionm.driver.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The simulator's EEG background must have the 1/f spectrum and the RMS it was asked for. */
class PinkNoiseTest {

    private static final double RATE = 1000;

    @Test
    void spectrumFallsAsOneOverFThenFasterAboveTheEegBand() {
        float[] x = generate(RATE, 20, 400_000, 7);
        // For 1/f every octave carries the same power, so the per-Hz density halves per octave: a
        // log-log slope of -1. Above the last corner (64 Hz) the spectrum tends to 1/f^2: between
        // 150 and 600 Hz the analytic slope of the 64 Hz Lorentzian averages -1.93.
        assertEquals(-1.0, octaveSlope(x, RATE, new double[] { 1, 2, 4, 8, 16, 32 }), 0.15, "slope 1-32 Hz");
        // well below Nyquist, where the discrete one-pole sections still behave like analog ones
        float[] fast = generate(4000, 20, 200_000, 7);
        assertEquals(-1.93, octaveSlope(fast, 4000, new double[] { 150, 300, 600 }), 0.25, "slope 150-600 Hz");
    }

    private static double octaveSlope(float[] x, double rate, double[] centres) {
        double[] logF = new double[centres.length];
        double[] logP = new double[centres.length];
        for (int i = 0; i < centres.length; i++) {
            logF[i] = Math.log(centres[i]);
            logP[i] = Math.log(meanDensity(x, rate, centres[i] / Math.pow(2, 0.25), centres[i] * Math.pow(2, 0.25)));
        }
        return slope(logF, logP);
    }

    @Test
    void rmsMatchesTheRequestedLevel() {
        float[] x = generate(2000, 25, 600_000, 3);
        double sum = 0;
        for (float v : x) {
            sum += v * (double) v;
        }
        // long-memory noise: the sample RMS of 5 min scatters by several percent around the target
        assertEquals(25, Math.sqrt(sum / x.length), 25 * 0.15);
    }

    @Test
    void sameSeedSameSignalOtherSeedOtherSignal() {
        float[] a = generate(RATE, 20, 5000, 42);
        float[] b = generate(RATE, 20, 5000, 42);
        float[] c = generate(RATE, 20, 5000, 43);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i]);
        }
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] == c[i] ? 1 : 0;
        }
        assertEquals(0, same, 5, "different seeds must give different signals");
    }

    static float[] generate(double rate, double rms, int n, long seed) {
        PinkNoise noise = new PinkNoise(rate, rms, new SplittableRandom(seed));
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) noise.next();
        }
        return x;
    }

    /** Mean power spectral density over [lo, hi] Hz: Hann-windowed segments, direct DFT at each bin. */
    static double meanDensity(float[] x, double rate, double lo, double hi) {
        int seg = 4096;
        double[] window = new double[seg];
        for (int i = 0; i < seg; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (seg - 1));
        }
        int firstBin = (int) Math.ceil(lo * seg / rate);
        int lastBin = (int) Math.floor(hi * seg / rate);
        double total = 0;
        int count = 0;
        for (int start = 0; start + seg <= x.length; start += seg) {
            for (int bin = firstBin; bin <= lastBin; bin++) {
                double w = 2 * Math.PI * bin / seg;
                double re = 0;
                double im = 0;
                for (int i = 0; i < seg; i++) {
                    double v = x[start + i] * window[i];
                    re += v * Math.cos(w * i);
                    im -= v * Math.sin(w * i);
                }
                total += re * re + im * im;
                count++;
            }
        }
        return total / count;
    }

    static double slope(double[] xs, double[] ys) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < xs.length; i++) {
            mx += xs[i] / xs.length;
            my += ys[i] / ys.length;
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < xs.length; i++) {
            num += (xs[i] - mx) * (ys[i] - my);
            den += (xs[i] - mx) * (xs[i] - mx);
        }
        return num / den;
    }
}
