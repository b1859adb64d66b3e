package org.openionm.driver.simulator.internal;

/** Shapes rendered into a scratch buffer before they are scaled and added to a channel. */
final class Waveforms {

    private Waveforms() {
    }

    /**
     * Adds a Ricker wavelet (negative second derivative of a Gaussian: a triphasic, motor-unit-like
     * potential) {@code a·(1-u²)·exp(-u²/2)}, u = (n-centre)/s, over ±5s, into {@code buf}.
     */
    static void addRicker(double[] buf, double centre, double s, double a) {
        int first = Math.max(0, (int) Math.ceil(centre - 5 * s));
        int last = Math.min(buf.length - 1, (int) Math.floor(centre + 5 * s));
        double inv = 1 / (2 * s * s);
        double x0 = first - centre;
        double g = Math.exp(-x0 * x0 * inv);
        double r = Math.exp(-(2 * x0 + 1) * inv);
        double q = Math.exp(-2 * inv);
        for (int n = first; n <= last; n++) {
            double x = n - centre;
            buf[n] += a * (1 - x * x * 2 * inv) * g;
            g *= r;
            r *= q;
        }
    }

    /** Adds a Gaussian {@code a·exp(-(n-centre)²/2s²)} over ±5s into {@code buf}. */
    static void addGaussian(double[] buf, double centre, double s, double a) {
        int first = Math.max(0, (int) Math.ceil(centre - 5 * s));
        int last = Math.min(buf.length - 1, (int) Math.floor(centre + 5 * s));
        double inv = 1 / (2 * s * s);
        double x0 = first - centre;
        double g = a * Math.exp(-x0 * x0 * inv);
        double r = Math.exp(-(2 * x0 + 1) * inv);
        double q = Math.exp(-2 * inv);
        for (int n = first; n <= last; n++) {
            buf[n] += g;
            g *= r;
            r *= q;
        }
    }

    /** Peak-to-peak of {@code buf[0..n)}. */
    static double peakToPeak(double[] buf, int n) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, buf[i]);
            hi = Math.max(hi, buf[i]);
        }
        return n == 0 ? 0 : hi - lo;
    }
}
