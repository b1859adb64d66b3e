package org.openionm.ui.status;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.swt.widgets.Composite;
import org.openionm.alarm.AlarmManager;
import org.openionm.alarm.AlarmSnapshot;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Status bar: number of active alarms and the highest priority, read from the alarm manager. Without
 * an alarm manager installed it says so rather than showing a reassuring zero.
 */
public class AlarmCountControl extends PolledStatusLabel {

    @Inject
    @Optional
    @Service
    AlarmManager alarms;

    @PostConstruct
    public void create(Composite parent) {
        createLabel(parent, "AlarmCount", 28);
    }

    @Override
    protected String text() {
        if (alarms == null) {
            return "Alarms: no alarm manager";
        }
        AlarmSnapshot snapshot = alarms.snapshot();
        int count = snapshot.activeCount();
        return count == 0 ? "Active alarms: 0" : "Active alarms: " + count + " (highest "
                + snapshot.highestPriority().map(Enum::name).orElse("?") + ")";
    }
}
