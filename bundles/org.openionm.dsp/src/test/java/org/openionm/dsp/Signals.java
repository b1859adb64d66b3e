package org.openionm.dsp;

import java.util.Random;

/** Synthetic test signals. */
final class Signals {

    private Signals() {}

    static float[] gaussian(int n, double fs, double centreMs, double sigmaMs, double amplitude) {
        float[] x = new float[n];
        addGaussian(x, fs, centreMs, sigmaMs, amplitude);
        return x;
    }

    static void addGaussian(float[] x, double fs, double centreMs, double sigmaMs, double amplitude) {
        for (int i = 0; i < x.length; i++) {
            double t = i * 1000.0 / fs;
            x[i] += (float) (amplitude * Math.exp(-0.5 * Math.pow((t - centreMs) / sigmaMs, 2)));
        }
    }

    static float[] sine(int n, double fs, double hz, double amplitude, double phase) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / fs + phase));
        }
        return x;
    }

    static float[] noise(Random rnd, int n, double rms) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (rms * rnd.nextGaussian());
        }
        return x;
    }

    static float[] plus(float[] a, float[] b) {
        float[] x = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            x[i] = a[i] + b[i];
        }
        return x;
    }

    static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) x[i] * x[i];
        }
        return Math.sqrt(s / (to - from));
    }

    static double rms(float[] x) {
        return rms(x, 0, x.length);
    }

    /** Latency (ms) of the minimum, refined by a 3-point parabola. */
    static double minLatencyMs(float[] x, double fs) {
        int k = 1;
        for (int i = 1; i < x.length - 1; i++) {
            if (x[i] < x[k]) {
                k = i;
            }
        }
        double a = x[k - 1], b = x[k], c = x[k + 1];
        double d = 0.5 * (a - c) / (a - 2 * b + c);
        return (k + d) * 1000.0 / fs;
    }
}
