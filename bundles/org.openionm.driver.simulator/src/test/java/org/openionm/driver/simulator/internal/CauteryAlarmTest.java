package org.openionm.driver.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.acquisition.EngineState;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmLogEntry.Event;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.DriverHealth;
import org.openionm.testkit.Replay;
import org.openionm.testkit.ReplayResult;

/**
 * The simulator's cautery bursts through the real engine, host and alarm manager: each burst is ONE
 * "Electrocautery" condition, raised during the burst and cleared after it, however many channels it
 * drives to the rails; a lead off stays a per-channel alarm.
 */
class CauteryAlarmTest {

    @TempDir
    Path dir;

    @Test
    void eachCauteryBurstOfTheScenarioIsOneElectrocauteryConditionOn32Channels() throws Exception {
        Path scenario = Files.writeString(dir.resolve("cautery.yaml"), """
                durationSeconds: 24
                events:
                  - {at: 2, type: cautery, durationSeconds: 3}
                  - {at: 9, type: cautery, durationSeconds: 1}
                  - {at: 14, type: lead-off, channel: Erb-L, durationSeconds: 3}
                  - {at: 18, type: cautery, durationSeconds: 2}
                """);
        ReplayResult r = Replay.of(new SimulatedAmplifier(), new AcquisitionConfig(2000, 32, false,
                Map.of("scenario", scenario.toString(), "seed", "5"))).run();
        assertEquals(EngineState.STOPPED, r.engineStatus().state(), r.engineStatus().message());

        // ground truth: the scenario's own TRUTH annotations say when each burst ran
        List<Annotation> bursts = r.annotations().stream().filter(a -> a.text().startsWith("TRUTH cautery")).toList();
        List<Annotation> ends = r.annotations().stream().filter(a -> a.text().startsWith("TRUTH end cautery")).toList();
        assertEquals(3, bursts.size(), r.annotations().toString());
        assertEquals(3, ends.size(), r.annotations().toString());
        long saturatedChannels = r.health().stream().filter(h -> h.condition() == DriverHealth.Condition.SATURATION)
                .mapToInt(DriverHealth::channel).distinct().count();
        assertTrue(saturatedChannels >= 16, "the bursts reach many channels: " + saturatedChannels);

        List<AlarmLogEntry> raised = r.alarmLog().stream().filter(e -> e.key() != null
                && e.key().criterion().equals("Electrocautery")
                && (e.event() == Event.RAISED || e.event() == Event.RECURRED)).toList();
        List<AlarmLogEntry> cleared = r.alarmLog().stream().filter(e -> e.key() != null
                && e.key().criterion().equals("Electrocautery") && e.event() == Event.CLEARED).toList();
        assertEquals(bursts.size(), raised.size(), "one condition per burst: " + r.alarmLog());
        assertEquals(bursts.size(), cleared.size(), "cleared once per burst");
        for (int i = 0; i < bursts.size(); i++) {
            double start = bursts.get(i).sampleIndex() / 2000.0;
            double end = ends.get(i).sampleIndex() / 2000.0;
            double raisedAt = raised.get(i).timeSeconds();
            double clearedAt = cleared.get(i).timeSeconds();
            assertTrue(raisedAt >= start && raisedAt < end, "burst " + i + " raised during it: " + raisedAt);
            assertTrue(clearedAt >= end && clearedAt < end + 1.5, "burst " + i + " cleared after it: " + clearedAt);
        }
        assertEquals(List.of(), r.alarmLog().stream().filter(e -> e.key() != null
                && e.key().criterion().equals("Amplifier saturation")).toList(), "no per-channel saturation alarms");
        List<AlarmLogEntry> leadOff = r.alarmLog().stream().filter(e -> e.key() != null
                && e.key().criterion().equals("Lead off")).toList();
        assertEquals(List.of(Event.RAISED, Event.CLEARED), leadOff.stream().map(AlarmLogEntry::event).toList());
        assertEquals("Erb-L", leadOff.get(0).key().channel(), "a lead off is still a per-channel alarm");
    }
}
