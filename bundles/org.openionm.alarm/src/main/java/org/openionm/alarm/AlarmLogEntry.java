package org.openionm.alarm;

import java.util.Objects;

import org.openionm.core.processing.AlarmCondition.Priority;
import org.openionm.core.processing.Provenance;

/**
 * One immutable line of the alarm log (audit trail: who, what, when, why).
 *
 * @param sequence    1, 2, 3… in the order the manager applied the changes
 * @param timeSeconds case time of the change
 * @param event       what happened
 * @param key         the alarm; null for audio-pause events
 * @param priority    the alarm's priority after the change; null for audio-pause events
 * @param stateAfter  the alarm's state after the change; null for audio-pause events
 * @param user        who acted; empty for changes made by a processor, driver or timer
 * @param note        acknowledgement note or reason; may be empty
 * @param values      values at the change (for audio-pause events: the pause)
 * @param baseline    baseline the values compare against; empty for audio-pause events
 * @param provenance  effective settings; null for audio-pause events
 */
public record AlarmLogEntry(long sequence, double timeSeconds, Event event, AlarmKey key, Priority priority,
        AlarmState stateAfter, String user, String note, String values, String baseline, Provenance provenance) {

    /** Log events. */
    public enum Event {
        /** A new alarm (condition became active, no alarm listed for its key). */
        RAISED,
        /** A latched (cleared, unacknowledged) alarm's condition came back. */
        RECURRED,
        /** Priority rose while active: the alarm becomes unacknowledged again. */
        WORSENED,
        /** Priority fell while active: state unchanged. */
        IMPROVED,
        ACKNOWLEDGED,
        /** The condition went away (the alarm latches or closes). */
        CLEARED,
        /** Cleared and acknowledged: removed from the active list. */
        CLOSED,
        /** Audio paused by a user. */
        AUDIO_PAUSED,
        /** Audio pause ended: expired, cancelled by a user or by a new HIGH alarm (see note). */
        AUDIO_RESUMED
    }

    public AlarmLogEntry {
        Objects.requireNonNull(event, "event");
        user = user == null ? "" : user;
        note = note == null ? "" : note;
        values = values == null ? "" : values;
        baseline = baseline == null ? "" : baseline;
    }
}
