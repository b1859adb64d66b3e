package org.openionm.core.driver;

import java.util.List;

import org.openionm.core.model.Annotation;
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

    /** Records an annotation (a scripted ground-truth event, an amplifier event…) at a sample index. */
    void annotation(Annotation annotation);

    /**
     * Stimuli the stimulus scheduler wants delivered before sample {@code endSampleIndex}, in sample
     * order, each with its planned sample index. A driver with stimulators calls this once per block,
     * fires them, and reports each one it actually delivered through {@link #stimulus}. Each planned
     * stimulus is handed out once.
     */
    List<StimulusEvent> dueStimuli(long endSampleIndex);

    /** Reports a technical condition (lead off, saturation, disconnect) starting or clearing. */
    void health(DriverHealth health);

    /** True once the engine asked the driver to stop; the driver should then return from {@code run}. */
    boolean isStopRequested();
}
