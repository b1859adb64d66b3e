package org.openionm.io.edf;

/**
 * One signal as its header describes it (values exactly as written in the 8-character fields).
 *
 * @param index             position among the data signals (annotation signals are not counted)
 * @param label             e.g. "CP3-Fpz"
 * @param transducer        transducer type, may be empty
 * @param physicalDimension unit, e.g. "uV"
 * @param physicalMin       physical value of {@code digitalMin}
 * @param physicalMax       physical value of {@code digitalMax}
 * @param digitalMin        lowest digital value
 * @param digitalMax        highest digital value
 * @param prefiltering      filters applied before digitisation, e.g. "HP:0.1Hz LP:5000Hz"
 * @param samplesPerRecord  samples of this signal in each data record
 * @param samplingRateHz    samplesPerRecord / record duration
 */
public record EdfSignal(int index, String label, String transducer, String physicalDimension, double physicalMin,
        double physicalMax, int digitalMin, int digitalMax, String prefiltering, int samplesPerRecord,
        double samplingRateHz) {

    /** Physical units per digital step; negative for a signal stored inverted (physicalMin > physicalMax). */
    public double gain() {
        return (physicalMax - physicalMin) / ((double) digitalMax - digitalMin);
    }

    /** The quantisation step, |gain|: a written value is recovered within half of it. */
    public double quantisationStep() {
        return Math.abs(gain());
    }

    public double toPhysical(int digital) {
        return physicalMin + (digital - (double) digitalMin) * gain();
    }
}
