package org.openionm.cases.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.AcquisitionEngines;
import org.openionm.alarm.Alarm;
import org.openionm.alarm.AlarmKey;
import org.openionm.alarm.AlarmManager;
import org.openionm.alarm.AlarmManagers;
import org.openionm.cases.AuditActions;
import org.openionm.cases.AuditEntry;
import org.openionm.cases.DataArea;
import org.openionm.cases.MonitoringCase;
import org.openionm.core.processing.AlarmCondition.Priority;
import org.openionm.recording.RecorderState;
import org.openionm.recording.RecorderStatus;

/**
 * What the case side does when the recorder reports that writing failed (the recorder's own tests
 * fill a real small filesystem): a HIGH technical alarm naming the failure, the audit entry, and the
 * status the status bar shows.
 */
class RecordingFailureTest {

    @TempDir
    Path data;

    @Test
    void aFailedRecordingRaisesAHighTechnicalAlarmAndIsAuditLogged() throws Exception {
        AcquisitionEngine engine = AcquisitionEngines.create();
        AlarmManager alarms = AlarmManagers.create();
        DefaultCaseWorkbench workbench = new DefaultCaseWorkbench(DataArea.embedded(data), true, engine, null, alarms,
                Clock.systemUTC());
        try {
            workbench.startNow();
            workbench.session().loginDemo(Instant.now());
            MonitoringCase c = workbench.openDemoCase();
            Path file = data.resolve("cases").resolve(c.id()).resolve(c.id() + "-001.bdf");
            String failure = "disk full: No space left on device; " + file.getFileName() + " holds 16.0 s up to its last complete record";
            workbench.caseRecorder().failed(new RecorderStatus(RecorderState.FAILED, file, List.of(file), 1_960_000, 80_000,
                    16.0, 50, 0, 122_256, 0, 0, failure, List.of()));

            List<Alarm> active = alarms.snapshot().alarms();
            assertEquals(1, active.size(), active.toString());
            Alarm alarm = active.get(0);
            assertEquals(new AlarmKey(AlarmKey.TECHNICAL, CaseRecorder.ALARM_SITE, "", "Recording stopped"), alarm.key());
            assertEquals(Priority.HIGH, alarm.priority());
            assertEquals(failure, alarm.values());
            assertEquals(failure, workbench.recording().problem(), "the status bar says why");
            assertTrue(!workbench.recording().active());
        } finally {
            workbench.dispose(); // waits for the database writes
            AcquisitionEngines.dispose(engine);
        }
        try (var db = org.openionm.cases.CaseDatabases.open(DataArea.embedded(data))) {
            List<AuditEntry> failed = db.audit().entries(null).stream()
                    .filter(e -> e.action().equals(AuditActions.RECORDING_FAILED)).toList();
            assertEquals(1, failed.size());
            assertTrue(failed.get(0).detail().startsWith("disk full"), failed.get(0).detail());
        }
    }
}
