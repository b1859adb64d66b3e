package org.openionm.core.driver;

import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;

/**
 * What the acquisition engine gives a running driver. Every method returns without waiting for
 * consumers, so a driver may call them from its acquisition loop at full rate.
 */
public interface DriverContext {

    /** Hands on the next block; its first sample index must continue the previous block's. */
    void block(SampleBlock block);

    /** Reports a stimulus delivered at a sample index of this acquisition. */
    void stimulus(StimulusEvent event);

    /** Reports a technical condition (lead off, saturation, disconnect) starting or clearing. */
    void health(DriverHealth health);

    /** True once the engine asked the driver to stop; the driver should then return from {@code run}. */
    boolean isStopRequested();
}
