package org.openionm.dsp;

import java.util.Random;

/**
 * Throughput of zero-phase band-pass filtering: 64 channels × 20 kHz × 10 s, 4th-order 30–3000 Hz.
 * Not a test (surefire runs *Test classes only); run its main by hand.
 */
public final class FiltfiltBenchmark {

    public static void main(String[] args) {
        double fs = 20_000;
        int channels = 64, n = (int) (fs * 10);
        SosFilter bp = Butterworth.bandPass(4, 30, 3000, fs);
        float[][] data = new float[channels][];
        Random rnd = new Random(1);
        for (int ch = 0; ch < channels; ch++) {
            data[ch] = Signals.noise(rnd, n, 20);
        }
        double sink = 0;
        for (int round = 0; round < 5; round++) { // first rounds warm up the JIT
            long t0 = System.nanoTime();
            for (float[] x : data) {
                sink += bp.filtfilt(x)[n / 2];
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("round %d: %.3f s for %d × %d samples = %.1f M samples/s (%.0f× real time)%n",
                    round, s, channels, n, channels * (double) n / s / 1e6, 10 / s);
        }
        System.out.println("checksum " + sink);
    }
}
