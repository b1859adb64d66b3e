package org.openionm.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ButterworthTest {

    private static final double FS = 20_000;

    /** Analogue Butterworth response H(jΩ) from its poles, the "truth" the digital cascade must match. */
    private static Complex analogLowPass(int n, double omega, double omegaC) {
        Complex h = Complex.ONE;
        Complex s = new Complex(0, omega / omegaC);
        for (int k = 0; k < n; k++) {
            Complex p = Complex.polar(1, Math.PI * (2 * k + n + 1) / (2.0 * n));
            h = h.div(s.minus(p));
        }
        return h;
    }

    private static double warped(double f) {
        return Butterworth.prewarp(f, FS);
    }

    @Test
    void lowAndHighPassMatchAnalyticMagnitudeAndPhase() {
        for (int order : new int[] {2, 4, 6, 8}) {
            double fc = 1000;
            SosFilter lp = Butterworth.lowPass(order, fc, FS);
            SosFilter hp = Butterworth.highPass(order, fc, FS);
            for (double f = 5; f < FS / 2 - 10; f *= 1.15) {
                double ratio = warped(f) / warped(fc);
                double mag = 1 / Math.sqrt(1 + Math.pow(ratio, 2 * order));
                double magHp = 1 / Math.sqrt(1 + Math.pow(1 / ratio, 2 * order));
                assertEquals(mag, lp.response(f).abs(), 1e-9, "LP order " + order + " at " + f);
                assertEquals(magHp, hp.response(f).abs(), 1e-9, "HP order " + order + " at " + f);
                // bilinear transform maps the analogue response exactly, phase included
                double phase = analogLowPass(order, warped(f), warped(fc)).arg();
                assertEquals(0, wrap(phase - lp.response(f).arg()), 1e-7, "LP phase order " + order + " at " + f);
            }
            assertEquals(-3.0103, 20 * Math.log10(lp.response(fc).abs()), 1e-3);
            assertEquals(-3.0103, 20 * Math.log10(hp.response(fc).abs()), 1e-3);
        }
    }

    @Test
    void bandPassMatchesAnalyticMagnitudeAndIsMinus3dBAtBothCorners() {
        for (int order : new int[] {2, 4, 6, 8}) {
            SosFilter bp = Butterworth.bandPass(order, 30, 3000, FS);
            assertEquals(order, bp.sections().size());
            double w1 = warped(30), w2 = warped(3000), w0sq = w1 * w2, b = w2 - w1;
            for (double f = 1; f < FS / 2 - 10; f *= 1.1) {
                double w = warped(f);
                double x = (w * w - w0sq) / (b * w);
                double mag = 1 / Math.sqrt(1 + Math.pow(x, 2 * order));
                assertEquals(mag, bp.response(f).abs(), 1e-9, "BP order " + order + " at " + f);
            }
            assertEquals(-3.0103, 20 * Math.log10(bp.response(30).abs()), 1e-3);
            assertEquals(-3.0103, 20 * Math.log10(bp.response(3000).abs()), 1e-3);
        }
        assertEquals("Butterworth band-pass 30–3000 Hz, order 4, zero-phase",
                Butterworth.bandPass(4, 30, 3000, FS).describeZeroPhase());
    }

    @Test
    void filtfiltMagnitudeIsSquaredAndPhaseIsZero() {
        SosFilter bp = Butterworth.bandPass(4, 30, 3000, FS);
        int n = 40_000;
        for (double f : new double[] {20, 50, 300, 2500, 4000}) {
            float[] x = Signals.sine(n, FS, f, 1, 0.3);
            float[] y = bp.filtfilt(x);
            // fit amplitude and phase by projection on sin/cos over the middle (no edge effects)
            double[] ref = projection(x, f, n / 4, 3 * n / 4);
            double[] out = projection(y, f, n / 4, 3 * n / 4);
            double h = bp.response(f).abs();
            assertEquals(h * h, out[0] / ref[0], 1e-3 * Math.max(h * h, 1e-2), "gain at " + f);
            if (h * h > 0.01) {
                assertEquals(0, wrap(out[1] - ref[1]), 2e-3, "phase at " + f);
            }
        }
    }

    @Test
    void filtfiltMatchesScipySosfiltfilt() {
        // scipy 1.17.1: sosfiltfilt(butter(4, [30, 3000], 'band', fs=20000, output='sos'), x)
        int n = 400;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (Math.sin(2 * Math.PI * 50 * i / FS) * 10 + 5 * Math.sin(2 * Math.PI * 700 * i / FS) + 3 + 0.01 * i);
        }
        float[] y = Butterworth.bandPass(4, 30, 3000, FS).filtfilt(x);
        int[] idx = {0, 1, 50, 199, 200, 398, 399};
        double[] expected = {-3.346023381948018, -2.1070369708653787, -1.3898203334954133, -0.12143999835348307,
                0.8598368152465583, 1.7153383838890197, 2.8239364976278045};
        for (int k = 0; k < idx.length; k++) {
            assertEquals(expected[k], y[idx[k]], 2e-4, "sample " + idx[k]);
        }
    }

    @Test
    void zeroPhaseKeepsN20LatencyWhileCausalShiftsItEarlier() {
        // reference: fs 20 kHz, N20 at 19.80 ms, 4th-order 30–3000 Hz: causal → about 19.20 ms
        SosFilter bp = Butterworth.bandPass(4, 30, 3000, FS);
        float[] x = Signals.gaussian(2000, FS, 19.80, 1.4, -1.75);
        double zeroPhase = Signals.minLatencyMs(bp.filtfilt(x), FS);
        double causal = Signals.minLatencyMs(bp.filter(x), FS);
        System.out.printf("N20 19.80 ms: zero-phase %.3f ms, causal %.3f ms%n", zeroPhase, causal);
        assertEquals(19.80, zeroPhase, 0.05);
        assertEquals(19.20, causal, 0.15);
    }

    @Test
    void streamingInBlocksEqualsOneShot() {
        SosFilter bp = Butterworth.bandPass(4, 30, 3000, FS);
        float[] x = Signals.noise(new Random(1), 5000, 10);
        float[] whole = bp.filter(x);
        SosFilter.Stream st = bp.newStream();
        float[] parts = new float[x.length];
        for (int from = 0; from < x.length; from += 333) {
            int len = Math.min(333, x.length - from);
            float[] in = java.util.Arrays.copyOfRange(x, from, from + len);
            float[] out = new float[len];
            st.process(in, out);
            System.arraycopy(out, 0, parts, from, len);
        }
        for (int i = 0; i < x.length; i++) {
            assertEquals(whole[i], parts[i], 0f);
        }
        assertTrue(Signals.rms(whole) > 1);
    }

    static double[] projection(float[] x, double f, int from, int to) {
        double s = 0, c = 0;
        for (int i = from; i < to; i++) {
            double w = 2 * Math.PI * f * i / FS;
            s += x[i] * Math.sin(w);
            c += x[i] * Math.cos(w);
        }
        return new double[] {Math.hypot(s, c), Math.atan2(c, s)};
    }

    static double wrap(double a) {
        return Math.atan2(Math.sin(a), Math.cos(a));
    }
}
