package org.openionm.driver.simulator.internal;

import java.util.SplittableRandom;

/**
 * Resting muscle background: white noise through a one-pole high-pass (20 Hz) and a one-pole
 * low-pass (2 kHz, or 0.4 × the sampling rate if lower), scaled to a target RMS. One Gaussian per
 * sample, cheaper than the five of {@link PinkNoise}.
 */
final class BandNoise {

    static final double HIGH_PASS_HZ = 20;
    static final double LOW_PASS_HZ = 2000;

    private final SplittableRandom random;
    private final double hpPole;
    private final double lpPole;
    private final double gain;
    private double hpIn;
    private double hpOut;
    private double lpOut;

    BandNoise(double samplingRateHz, double rmsMicrovolts, SplittableRandom random) {
        this.random = random;
        hpPole = Math.exp(-2 * Math.PI * HIGH_PASS_HZ / samplingRateHz);
        lpPole = Math.exp(-2 * Math.PI * Math.min(LOW_PASS_HZ, 0.4 * samplingRateHz) / samplingRateHz);
        // unit-variance input: output variance = energy of the impulse response, summed numerically
        double energy = 0;
        double in = 0;
        double hp = 0;
        double lp = 0;
        for (int n = 0; n < 20 * samplingRateHz / HIGH_PASS_HZ; n++) {
            double x = n == 0 ? 1 : 0;
            hp = hpPole * (hp + x - in);
            in = x;
            lp = lpPole * lp + (1 - lpPole) * hp;
            energy += lp * lp;
        }
        gain = rmsMicrovolts / Math.sqrt(energy);
    }

    /** Writes {@code length} samples to {@code out}. */
    void fill(double[] out, int length) {
        for (int i = 0; i < length; i++) {
            double x = gain * random.nextGaussian();
            hpOut = hpPole * (hpOut + x - hpIn);
            hpIn = x;
            lpOut = lpPole * lpOut + (1 - lpPole) * hpOut;
            out[i] = lpOut;
        }
    }
}
