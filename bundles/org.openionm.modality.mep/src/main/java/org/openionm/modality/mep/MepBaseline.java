package org.openionm.modality.mep;

import org.openionm.core.processing.Provenance;

/**
 * A muscle's reference values, captured on the technologist's explicit action.
 *
 * @param timeSeconds  case time of the capture
 * @param site         stimulation site of the train it was taken from
 * @param muscle       channel label
 * @param intensity    intensity of that train (V); lower-intensity trains are not compared with it
 * @param p2pUv        peak-to-peak amplitude
 * @param areaUvMs     rectified area
 * @param phases       phase count
 * @param onsetMs      onset latency
 * @param thresholdV   motor threshold at capture, NaN when unknown
 * @param provenance   effective settings at capture
 */
public record MepBaseline(double timeSeconds, String site, String muscle, double intensity, double p2pUv,
        double areaUvMs, int phases, double onsetMs, double thresholdV, Provenance provenance) {

    /** Text for {@code AlarmCondition.baseline}. */
    public String describe() {
        return String.format("baseline t=%.1f s, %s p2p %.0f uV, area %.0f uV·ms, %d phases, threshold %s V",
                timeSeconds, muscle, p2pUv, areaUvMs, phases,
                Double.isNaN(thresholdV) ? "unknown" : MepSettings.num(thresholdV));
    }
}
