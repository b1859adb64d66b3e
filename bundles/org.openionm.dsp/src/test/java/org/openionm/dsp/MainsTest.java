package org.openionm.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainsTest {

    private static final double FS = 20_000;
    private static final int N = 80_000; // 4 s

    /** Amplitude of the {@code f} component over the last 2 s (after transients). */
    private static double amplitude(float[] x, double f) {
        return 2 * ButterworthTest.projection(x, f, N / 2, N)[0] / (N / 2);
    }

    @Test
    void notchRemoves50HzByMoreThan40dBAndPassesNeighbours() {
        SosFilter notch = Notch.mains(50, 30, 3, FS);
        float[] x = Signals.plus(Signals.plus(Signals.sine(N, FS, 50, 100, 0.4), Signals.sine(N, FS, 20, 10, 0)),
                Signals.sine(N, FS, 250, 10, 1));
        float[] y = notch.filter(x);
        double hum = 20 * Math.log10(amplitude(y, 50) / 100);
        System.out.printf("notch: 50 Hz %.1f dB, 20 Hz %.3f dB, 250 Hz %.3f dB%n", hum,
                20 * Math.log10(amplitude(y, 20) / 10), 20 * Math.log10(amplitude(y, 250) / 10));
        assertTrue(hum < -40, "50 Hz reduced by only " + hum + " dB");
        assertEquals(0, 20 * Math.log10(amplitude(y, 20) / 10), 1.0);
        assertEquals(0, 20 * Math.log10(amplitude(y, 250) / 10), 1.0);
        assertTrue(notch.response(150).abs() < 1e-6);
        assertEquals("notch 50 Hz, Q 30, 3 harmonic(s), causal", notch.describe());
    }

    @Test
    void lineCancellerRemoves50HzAfterConvergenceAndPassesNeighbours() {
        LineCanceller alc = new LineCanceller(50, 3, 0.001, FS);
        float[] x = Signals.plus(Signals.plus(Signals.sine(N, FS, 50, 100, 0.4), Signals.sine(N, FS, 20, 10, 0)),
                Signals.sine(N, FS, 250, 10, 1));
        float[] y = alc.process(x);
        double hum = 20 * Math.log10(amplitude(y, 50) / 100);
        System.out.printf("ALC: 50 Hz %.1f dB, 20 Hz %.3f dB, 250 Hz %.3f dB%n", hum,
                20 * Math.log10(amplitude(y, 20) / 10), 20 * Math.log10(amplitude(y, 250) / 10));
        assertTrue(hum < -40, "50 Hz reduced by only " + hum + " dB");
        assertEquals(0, 20 * Math.log10(amplitude(y, 20) / 10), 1.0);
        assertEquals(0, 20 * Math.log10(amplitude(y, 250) / 10), 1.0);
        assertTrue(alc.describe().startsWith("adaptive line canceller 50 Hz × 3"));
    }
}
