package org.openionm.dsp;

/**
 * A detected component.
 *
 * @param latencyMs  after the stimulus, refined by a local least-squares fit (see PeakDetector)
 * @param amplitude  signed value at the peak (µV), from the same fit
 * @param prominence height above the higher of the two bases inside the window (µV, positive)
 */
public record Peak(String component, double latencyMs, double amplitude, double prominence) {

    /** Peak-to-peak amplitude between two components, e.g. N20–P25. */
    public static double peakToPeak(Peak a, Peak b) {
        return Math.abs(a.amplitude - b.amplitude);
    }
}
