package org.openionm.alarm;

import java.util.Objects;
import java.util.Optional;

import org.openionm.core.processing.AlarmCondition.Priority;
import org.openionm.core.processing.Provenance;

/**
 * An alarm as shown to the user: immutable; the manager replaces it on every change.
 *
 * @param key             modality, site, channel, criterion
 * @param priority        current IEC 60601-1-8 priority
 * @param state           never {@link AlarmState#CLOSED} in a snapshot
 * @param raisedSeconds   case time the alarm was first raised
 * @param alertSeconds    case time of the last raise, recurrence or worsening (what the list sorts on)
 * @param updatedSeconds  case time of the last condition received
 * @param values          latest values that met the criterion (or the clearing values)
 * @param baseline        what those values compare against
 * @param provenance      effective settings of the producer
 * @param acknowledgement null while unacknowledged
 */
public record Alarm(AlarmKey key, Priority priority, AlarmState state, double raisedSeconds, double alertSeconds,
        double updatedSeconds, String values, String baseline, Provenance provenance,
        Acknowledgement acknowledgement) {

    public Alarm {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(provenance, "provenance");
    }

    public Optional<Acknowledgement> acknowledged() {
        return Optional.ofNullable(acknowledgement);
    }

    /** True while the condition is present (acknowledged or not). */
    public boolean conditionActive() {
        return state == AlarmState.ACTIVE_UNACKNOWLEDGED || state == AlarmState.ACTIVE_ACKNOWLEDGED;
    }
}
