package org.openionm.alarm.internal;

import org.openionm.alarm.AlarmManager;
import org.osgi.service.component.annotations.Component;

/**
 * Publishes the one alarm manager of the workbench as an OSGi service. Views read it through
 * {@link AlarmManager#snapshot()} and {@link AlarmManager#addListener}; nothing is posted on an
 * event bus (no one subscribed, so it only added a second, unchecked path).
 */
@Component(service = AlarmManager.class, immediate = true)
public class AlarmManagerComponent extends DefaultAlarmManager {
}
