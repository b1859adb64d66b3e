package org.openionm.alarm;

import java.util.List;

/**
 * Hears every change of the alarm system. Called outside the manager's lock, one call at a time and
 * in change order, on whichever caller thread made a change (a processor thread or the UI): keep it
 * short and hand off to the UI thread yourself.
 */
@FunctionalInterface
public interface AlarmListener {

    /**
     * @param snapshot the state after the change
     * @param entries  log entries the change added (empty when only values were refreshed)
     */
    void alarmsChanged(AlarmSnapshot snapshot, List<AlarmLogEntry> entries);
}
