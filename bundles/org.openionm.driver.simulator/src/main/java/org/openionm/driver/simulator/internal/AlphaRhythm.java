package org.openionm.driver.simulator.internal;

import java.util.SplittableRandom;

/**
 * Bursty 8–12 Hz alpha of one scalp channel: a sine whose envelope follows a random on/off process
 * (bursts 0.5–3 s at 1/3–5/3 of the typical amplitude, pauses 0.3–2 s), smoothed with a 150 ms time
 * constant so bursts wax and wane.
 */
final class AlphaRhythm {

    private final SplittableRandom random;
    private final double rate;
    private final double typicalUv;
    private final double smoothing;
    private final double cosStep;
    private final double sinStep;
    private double c = 1;
    private double s;
    private double envelope;
    private double target;
    private long remaining;
    private boolean on;

    AlphaRhythm(double samplingRateHz, double frequencyHz, double typicalUv, SplittableRandom random) {
        this.random = random;
        this.rate = samplingRateHz;
        this.typicalUv = typicalUv;
        smoothing = 1 - Math.exp(-1 / (0.150 * samplingRateHz));
        double w = 2 * Math.PI * frequencyHz / samplingRateHz;
        cosStep = Math.cos(w);
        sinStep = Math.sin(w);
        double phase = random.nextDouble(2 * Math.PI);
        c = Math.cos(phase);
        s = Math.sin(phase);
        on = random.nextBoolean();
        next();
        envelope = target;
    }

    private void next() {
        on = !on;
        if (on) {
            target = typicalUv * random.nextDouble(1 / 3.0, 5 / 3.0);
            remaining = Math.max(1, Math.round(random.nextDouble(0.5, 3) * rate));
        } else {
            target = 0;
            remaining = Math.max(1, Math.round(random.nextDouble(0.3, 2) * rate));
        }
    }

    /** Adds {@code gain × alpha} to {@code acc[0..length)}; always advances, so gain changes are seamless. */
    void add(double[] acc, int length, double gain) {
        double cc = c;
        double ss = s;
        double env = envelope;
        for (int i = 0; i < length; i++) {
            if (--remaining <= 0) {
                next();
            }
            env += smoothing * (target - env);
            acc[i] += gain * env * ss;
            double ns = ss * cosStep + cc * sinStep;
            cc = cc * cosStep - ss * sinStep;
            ss = ns;
        }
        double norm = 1 / Math.sqrt(cc * cc + ss * ss);
        c = cc * norm;
        s = ss * norm;
        envelope = env;
    }
}
