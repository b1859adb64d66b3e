package org.openionm.modality.eeg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Band powers, SEF95 and median frequency of signals whose spectrum is known exactly. */
class SpectrumTest {

    private static final double RATE = 250;
    private static final int N = 500; // one 2-s epoch at 250 Hz, padded to 512: bins of 0.488 Hz

    @Test
    void sinesGiveTheirPowerInTheirBands() {
        // A sine of amplitude A has mean square A²/2: delta 200, theta 50, alpha 450, beta 12.5 uV²
        double[] x = sines(N, RATE, new double[] { 2, 6, 10, 20 }, new double[] { 20, 10, 30, 5 });
        Spectrum s = Spectrum.of(x, N, RATE);
        assertEquals(200, s.power(0.5, 4), 2, "delta");
        assertEquals(50, s.power(4, 8), 0.5, "theta");
        assertEquals(450, s.power(8, 13), 4.5, "alpha");
        assertEquals(12.5, s.power(13, 30), 0.125, "beta");
        assertEquals(712.5, s.power(0.5, 30), 7, "total 0.5-30 Hz");
        EpochFeatures f = EpochFeatures.of(s, EegSettings.defaults());
        assertEquals(100 * 450 / 712.5, f.relative(f.alpha()), 0.5, "relative alpha in %");
        assertEquals(100 * 200 / 712.5, f.relative(f.delta()), 0.5, "relative delta in %");
    }

    @Test
    void edgeFrequenciesOfLinesAreWithinOneBin() {
        // lines carrying 30, 40, 20 and 10 % of the power at 5, 12, 20 and 25 Hz: half the power lies below the
        // middle of the 12 Hz line (median 12 Hz), 95 % below the middle of the 25 Hz line (SEF95 25 Hz). A Hann
        // window spreads a line over three bins, so a point in the middle of a line is within one bin of it.
        double[] p = { 30, 40, 20, 10 };
        double[] a = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            a[i] = Math.sqrt(2 * p[i]);
        }
        double[] x = sines(N, RATE, new double[] { 5, 12, 20, 25 }, a);
        Spectrum s = Spectrum.of(x, N, RATE);
        double bin = s.binHz();
        assertEquals(RATE / 512, bin, 1e-12);
        assertEquals(12, s.edgeFrequency(0.5, 0.5, 30), bin, "median frequency");
        assertEquals(25, s.edgeFrequency(0.95, 0.5, 30), bin, "SEF95");
        double[] one = sines(N, RATE, new double[] { 10 }, new double[] { 20 });
        Spectrum t = Spectrum.of(one, N, RATE);
        assertEquals(10, t.edgeFrequency(0.5, 0.5, 30), bin, "median of one sine");
        assertEquals(10, t.edgeFrequency(0.95, 0.5, 30), bin, "SEF95 of one sine");
    }

    @Test
    void lineSpectraFollowingOneOverFAndFlatHaveTheirEdgeFrequencies() {
        // Lines at every 0.5 Hz bin of a 2-s epoch at 256 Hz (512 samples, no padding), power ∝ 1/f, phases a
        // quarter turn apart (the Hann leakage of neighbours then adds no cross terms). The edges of this line
        // spectrum are computed from the line powers; the reference's continuous 1/f on 0.5-30 Hz (SEF95 24.45 Hz,
        // median 3.87 Hz) is its limit for fine lines, and its flat 0-30 Hz (SEF95 28.5 Hz) is exact here.
        double rate = 256;
        int n = 512;
        double[] x = new double[n];
        double[] flat = new double[n];
        double total = 0;
        for (int k = 1; k <= 60; k++) {
            total += 1.0 / k;
        }
        double sef = Double.NaN;
        double median = Double.NaN;
        double cumulative = 0;
        for (int k = 1; k <= 60; k++) {
            double f = 0.5 * k;
            cumulative += 1.0 / k;
            if (Double.isNaN(median) && cumulative >= 0.5 * total) {
                median = f;
            }
            if (Double.isNaN(sef) && cumulative >= 0.95 * total) {
                sef = f;
            }
            double a = Math.sqrt(2 * 100 / f);
            for (int i = 0; i < n; i++) {
                x[i] += a * Math.sin(2 * Math.PI * f * i / rate + k * Math.PI / 2);
                flat[i] += Math.sin(2 * Math.PI * f * i / rate + k * Math.PI / 2);
            }
        }
        assertEquals(24.45, sef, 0.5, "the line spectrum's SEF95 is the reference's to one bin");
        Spectrum s = Spectrum.of(x, n, rate);
        assertEquals(0.5, s.binHz(), 1e-12);
        assertEquals(sef, s.edgeFrequency(0.95, 0.5, 30.25), 0.5, "SEF95 of 1/f lines");
        assertEquals(median, s.edgeFrequency(0.5, 0.5, 30.25), 0.5, "median of 1/f lines");
        assertEquals(28.5, Spectrum.of(flat, n, rate).edgeFrequency(0.95, 0.5, 30.25), 0.5, "SEF95 of a flat spectrum");
    }

    static double[] sines(int n, double rate, double[] hz, double[] amplitudeUv) {
        double[] x = new double[n];
        for (int k = 0; k < hz.length; k++) {
            for (int i = 0; i < n; i++) {
                x[i] += amplitudeUv[k] * Math.sin(2 * Math.PI * hz[k] * i / rate + 0.3 * k);
            }
        }
        return x;
    }
}
