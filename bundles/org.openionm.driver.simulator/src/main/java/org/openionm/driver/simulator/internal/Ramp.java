package org.openionm.driver.simulator.internal;

/**
 * A value that moves linearly to a new target over a number of samples when a scripted event says
 * so, starting from wherever it was (so a recovery can start in the middle of a decline).
 */
final class Ramp {

    private double from;
    private double to;
    private long start;
    private long end;

    Ramp(double initial) {
        from = initial;
        to = initial;
    }

    double at(long sample) {
        if (sample >= end) {
            return to;
        }
        if (sample <= start) {
            return from;
        }
        return from + (to - from) * (sample - start) / (double) (end - start);
    }

    void moveTo(double target, long startSample, long durationSamples) {
        from = at(startSample);
        to = target;
        start = startSample;
        end = startSample + Math.max(0, durationSamples);
    }
}
