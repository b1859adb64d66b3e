package org.openionm.alarm.internal;

import java.util.Map;

import org.openionm.alarm.AlarmManager;
import org.openionm.core.events.OpenIonmTopics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Publishes the one alarm manager of the workbench as an OSGi service and posts its active count
 * on {@link OpenIonmTopics#ALARM_ACTIVE_COUNT} when EventAdmin is present (headless runs need none).
 */
@Component(service = AlarmManager.class, immediate = true)
public class AlarmManagerComponent extends DefaultAlarmManager {

    /** IEventBroker.DATA: where E4's {@code @UIEventTopic} looks for the payload; no E4 import here. */
    static final String E4_DATA = "org.eclipse.e4.data";

    private volatile EventAdmin eventAdmin;

    @Activate
    void activate() {
        addListener(new ActiveCountPublisher(this::post));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindEventAdmin(EventAdmin admin) {
        eventAdmin = admin;
        post(snapshot().activeCount()); // counts posted before it arrived were lost
    }

    void unbindEventAdmin(EventAdmin admin) {
        if (eventAdmin == admin) {
            eventAdmin = null;
        }
    }

    private void post(int count) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(new Event(OpenIonmTopics.ALARM_ACTIVE_COUNT, Map.of(E4_DATA, count)));
        }
    }
}
