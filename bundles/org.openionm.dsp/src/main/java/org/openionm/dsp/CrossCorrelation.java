package org.openionm.dsp;

/**
 * Latency shift of a test average against the baseline (Woody 1967): the lag within ±maxShift that
 * maximises the Pearson correlation over a fixed analysis range of the baseline, refined by a
 * parabola through the three best lags.
 */
public final class CrossCorrelation {

    private CrossCorrelation() {}

    /**
     * @param from first sample of the baseline range compared (must leave maxShift of room on both sides)
     * @param to   end (exclusive) of that range
     */
    public static Alignment align(float[] baseline, float[] test, double fs, int from, int to, double maxShiftMs) {
        int maxLag = (int) Math.round(maxShiftMs * fs / 1000);
        if (from - maxLag < 0 || to + maxLag > test.length || to > baseline.length || to - from < 3) {
            throw new IllegalArgumentException("analysis range [" + from + ", " + to + ") leaves no room for ±"
                    + maxShiftMs + " ms");
        }
        double[] r = new double[2 * maxLag + 1];
        int best = 0;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            r[lag + maxLag] = pearson(baseline, from, test, from + lag, to - from);
            if (r[lag + maxLag] > r[best]) {
                best = lag + maxLag;
            }
        }
        double delta = 0, peak = r[best];
        if (best > 0 && best < r.length - 1) {
            double a = r[best - 1], b = r[best], c = r[best + 1];
            double denom = a - 2 * b + c;
            if (denom < 0) {
                delta = 0.5 * (a - c) / denom;
                peak = b - 0.25 * (a - c) * delta;
            }
        }
        return new Alignment((best - maxLag + delta) * 1000 / fs, Math.min(1, peak));
    }

    /** Convenience: ±3 ms over the whole usable range. */
    public static Alignment align(float[] baseline, float[] test, double fs) {
        int m = (int) Math.round(3 * fs / 1000);
        return align(baseline, test, fs, m, Math.min(baseline.length, test.length) - m, 3);
    }

    private static double pearson(float[] a, int fromA, float[] b, int fromB, int n) {
        double ma = 0, mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[fromA + i];
            mb += b[fromB + i];
        }
        ma /= n;
        mb /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[fromA + i] - ma, db = b[fromB + i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }
}
