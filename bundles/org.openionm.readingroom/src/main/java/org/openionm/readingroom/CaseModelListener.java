package org.openionm.readingroom;

/**
 * Hears a {@link CaseModel} change. Called on the MQTT client's thread, outside the model's lock: a
 * UI re-dispatches to its own thread and reads the model there.
 *
 * @since 0.2.0
 */
public interface CaseModelListener {

    /** A new message of any stream (after de-duplication: each sequence number once). */
    default void received(CaseModel model, CaseMessage message) {
    }

    default void connectionChanged(CaseModel model, ConnectionState state) {
    }

    default void gap(CaseModel model, SequenceGap gap) {
    }
}
