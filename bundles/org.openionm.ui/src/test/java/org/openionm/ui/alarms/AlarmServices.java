package org.openionm.ui.alarms;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.openionm.alarm.AlarmManager;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The real alarm manager service, emptied (closed in its log) for the test. */
final class AlarmServices {

    private AlarmServices() {
    }

    static AlarmManager fresh() throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(AlarmBannerControl.class).getBundleContext();
        ServiceTracker<AlarmManager, AlarmManager> tracker = new ServiceTracker<>(context, AlarmManager.class, null);
        tracker.open();
        AlarmManager alarms = tracker.waitForService(10_000);
        assertNotNull(alarms, "the alarm manager service must be running");
        alarms.closeAllForFreshStart("test setup", alarms.snapshot().caseTimeSeconds());
        return alarms;
    }
}
