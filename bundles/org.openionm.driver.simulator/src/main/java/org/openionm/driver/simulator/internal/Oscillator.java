package org.openionm.driver.simulator.internal;

/**
 * A sine advanced by rotating a unit vector (no sin call per sample); renormalised per call so the
 * amplitude does not drift over hours.
 */
final class Oscillator {

    private final double cosStep;
    private final double sinStep;
    private double c;
    private double s;

    Oscillator(double frequencyHz, double samplingRateHz, double phase) {
        double w = 2 * Math.PI * frequencyHz / samplingRateHz;
        cosStep = Math.cos(w);
        sinStep = Math.sin(w);
        c = Math.cos(phase);
        s = Math.sin(phase);
    }

    /** Adds {@code amplitude · sin} to {@code acc[0..length)}. */
    void add(double[] acc, int length, double amplitude) {
        double cc = c;
        double ss = s;
        for (int i = 0; i < length; i++) {
            acc[i] += amplitude * ss;
            double ns = ss * cosStep + cc * sinStep;
            cc = cc * cosStep - ss * sinStep;
            ss = ns;
        }
        double norm = 1 / Math.sqrt(cc * cc + ss * ss);
        c = cc * norm;
        s = ss * norm;
    }
}
