package org.openionm.cases;

import java.time.Clock;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.alarm.AlarmManager;
import org.openionm.cases.internal.DefaultCaseWorkbench;
import org.openionm.processing.ProcessorHost;

/**
 * A {@link CaseWorkbench} outside the DS service: for commands and tests (a UI test against the real
 * case database), as {@code AcquisitionEngines} is for the engine.
 *
 * @since 0.2.0
 */
public final class CaseWorkbenches {

    private CaseWorkbenches() {
    }

    /**
     * Opens the data area's database on the calling thread and returns the case side of a workbench
     * over it; {@code engine}, {@code host} and {@code alarms} may be null (no recording, no
     * monitoring hooks).
     *
     * @throws IllegalStateException when the database cannot be opened (the message says why)
     */
    public static CaseWorkbench open(DataArea area, boolean demoLoginAllowed, AcquisitionEngine engine, ProcessorHost host,
            AlarmManager alarms) {
        DefaultCaseWorkbench workbench = new DefaultCaseWorkbench(area, demoLoginAllowed, engine, host, alarms, Clock.systemUTC());
        workbench.startNow();
        return workbench;
    }

    /**
     * As {@link #open} with no engine, host or alarm manager: cases, users, events and audit without
     * acquisition — what a UI test or a tool needs, without the acquisition bundles on its class path.
     */
    public static CaseWorkbench withoutAcquisition(DataArea area, boolean demoLoginAllowed) {
        return open(area, demoLoginAllowed, null, null, null);
    }

    /** Closes what {@link #open} opened: the recording, the hooks, the database. */
    public static void close(CaseWorkbench workbench) {
        ((DefaultCaseWorkbench) workbench).dispose();
    }
}
