package org.openionm.driver.simulator.internal;

import java.util.SplittableRandom;

/**
 * Electrocautery: while active, affected channels receive broadband noise of up to 2.5 × their
 * rail, modulated by a sputtering envelope (new level every 20–100 ms), so the amplifier clips; when it
 * stops each channel recovers from a rail-sized offset with a 0.3 s time constant.
 */
final class CauteryNoise {

    static final double OVERDRIVE = 2.5;
    static final double RECOVERY_SECONDS = 0.3;

    private final SplittableRandom random;
    private final double rate;
    private int active;
    private boolean[] affected;
    private double level;
    private long remaining;

    CauteryNoise(double samplingRateHz, SplittableRandom random) {
        this.random = random;
        this.rate = samplingRateHz;
    }

    void start(boolean[] channels) {
        if (active++ == 0 || affected == null) {
            affected = channels.clone();
        } else {
            for (int c = 0; c < channels.length; c++) {
                affected[c] |= channels[c];
            }
        }
    }

    /** Returns the channels that were affected when the last overlapping burst ends, else null. */
    boolean[] stop() {
        if (active == 0 || --active > 0) {
            return null;
        }
        boolean[] was = affected;
        affected = null;
        return was;
    }

    boolean active() {
        return active > 0;
    }

    boolean affects(int channel) {
        return affected != null && affected[channel];
    }

    void fillEnvelope(double[] out, int length) {
        for (int i = 0; i < length; i++) {
            if (--remaining <= 0) {
                level = random.nextDouble(0.6, 1); // 1.5-2.5 × rail: clipped throughout
                remaining = Math.max(1, Math.round(random.nextDouble(0.02, 0.1) * rate));
            }
            out[i] = level;
        }
    }

    static double recoveryDecay(double samplingRateHz) {
        return Math.exp(-1 / (RECOVERY_SECONDS * samplingRateHz));
    }
}
