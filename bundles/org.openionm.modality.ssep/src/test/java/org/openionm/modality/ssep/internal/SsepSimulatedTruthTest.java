package org.openionm.modality.ssep.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AverageTrace;
import org.openionm.testkit.ReplayResult;

/**
 * Issue 17 against simulator truth (scripted cortical changes of −30, −50, −60, −80 and −90 % on
 * four sites, default settings): no alarm clears or recurs while a change lasts, a change to −80 %
 * or below raises exactly one alarm, −30 % none; and the stable hour raises nothing, advisory
 * included. The measured changes are printed: with this simulator's single-sweep SNR one 500-sweep
 * average scatters by about 10–15 points (docs/evoked-alarms.md), so the 5-point bias target is
 * checked over seeds in {@link SsepAmplitudeBiasTest}.
 */
class SsepSimulatedTruthTest {

    @TempDir
    Path dir;

    @Test
    void scriptedChangesRaiseOneAlarmEachAndNeverFlap() throws Exception {
        check("a", Map.of("median.left", -30, "median.right", -50, "tibial.left", -60, "tibial.right", -80), 11);
        check("b", Map.of("median.left", -90, "median.right", -60, "tibial.left", -90, "tibial.right", -50), 12);
    }

    @Test
    void theStableHourRaisesNothing() throws Exception {
        ReplayResult r = SimulatedChanges.run(dir, "stable", SimulatedChanges.scenario(3600, Map.of()), 7,
                Map.of(SsepSettings.SEQUENTIAL, true)); // the advisory is off by default: checked here switched on
        assertEquals(Map.of(), r.processorFailures());
        List<AlarmCondition> clinical = r.alarmConditions().stream().filter(a -> a.modality().equals("ssep")).toList();
        assertEquals(List.of(), clinical, "no SSEP alarm or advisory on a stable hour");
        assertTrue(r.averages().size() > 2000, "averages: " + r.averages().size());
    }

    private void check(String name, Map<String, Integer> changes, long seed) throws Exception {
        double end = SimulatedChanges.STEADY_FROM + 90;
        ReplayResult r = SimulatedChanges.run(dir, name, SimulatedChanges.scenario(end, changes), seed, Map.of());
        assertEquals(Map.of(), r.processorFailures());
        for (Map.Entry<String, Integer> e : changes.entrySet()) {
            String site = e.getKey();
            String channel = SimulatedChanges.WATCHED.get(site)[0];
            List<Double> steady = r.averages().stream().filter(a -> a.site().equals(site) && a.channel().equals(channel)
                    && a.timeSeconds() >= SimulatedChanges.STEADY_FROM).map(AverageTrace::provenance)
                    .map(p -> p.settings().get("amplitude.projection.change.percent")).filter(v -> v != null)
                    .map(Double::parseDouble).toList();
            assertTrue(steady.size() >= 10, site + ": " + steady.size() + " averages in the steady state");
            System.out.printf("%s %s: true %d %%, projection %.1f %% (mean of %d averages)%n", name, site, e.getValue(),
                    steady.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN), steady.size());
            List<AlarmLogEntry> log = r.alarmLog().stream().filter(x -> x.key() != null && site.equals(x.key().site())
                    && x.priority() == AlarmCondition.Priority.HIGH).toList();
            long raised = log.stream().filter(x -> x.event() == AlarmLogEntry.Event.RAISED).count();
            if (e.getValue() <= -80) {
                assertEquals(1, raised, site + " raised once: " + log);
            } else if (e.getValue() <= -50) {
                assertTrue(raised <= 1, site + " raised at most once: " + log);
            } else {
                assertEquals(0, raised, site + " never raised: " + log);
            }
            assertEquals(0, log.stream().filter(x -> x.event() == AlarmLogEntry.Event.CLEARED).count(),
                    site + " never cleared while the change lasts: " + log);
            assertEquals(0, log.stream().filter(x -> x.event() == AlarmLogEntry.Event.RECURRED).count(),
                    site + " never recurred: " + log);
        }
    }
}
