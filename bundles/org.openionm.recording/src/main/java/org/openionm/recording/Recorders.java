package org.openionm.recording;

import org.openionm.recording.internal.EdfRecorder;

/**
 * Makes {@link Recorder}s.
 *
 * @since 0.2.0
 */
public final class Recorders {

    private Recorders() {
    }

    /**
     * A recorder for {@code spec}; add it to the engine with
     * {@link org.openionm.acquisition.AcquisitionEngine#addConsumer} (a queue of a few seconds of blocks,
     * e.g. 256, rides out a slow disk).
     *
     * @since 0.2.0
     */
    public static Recorder create(RecordingSpec spec) {
        return new EdfRecorder(spec);
    }
}
