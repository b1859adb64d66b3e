package org.openionm.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.EngineState;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmManager;
import org.openionm.core.driver.AcquisitionConfig;

/**
 * The headless pipeline as installed — simulated amplifier → engine → processor host → alarm
 * manager, all found as OSGi services — against a scripted scenario's ground truth.
 */
class PipelineIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void aScriptedLeadOffBecomesATechnicalAlarmWithinASecondOfItsOnset() throws Exception {
        Path scenario = LeadOffScenario.write(dir, "rail");
        AcquisitionEngine engine = Services.engine();
        AlarmManager alarms = Services.service(AlarmManager.class);
        Services.service(org.openionm.processing.ProcessorHost.class); // the host must be listening
        int logStart = alarms.log().size();

        engine.start(Services.driver(engine, "simulator"), new AcquisitionConfig(5000, 8, false,
                Map.of("scenario", scenario.toString(), "seed", "4")));
        long deadline = System.currentTimeMillis() + 60_000;
        while (engine.status().state() == EngineState.RUNNING && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(EngineState.STOPPED, engine.status().state(), engine.status().message());

        // the host's queue may still be draining after the driver ended: wait for the clearing, bounded
        List<AlarmLogEntry> erb = erbEntries(alarms, logStart);
        while (erb.stream().noneMatch(e -> e.event() == AlarmLogEntry.Event.CLEARED) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            erb = erbEntries(alarms, logStart);
        }
        assertTrue(!erb.isEmpty(), "no technical alarm on Erb-L");
        AlarmLogEntry raised = erb.get(0);
        assertEquals(AlarmLogEntry.Event.RAISED, raised.event());
        assertTrue(raised.timeSeconds() >= LeadOffScenario.OFF_SECONDS && raised.timeSeconds() <= LeadOffScenario.OFF_SECONDS + 1, "raised at " + raised.timeSeconds() + " s");
        assertTrue(erb.stream().anyMatch(e -> e.event() == AlarmLogEntry.Event.CLEARED && Math.abs(e.timeSeconds() - LeadOffScenario.ON_SECONDS) < 1),
                "cleared when the electrode is back: " + erb);
    }

    private static List<AlarmLogEntry> erbEntries(AlarmManager alarms, int from) {
        List<AlarmLogEntry> log = alarms.log();
        return log.subList(from, log.size()).stream()
                .filter(e -> e.key() != null && e.key().technical() && e.key().channel().equals("Erb-L")).toList();
    }
}
