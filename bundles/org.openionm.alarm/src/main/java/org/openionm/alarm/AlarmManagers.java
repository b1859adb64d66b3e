package org.openionm.alarm;

import org.openionm.alarm.internal.DefaultAlarmManager;

/**
 * The alarm manager outside OSGi, for headless tools and plugin tests.
 *
 * @since 0.2.0
 */
public final class AlarmManagers {

    private AlarmManagers() {
    }

    /**
     * A new alarm manager with the default technical priorities and audio pause limit, the same
     * logic the workbench runs.
     *
     * @since 0.2.0
     */
    public static AlarmManager create() {
        return new DefaultAlarmManager();
    }
}
