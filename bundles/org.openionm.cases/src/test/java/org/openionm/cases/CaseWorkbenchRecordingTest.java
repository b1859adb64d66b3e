package org.openionm.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.AcquisitionEngines;
import org.openionm.alarm.AlarmManagers;
import org.openionm.cases.internal.DefaultCaseWorkbench;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.model.ChannelRole;
import org.openionm.io.edf.EdfAnnotation;
import org.openionm.io.edf.EdfReader;
import org.openionm.testkit.FakeDriver;

/**
 * The workbench's case side end to end on the embedded database: the demo case opens, an acquisition
 * is recorded into its folder, an event entered during it is stored and written into the file, and
 * after a restart the same case, its recording and its event log are there and a new acquisition
 * becomes a second segment, never overwriting the first.
 */
class CaseWorkbenchRecordingTest {

    static final double RATE = 1000;

    @TempDir
    Path data;

    @Test
    void theDemoCaseIsRecordedWithItsEventsAndSurvivesARestart() throws Exception {
        DataArea area = DataArea.embedded(data);
        String caseId;
        CaseEvent incision;
        AcquisitionEngine engine = AcquisitionEngines.create();
        try {
            DefaultCaseWorkbench workbench = new DefaultCaseWorkbench(area, true, engine, null, AlarmManagers.create(),
                    Clock.systemUTC());
            workbench.startNow();
            workbench.session().loginDemo(Instant.now());
            MonitoringCase demo = workbench.openDemoCase();
            caseId = demo.id();
            assertEquals(CaseState.IN_PROGRESS, demo.state());
            assertTrue(demo.demo());

            FakeDriver amp = amplifier(2.0);
            engine.start(amp, new AcquisitionConfig(RATE, 2, false, Map.of()));
            assertTrue(amp.awaitStalled(10, TimeUnit.SECONDS));
            incision = workbench.log(EventType.INCISION, Map.of(), "midline T9–L3");
            assertEquals(2.0, incision.caseTimeSeconds(), 0.02, "stamped with the acquisition's case clock");
            assertEquals(workbench.session().actor().username(), incision.author());
            engine.stop();
            assertTrue(workbench.awaitRecordingClosed(Duration.ofSeconds(10)));
            workbench.dispose();
        } finally {
            AcquisitionEngines.dispose(engine);
        }

        Path first = data.resolve("cases").resolve(caseId).resolve(caseId + "-001.bdf");
        assertTrue(Files.isRegularFile(first), "the first segment is in the case folder: " + first);
        try (EdfReader r = EdfReader.open(first)) {
            assertEquals(2 * (long) RATE, r.sampleCount(0), "every sample of the acquisition");
            float[] ramp = r.readPhysical(0, 0, 2000);
            assertEquals(1234.0, ramp[1234], 0.01, "the samples themselves (channel 0 is the sample index)");
            List<String> texts = r.annotations().stream().map(EdfAnnotation::text).toList();
            assertTrue(texts.contains(incision.annotationText()), "the event is in the recording: " + texts);
        }

        AcquisitionEngine again = AcquisitionEngines.create();
        try {
            DefaultCaseWorkbench restarted = new DefaultCaseWorkbench(area, true, again, null, AlarmManagers.create(),
                    Clock.systemUTC());
            restarted.startNow();
            restarted.session().loginDemo(Instant.now());
            assertEquals(caseId, restarted.openDemoCase().id(), "a restart continues the demo case");
            assertEquals(List.of(incision.annotationText()),
                    restarted.events().stream().filter(e -> e.type() == EventType.INCISION).map(CaseEvent::annotationText).toList());
            long firstSize = Files.size(first);
            again.start(amplifier(1.0), new AcquisitionConfig(RATE, 2, false, Map.of()));
            Thread.sleep(200); // let the stalled driver be reached; the stop below ends the acquisition either way
            again.stop();
            assertTrue(restarted.awaitRecordingClosed(Duration.ofSeconds(10)));
            Path second = first.resolveSibling(caseId + "-002.bdf");
            assertTrue(Files.isRegularFile(second), "a new acquisition is a new segment");
            assertEquals(firstSize, Files.size(first), "the first segment is untouched");
            List<CaseRecording> recordings = restarted.database().orElseThrow().cases().recordings(caseId);
            assertEquals(List.of(first, second), recordings.stream().map(CaseRecording::file).sorted().toList());
            assertFalse(recordings.stream().anyMatch(CaseRecording::recovered));
            AuditVerification verification = restarted.database().orElseThrow().audit().verify(caseId);
            assertTrue(verification.intact(), verification.toString());
            List<String> actions = restarted.database().orElseThrow().audit().entries(caseId).stream().map(AuditEntry::action).toList();
            for (String expected : List.of(AuditActions.CASE_CREATED, AuditActions.EVENT_ENTERED, AuditActions.RECORDING_STARTED,
                    AuditActions.RECORDING_STOPPED)) {
                assertTrue(actions.contains(expected), expected + " in " + actions);
            }
            assertNotEquals(0, verification.entriesChecked());
            restarted.dispose();
        } finally {
            AcquisitionEngines.dispose(again);
        }
    }

    /** Two channels (the sample index and its negative) for {@code seconds}, then a device that waits. */
    static FakeDriver amplifier(double seconds) {
        return new FakeDriver("fake").channel("Idx", ChannelRole.OTHER, -1e6, 1e6).channel("Neg", ChannelRole.OTHER, -1e6, 1e6)
                .seconds(seconds, 100, (channel, i) -> channel == 0 ? i : -i).stall();
    }
}
