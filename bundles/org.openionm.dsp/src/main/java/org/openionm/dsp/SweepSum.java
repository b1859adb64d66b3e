package org.openionm.dsp;

/** Double-precision running sum of sweeps; shared by the averagers. */
final class SweepSum {

    private double[] sum = new double[0];
    private int count;

    void add(float[] sweep, double weight) {
        if (count == 0 && sum.length != sweep.length) {
            sum = new double[sweep.length];
        } else if (sweep.length != sum.length) {
            throw new IllegalArgumentException("sweep length " + sweep.length + " differs from " + sum.length);
        }
        for (int i = 0; i < sweep.length; i++) {
            sum[i] += weight * sweep[i];
        }
        count++;
    }

    void remove(float[] sweep) {
        for (int i = 0; i < sweep.length; i++) {
            sum[i] -= sweep[i];
        }
        count--;
    }

    float[] scaled(double divisor) {
        float[] out = new float[count == 0 ? 0 : sum.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (sum[i] / divisor);
        }
        return out;
    }

    int count() { return count; }

    void reset() {
        sum = new double[0];
        count = 0;
    }
}
