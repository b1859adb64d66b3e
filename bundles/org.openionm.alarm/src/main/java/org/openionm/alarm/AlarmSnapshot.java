package org.openionm.alarm;

import java.util.List;
import java.util.Optional;

import org.openionm.core.processing.AlarmCondition.Priority;

/**
 * Consistent view of the alarm system at one revision.
 *
 * @param revision          increases by one with every change; listeners may compare it
 * @param caseTimeSeconds   latest case time the manager has seen
 * @param alarms            listed alarms (active or latched), highest priority first, then the
 *                          most recent alert first, then by key
 * @param audioPausedUntil  case time the audio pause ends, or NaN when audio is not paused
 */
public record AlarmSnapshot(long revision, double caseTimeSeconds, List<Alarm> alarms, double audioPausedUntil) {

    public AlarmSnapshot {
        alarms = List.copyOf(alarms);
    }

    /** Active or latched alarms: what the status bar's alarm count shows. */
    public int activeCount() {
        return alarms.size();
    }

    /** Highest priority of any listed alarm, for the banner colour; empty when none is listed. */
    public Optional<Priority> highestPriority() {
        return alarms.stream().map(Alarm::priority).min(Enum::compareTo);
    }

    public boolean audioPaused() {
        return !Double.isNaN(audioPausedUntil);
    }

    /**
     * Priority of the audio signal to sound: the highest active unacknowledged alarm, unless audio
     * is paused. Latched alarms stay visible but do not sound (their condition is gone).
     */
    public Optional<Priority> audioPriority() {
        if (audioPaused()) {
            return Optional.empty();
        }
        return alarms.stream().filter(a -> a.state() == AlarmState.ACTIVE_UNACKNOWLEDGED)
                .map(Alarm::priority).min(Enum::compareTo);
    }
}
