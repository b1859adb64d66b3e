package org.openionm.dsp;

/**
 * A detected component.
 *
 * @param latencyMs  after the stimulus, parabola-refined
 * @param amplitude  signed value at the peak (µV), parabola-refined
 * @param prominence height above the higher of the two bases inside the window (µV, positive)
 */
public record Peak(String component, double latencyMs, double amplitude, double prominence) {

    /** Peak-to-peak amplitude between two components, e.g. N20–P25. */
    public static double peakToPeak(Peak a, Peak b) {
        return Math.abs(a.amplitude - b.amplitude);
    }
}
