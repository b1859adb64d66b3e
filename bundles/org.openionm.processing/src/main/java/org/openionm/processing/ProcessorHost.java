package org.openionm.processing;

import java.util.List;
import java.util.Map;

/**
 * Runs every installed {@link org.openionm.core.processing.ModalityProcessor} on the acquisition's
 * data and fans their results out. Processors are found in the service registry (whiteboard): a
 * modality feature that is installed appears here, one that is removed disappears.
 */
public interface ProcessorHost {

    /** Ids of the processors that will run on the next acquisition, sorted. */
    List<String> processorIds();

    /**
     * Overrides settings of one processor from the next acquisition on (keys and ranges are the
     * processor's {@link org.openionm.core.processing.SettingDescriptor}s).
     *
     * @throws IllegalArgumentException for an unknown processor or key, or a value outside its range
     */
    void configure(String processorId, Map<String, Double> overrides);

    /**
     * Captures every running processor's baseline when the data reach {@code caseTimeSeconds} (at
     * once if they already have): in live use "now", in a replay a chosen time.
     */
    void captureBaselineAt(double caseTimeSeconds);

    /**
     * Hands a marker the user moved to its processor ({@link
     * org.openionm.core.processing.ModalityProcessor#moveMarker}); the re-measured result reaches the
     * listeners like any other.
     *
     * @throws IllegalArgumentException      unknown processor, or no such result or component
     * @throws UnsupportedOperationException the processor's markers are not placed by hand
     */
    org.openionm.core.processing.Measurement moveMarker(String processorId, String site, String channel, String component,
            double latencyMs);

    void addListener(ResultListener listener);

    void removeListener(ResultListener listener);
}
