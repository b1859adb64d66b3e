package org.openionm.dsp;

/**
 * Adaptive line canceller (Widrow 1975): an LMS fit of sin/cos references at the mains frequency
 * and its harmonics, subtracted sample by sample. It follows amplitude and phase drift of the hum
 * and, unlike a notch, leaves neighbouring frequencies untouched once converged. One instance per
 * channel; stateful.
 */
public final class LineCanceller {

    private final double mainsHz;
    private final int harmonics;
    private final double mu;
    private final double fs;
    private final double[] w;
    private final double[] ref;
    private long n;

    /**
     * @param mu LMS step (per reference, normalised to unit-amplitude references); the notch width
     *           it produces is about mu × fs / π Hz, e.g. 0.001 at 20 kHz → ≈6 Hz, converging with a time
     *           constant of ≈ 1 / (mu × fs) s
     */
    public LineCanceller(double mainsHz, int harmonics, double mu, double fs) {
        if (!(mu > 0 && mu < 0.5) || harmonics < 1 || !(mainsHz * harmonics < fs / 2)) {
            throw new IllegalArgumentException("line canceller needs 0 < mu < 0.5 and harmonics below Nyquist");
        }
        this.mainsHz = mainsHz;
        this.harmonics = harmonics;
        this.mu = mu;
        this.fs = fs;
        this.w = new double[2 * harmonics];
        this.ref = new double[2 * harmonics];
    }

    /** Cancels hum in {@code in} into {@code out} (may be the same array), continuing the time base. */
    public void process(float[] in, float[] out) {
        for (int i = 0; i < in.length; i++, n++) {
            double phase = 2 * Math.PI * mainsHz * (n / fs);
            double estimate = 0;
            for (int h = 0; h < harmonics; h++) {
                ref[2 * h] = Math.sin((h + 1) * phase);
                ref[2 * h + 1] = Math.cos((h + 1) * phase);
                estimate += w[2 * h] * ref[2 * h] + w[2 * h + 1] * ref[2 * h + 1];
            }
            double e = in[i] - estimate;
            for (int k = 0; k < w.length; k++) {
                w[k] += 2 * mu * e * ref[k];
            }
            out[i] = (float) e;
        }
    }

    public float[] process(float[] in) {
        float[] out = new float[in.length];
        process(in, out);
        return out;
    }

    public String describe() {
        return "adaptive line canceller " + Butterworth.hz(mainsHz) + " Hz × " + harmonics + " harmonic(s), LMS mu "
                + mu;
    }
}
