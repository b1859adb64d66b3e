package org.openionm.cases.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.AcquisitionEngines;
import org.openionm.alarm.AlarmManager;
import org.openionm.alarm.AlarmManagers;
import org.openionm.cases.AuditActions;
import org.openionm.cases.AuditEntry;
import org.openionm.cases.CaseEvent;
import org.openionm.cases.DataArea;
import org.openionm.cases.MonitoringCase;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Provenance;

/**
 * Issue 16: the case record says where acquisitions continued or started over (items 1), and a
 * baseline of chosen averages is audit-logged with which averages and by whom (item 7).
 */
class AcquisitionBoundaryLogTest {

    @TempDir
    Path data;

    @Test
    void continuedAndFreshStartsAndAChosenBaselineAreLogged() throws Exception {
        AcquisitionEngine engine = AcquisitionEngines.create();
        AlarmManager alarms = AlarmManagers.create();
        DefaultCaseWorkbench workbench = new DefaultCaseWorkbench(DataArea.embedded(data), true, engine, null, alarms,
                Clock.systemUTC());
        String caseId;
        try {
            workbench.startNow();
            workbench.session().loginDemo(Instant.now());
            MonitoringCase c = workbench.openDemoCase();
            caseId = c.id();
            MonitoringHooks hooks = new MonitoringHooks(workbench);
            hooks.acquisitionStarted(); // the first acquisition: nothing to say
            hooks.acquisitionContinued(345, 125.4);
            hooks.acquisitionStarted(); // fresh after an earlier one
            String selection = "manual: 3 of 4 recent averages, completed at 3725.0, 3821.0, 3917.0 s, chosen by dr.jones";
            hooks.baseline(new AverageTrace(4100, "ssep", "tibial.right", "CPz-Fpz", new float[4], 5000, 500, 0,
                    new Provenance("ssep 0.2.0", Map.of("baseline.selection", selection))));
        } finally {
            workbench.dispose(); // waits for the database writes
            AcquisitionEngines.dispose(engine);
        }
        try (var db = org.openionm.cases.CaseDatabases.open(DataArea.embedded(data))) {
            List<String> notes = db.events().events(caseId).stream().map(CaseEvent::text)
                    .filter(t -> t.startsWith("acquisition")).toList();
            assertEquals(List.of("acquisition resumed after 2:05 (case continued: baselines and trends kept)",
                    "acquisition started fresh: baselines and trends start over"), notes);
            List<AuditEntry> captured = db.audit().entries(null).stream()
                    .filter(e -> e.action().equals(AuditActions.BASELINE_CAPTURED)).toList();
            assertEquals(1, captured.size());
            assertTrue(captured.get(0).detail().endsWith(" tibial.right CPz-Fpz, manual: 3 of 4 recent averages, completed at"
                    + " 3725.0, 3821.0, 3917.0 s, chosen by dr.jones"), captured.get(0).detail());
        }
    }

    @Test
    void gapsReadAsTheCaseClockDoes() {
        assertEquals("0:45", MonitoringHooks.minutesSeconds(45.2));
        assertEquals("12:00", MonitoringHooks.minutesSeconds(719.6));
        assertEquals("1:02:05", MonitoringHooks.minutesSeconds(3725));
    }
}
