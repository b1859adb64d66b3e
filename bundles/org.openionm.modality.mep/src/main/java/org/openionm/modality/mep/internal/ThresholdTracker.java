package org.openionm.modality.mep.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * Motor threshold of one muscle from trains of varying intensity.
 * <p>
 * Definition: the threshold is the lowest intensity whose most recent train evoked a response. A
 * train that fails at intensity I voids earlier responses at intensities ≤ I (excitability has
 * dropped, so they no longer prove anything); the threshold then rises to the next intensity still
 * known to respond, or is unknown (NaN) until a train responds. Thus it can fall and rise.
 */
final class ThresholdTracker {

    /** intensity → did the latest train at an intensity ≥ it (for failures) / at it (for responses) respond. */
    private final TreeMap<Double, Boolean> outcomes = new TreeMap<>();

    void record(double intensity, boolean responded) {
        if (responded) {
            outcomes.put(intensity, true);
        } else {
            Map<Double, Boolean> voided = outcomes.headMap(intensity, true);
            voided.replaceAll((k, v) -> false);
            outcomes.put(intensity, false);
        }
    }

    /** Current threshold in the intensity unit of the trains, NaN when no train is known to respond. */
    double threshold() {
        for (Map.Entry<Double, Boolean> e : outcomes.entrySet()) {
            if (e.getValue()) {
                return e.getKey();
            }
        }
        return Double.NaN;
    }
}
