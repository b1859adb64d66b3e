package org.openionm.ui.widgets.evoked;

/** Where a marker the user dragged goes: to the modality processor, which re-measures there. */
@FunctionalInterface
public interface MarkerMover {

    /**
     * @throws RuntimeException with a message for the user when the processor refuses (no current
     *                          average, latency outside it, markers not movable)
     */
    void move(String site, String channel, String component, double latencyMs);
}
