package org.openionm.driver.simulator.internal;

import java.util.SplittableRandom;

/**
 * EEG-like background: a sum of one-pole low-passed white noises whose corner frequencies are
 * spaced by factors of 4 and whose plateau power falls as 1/corner. The sum of such Lorentzian
 * spectra follows 1/f between the lowest and highest corner (0.25–64 Hz) and falls as 1/f² above,
 * as scalp EEG does (simulation recipe: 1/f^β, β 1–2). Corners are physical frequencies, so the
 * spectrum is the same at every sampling rate.
 */
final class PinkNoise {

    /** Corner frequencies in Hz: 1/f holds from about the first to the last. */
    static final double[] CORNERS_HZ = { 0.25, 1, 4, 16, 64 };

    /**
     * Components from this corner up are the "fast" activity an {@code alpha-change} with
     * {@code fastPercent} scales: together they hold 75 % of the 12.5–30 Hz power (computed from the
     * Lorentzians), so fastPercent −75 takes about 70 % of the beta power away.
     */
    static final double FAST_CORNER_HZ = 16;

    private final SplittableRandom random;
    private final double[] poles;
    private final double[] inputGains;
    private final double[] state;
    private final double outputScale;

    /**
     * @param samplingRateHz output rate
     * @param rmsMicrovolts  target RMS of the output in µV
     * @param random         source of randomness (seeded for reproducibility)
     */
    PinkNoise(double samplingRateHz, double rmsMicrovolts, SplittableRandom random) {
        this.random = random;
        int n = 0;
        for (double corner : CORNERS_HZ) {
            if (corner < samplingRateHz / 2) {
                n++;
            }
        }
        poles = new double[n];
        inputGains = new double[n];
        state = new double[n];
        double variance = 0;
        for (int i = 0; i < n; i++) {
            double a = Math.exp(-2 * Math.PI * CORNERS_HZ[i] / samplingRateHz);
            poles[i] = a;
            // plateau PSD ∝ 1/corner: white input variance ∝ 1/corner, DC gain of (1-a)/(1-a z^-1) is 1
            double inputStd = 1 / Math.sqrt(CORNERS_HZ[i]);
            inputGains[i] = (1 - a) * inputStd;
            // variance of y = a y + (1-a) x with var(x) = s^2 is s^2 (1-a)^2 / (1-a^2)
            variance += inputStd * inputStd * (1 - a) * (1 - a) / (1 - a * a);
        }
        outputScale = rmsMicrovolts / Math.sqrt(variance);
        // Start in the stationary state so the first seconds are not a slow drift from zero.
        for (int i = 0; i < n; i++) {
            double stationaryStd = Math.sqrt(inputGains[i] * inputGains[i] / (1 - poles[i] * poles[i]));
            state[i] = stationaryStd * random.nextGaussian();
        }
    }

    double next() {
        double sum = 0;
        for (int i = 0; i < poles.length; i++) {
            state[i] = poles[i] * state[i] + inputGains[i] * random.nextGaussian();
            sum += state[i];
        }
        return sum * outputScale;
    }

    /**
     * The next sample with the fast components (corners from {@link #FAST_CORNER_HZ}: most of the
     * beta and gamma power) scaled by {@code fastGain}: an ischaemic hemisphere loses fast activity.
     * The same random numbers are drawn as by {@link #next()}, so a gain of 1 gives the same signal.
     */
    double next(double fastGain) {
        double sum = 0;
        for (int i = 0; i < poles.length; i++) {
            state[i] = poles[i] * state[i] + inputGains[i] * random.nextGaussian();
            sum += CORNERS_HZ[i] >= FAST_CORNER_HZ ? fastGain * state[i] : state[i];
        }
        return sum * outputScale;
    }
}
