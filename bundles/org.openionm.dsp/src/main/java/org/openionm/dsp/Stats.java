package org.openionm.dsp;

/** Small statistics helpers. */
final class Stats {

    private Stats() {}

    static double pearson(float[] a, float[] b, int from, int to) {
        int n = to - from;
        double ma = 0, mb = 0;
        for (int i = from; i < to; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = from; i < to; i++) {
            double da = a[i] - ma, db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    static double rms(float[] x) {
        double s = 0;
        for (float v : x) {
            s += (double) v * v;
        }
        return x.length == 0 ? 0 : Math.sqrt(s / x.length);
    }

    static double variance(float[] x, int from, int to) {
        double m = 0;
        for (int i = from; i < to; i++) {
            m += x[i];
        }
        m /= to - from;
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (x[i] - m) * (x[i] - m);
        }
        return s / (to - from - 1);
    }
}
