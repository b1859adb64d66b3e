package org.openionm.acquisition;

import java.util.List;

import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;

/**
 * Receives an acquisition in sample order, on a thread of its own (never the driver's, never the
 * UI's). A consumer may be slow; it then misses data and is told so through {@link #onGap}.
 */
public interface SampleConsumer {

    /** A new acquisition starts; sample indices restart at 0. */
    void onStart(String driverId, List<Channel> channels);

    void onBlock(SampleBlock block);

    default void onStimulus(StimulusEvent event) {
    }

    /** Samples this consumer will not receive: skipped by the driver or missed because it fell behind. */
    default void onGap(DataGap gap) {
    }

    default void onHealth(DriverHealth health) {
    }

    /** A ground-truth, technical or clinical annotation at a sample index. */
    default void onAnnotation(Annotation annotation) {
    }

    /** The acquisition ended; {@code reason} says whether by request, end of stream or failure. */
    default void onStop(String reason) {
    }
}
