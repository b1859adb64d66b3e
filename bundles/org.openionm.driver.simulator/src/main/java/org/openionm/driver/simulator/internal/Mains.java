package org.openionm.driver.simulator.internal;

/**
 * Mains interference, unit fundamental amplitude plus harmonics, phase-locked to absolute time: the
 * phase at the start of each segment is computed from the absolute sample index (so it never depends
 * on block boundaries or drifts), then advanced within the segment by rotation.
 */
final class Mains {

    private final double rate;
    private final double frequencyHz;
    private final double[] harmonics;

    /** @param harmonics relative amplitudes of the 2nd, 3rd, … harmonics */
    Mains(double samplingRateHz, double frequencyHz, double[] harmonics) {
        this.rate = samplingRateHz;
        this.frequencyHz = frequencyHz;
        this.harmonics = harmonics.clone();
    }

    /** Writes mains at samples {@code [start, start + length)} to {@code out}. */
    void fill(double[] out, long start, int length) {
        java.util.Arrays.fill(out, 0, length, 0);
        for (int h = 0; h <= harmonics.length; h++) {
            double amplitude = h == 0 ? 1 : harmonics[h - 1];
            if (amplitude == 0) {
                continue;
            }
            double f = frequencyHz * (h + 1);
            if (f >= rate / 2) {
                break; // above Nyquist the amplifier's anti-alias filter removes it
            }
            // cycles since sample 0 (start·f is exact in a double), reduced to [0, 1) before × 2π
            double cycles = start * f / rate;
            double phase = 2 * Math.PI * (cycles - Math.floor(cycles));
            double w = 2 * Math.PI * f / rate;
            double cw = Math.cos(w);
            double sw = Math.sin(w);
            double c = Math.cos(phase);
            double s = Math.sin(phase);
            for (int i = 0; i < length; i++) {
                out[i] += amplitude * s;
                double ns = s * cw + c * sw;
                c = c * cw - s * sw;
                s = ns;
            }
        }
    }
}
