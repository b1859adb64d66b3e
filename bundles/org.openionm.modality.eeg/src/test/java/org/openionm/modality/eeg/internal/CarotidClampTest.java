package org.openionm.modality.eeg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AlarmCondition.Priority;
import org.openionm.testkit.RecordingProcessorOutput;

/**
 * Carotid clamping against the simulator's truth: the clamped (left) hemisphere loses alpha and fast
 * activity and gains delta; the beta preset alarms there within the persistence time plus one epoch,
 * never on the right.
 */
class CarotidClampTest {

    private static final List<String> LEFT = List.of("C3-Cz", "F3-Cz", "P3-Cz", "O1-Cz");
    private static final List<String> RIGHT = List.of("C4-Cz", "F4-Cz", "P4-Cz", "O2-Cz");

    @TempDir
    Path dir;

    @Test
    void clampAlarmsOnTheClampedSideWithinPersistencePlusOneEpoch() throws Exception {
        // the clamp as a step at 300 s, so "the clamp" has one time
        Path file = Files.writeString(dir.resolve("clamp-step.yaml"), """
                durationSeconds: 400
                events:
                  - {at: 300, type: note, text: clamp on (left ICA)}
                  - {at: 300, type: alpha-change, hemisphere: left, amplitudePercent: -80, deltaMicrovolts: 40, fastPercent: -75}
                """);
        RecordingProcessorOutput out = new RecordingProcessorOutput();
        SimulatorFeed.run(file.toString(), 400, 240, Map.of(), out);
        EegSettings s = EegSettings.defaults();
        double limit = 300 + s.persistenceSeconds() + s.epochSeconds();
        for (String left : LEFT) {
            AlarmCondition a = firstActive(out, left);
            assertTrue(a != null, "alarm on " + left);
            assertTrue(a.timeSeconds() > 300 && a.timeSeconds() <= limit, left + " alarmed at " + a.timeSeconds());
            assertEquals(Priority.HIGH, a.priority());
            assertTrue(a.criterion().contains("beta 12.5-30 Hz power decrease >= 50 %"), a.criterion());
            assertTrue(a.values().startsWith(left + ": beta 12.5-30 Hz") && a.baseline().contains("median of 15 epochs"),
                    a.values() + " / " + a.baseline());
            assertTrue(a.provenance().settings().containsKey(EegSettings.PERSISTENCE_S));
        }
        for (String right : RIGHT) {
            assertEquals(null, firstActive(out, right), "no alarm on " + right);
        }
        // what the clamp did, as measured: left relative alpha down, delta up; asymmetry up
        assertTrue(mean(out, "C3-Cz", "alphaRel", 320, 400) < 0.5 * mean(out, "C3-Cz", "alphaRel", 200, 300));
        assertTrue(mean(out, "C3-Cz", "deltaRel", 320, 400) > mean(out, "C3-Cz", "deltaRel", 200, 300) + 10);
        double alphaBefore = mean(out, "C3-Cz/C4-Cz", "alphaAsymmetry", 200, 300);
        double alphaAfter = mean(out, "C3-Cz/C4-Cz", "alphaAsymmetry", 320, 400);
        assertTrue(alphaAfter > alphaBefore + 0.05, "alpha asymmetry " + alphaBefore + " -> " + alphaAfter);
        double before = mean(out, "C3-Cz/C4-Cz", "asymmetry", 200, 300);
        double after = mean(out, "C3-Cz/C4-Cz", "asymmetry", 320, 400);
        assertTrue(after > before, "broadband asymmetry " + before + " -> " + after);
    }

    @Test
    void bundledScenarioAlarmsLeftAfterTheRampAndClearsAfterTheShunt() throws Exception {
        RecordingProcessorOutput out = new RecordingProcessorOutput();
        SimulatorFeed.run("carotid-clamp-ischemia", 600, 240, Map.of(), out);
        EegSettings s = EegSettings.defaults();
        for (String left : LEFT) {
            AlarmCondition a = firstActive(out, left);
            assertTrue(a != null && a.timeSeconds() > 300 && a.timeSeconds() <= 300 + 20 + s.persistenceSeconds() + s.epochSeconds(),
                    left + ": " + a);
            List<AlarmCondition> all = out.alarms().stream().filter(c -> c.channel().equals(left)).toList();
            assertTrue(!all.get(all.size() - 1).active() && all.get(all.size() - 1).timeSeconds() > 420,
                    left + " clears after the shunt at 420 s: " + all);
        }
        for (String right : RIGHT) {
            assertEquals(null, firstActive(out, right), "no alarm on " + right);
        }
    }

    @Test
    void stableHourRaisesNoAlarm() throws Exception {
        CountingOutput out = new CountingOutput();
        SimulatorFeed.run("stable-baseline", 3600, 60, Map.of(), out);
        assertTrue(out.epochs > 8 * 1700, "an hour of epochs on 8 derivations: " + out.epochs);
        assertEquals(List.of(), out.alarms, "no alarm in an hour of stable EEG");
    }

    @Test
    void tcmepTrainsEvery30sNeitherLiftTheBaselineNorRaiseAnAlarm() throws Exception {
        // 10 min of stable EEG with a TcMEP train every 30 s (from 15 s on), baseline at 120 s
        RecordingProcessorOutput out = new RecordingProcessorOutput();
        SimulatorFeed.run("stable-baseline", 600, 120, 30, Map.of(), out);
        assertEquals(List.of(), out.alarms(), "no ischaemia alarm from train artifacts");
        // every epoch holding a train (15 + 30 k s: the epoch ending near 16 + 30 k s, at the last analysed sample) is
        // rejected on every derivation, and no other epoch is
        for (int k = 0; k < 20; k++) {
            double epochEnd = 16 + 30 * k;
            long rejected = out.trends().stream()
                    .filter(p -> p.series().endsWith("/rejected") && Math.abs(p.timeSeconds() - epochEnd) < 0.01).count();
            assertEquals(8, rejected, "derivations rejected in the epoch of train " + k + " (ending " + epochEnd + " s)");
        }
        assertEquals(20 * 8, out.trends().stream().filter(p -> p.series().endsWith("/rejected")).count(), "only train epochs rejected");
    }

    static AlarmCondition firstActive(RecordingProcessorOutput out, String channel) {
        return out.alarms().stream().filter(a -> a.channel().equals(channel) && a.active()).findFirst().orElse(null);
    }

    static double mean(RecordingProcessorOutput out, String channel, String component, double from, double to) {
        return out.measurements(channel, component).stream().filter(m -> m.timeSeconds() > from && m.timeSeconds() <= to)
                .mapToDouble(m -> m.value()).average().orElseThrow();
    }

    /** Keeps alarms, counts epochs: an hour of measurements need not stay in memory. */
    static final class CountingOutput implements org.openionm.core.processing.ProcessorOutput {
        final java.util.List<AlarmCondition> alarms = new java.util.ArrayList<>();
        int epochs;

        @Override
        public void measurement(org.openionm.core.processing.Measurement m) {
            if (m.component().equals("SEF95")) {
                epochs++;
            }
        }

        @Override
        public void average(org.openionm.core.processing.AverageTrace average) {
        }

        @Override
        public void trend(org.openionm.core.processing.TrendPoint point) {
        }

        @Override
        public void alarm(AlarmCondition condition) {
            alarms.add(condition);
        }
    }
}
