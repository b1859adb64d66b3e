package org.openionm.modality.mep.internal;

import org.openionm.core.processing.Provenance;

/**
 * A muscle's reference values, captured on the technologist's explicit action as the median of its
 * last trains ({@code baseline.trains}); see {@link BaselineBuilder}.
 *
 * @param timeSeconds  case time of the capture
 * @param site         stimulation site of the trains it was taken from
 * @param muscle       channel label
 * @param intensity    intensity of those trains (V); lower-intensity trains are not compared with it
 * @param p2pUv        peak-to-peak amplitude (median)
 * @param areaUvMs     rectified area (median)
 * @param phases       phase count (median, rounded)
 * @param onsetMs      onset latency (median)
 * @param thresholdV   motor threshold at capture, NaN when unknown
 * @param trains       trains the medians were taken over
 * @param provenance   effective settings at capture, and how the baseline was made ({@code baseline.*})
 */
public record MepBaseline(double timeSeconds, String site, String muscle, double intensity, double p2pUv,
        double areaUvMs, int phases, double onsetMs, double thresholdV, int trains, Provenance provenance) {

    /** Text for {@code AlarmCondition.baseline}. */
    public String describe() {
        return String.format("baseline t=%.1f s (%s of %d train%s), %s p2p %.0f uV, area %.0f uV·ms, %d phases, threshold %s V",
                timeSeconds, BaselineBuilder.STATISTIC, trains, trains == 1 ? "" : "s", muscle, p2pUv, areaUvMs, phases,
                Double.isNaN(thresholdV) ? "unknown" : MepSettings.num(thresholdV));
    }
}
