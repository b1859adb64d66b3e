package org.openionm.examples.tof;

import java.util.List;

/**
 * One train-of-four on one muscle: the compound muscle action potential after each of the four pulses
 * and what follows from them. Pure arithmetic, no state.
 *
 * @param amplitudesUv peak-to-peak amplitude of T1..T4 in µV
 * @param latenciesMs  time from each pulse to the first extremum of its response
 * @param present      whether each reaches the presence criterion
 * @param count        TOF count under the rule it was made with
 * @param ratio        T4/T1, or NaN where the settings do not state one
 */
public record TrainOfFour(List<Double> amplitudesUv, List<Double> latenciesMs, List<Boolean> present, int count, double ratio) {

    /** Judges four responses by the settings' presence criterion, count rule and ratio rule. */
    public static TrainOfFour of(double[] amplitudesUv, double[] latenciesMs, TofSettings s) {
        if (amplitudesUv.length != 4 || latenciesMs.length != 4) {
            throw new IllegalArgumentException("a train-of-four has 4 responses, got " + amplitudesUv.length);
        }
        Boolean[] present = new Boolean[4];
        int any = 0;
        int sequential = -1;
        for (int k = 0; k < 4; k++) {
            present[k] = amplitudesUv[k] >= s.responseMinUv();
            if (present[k]) {
                any++;
            } else if (sequential < 0) {
                sequential = k;
            }
        }
        int count = TofSettings.ANY.equals(s.countRule()) ? any : sequential < 0 ? 4 : sequential;
        // without T1 there is no reference; with the default rule a ratio needs all four (count 4)
        boolean stated = present[0] && (!s.ratioFourOnly() || count == 4);
        double ratio = stated ? amplitudesUv[3] / amplitudesUv[0] : Double.NaN;
        return new TrainOfFour(List.of(amplitudesUv[0], amplitudesUv[1], amplitudesUv[2], amplitudesUv[3]),
                List.of(latenciesMs[0], latenciesMs[1], latenciesMs[2], latenciesMs[3]), List.of(present), count, ratio);
    }
}
