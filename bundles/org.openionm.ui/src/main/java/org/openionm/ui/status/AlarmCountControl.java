package org.openionm.ui.status;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.widgets.Composite;
import org.openionm.core.events.OpenIonmTopics;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Status bar: number of active alarms, as posted by the alarm manager on
 * {@link OpenIonmTopics#ALARM_ACTIVE_COUNT}. Without an alarm manager installed it says so rather
 * than showing a reassuring zero.
 */
public class AlarmCountControl extends PolledStatusLabel {

    private volatile Integer active;

    @PostConstruct
    public void create(Composite parent) {
        createLabel(parent, "AlarmCount", 24);
    }

    @Inject
    @Optional
    void activeCount(@UIEventTopic(OpenIonmTopics.ALARM_ACTIVE_COUNT) Integer count) {
        active = count;
    }

    @Override
    protected String text() {
        Integer count = active;
        return count == null ? "Alarms: no alarm manager" : "Active alarms: " + count;
    }
}
