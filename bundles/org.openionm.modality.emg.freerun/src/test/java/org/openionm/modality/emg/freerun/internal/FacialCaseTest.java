package org.openionm.modality.emg.freerun.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.DetectedEvent;
import org.openionm.core.processing.Measurement;
import org.openionm.testkit.ReplayResult;

/**
 * A facial-nerve case through the real engine and host: every kind of free-run activity the simulator
 * scripts, against its ground truth. SSEPs run at 4.7 Hz all along, so every finding is also made
 * through stimulus blanking.
 */
class FacialCaseTest {

    static final double RATE = 10_000;
    static final String YAML = """
            name: facial-test
            durationSeconds: 90
            mainsHz: 50
            stimulation:
              - {site: median.left, kind: averaged, rateHz: 4.7, intensity: 25}
            events:
              - {at: 5, type: emg-spikes, channel: Facial-1, durationSeconds: 10, rateHz: 1, minIntervalMs: 500, amplitudeUv: 100}
              - {at: 20, type: emg-burst, channel: Facial-2, durationSeconds: 0.04, count: 5, amplitudeUv: 200}
              - {at: 22, type: emg-burst, channel: Facial-1, durationSeconds: 0.06, count: 6, amplitudeUv: 150}
              - {at: 25, type: neurotonic, channel: Facial-1, durationSeconds: 3, rateHz: 30, amplitudeUv: 150}
              - {at: 35, type: a-train, channel: Facial-2, durationSeconds: 4, frequencyHz: 120, amplitudeUv: 150}
              - {at: 45, type: cautery, durationSeconds: 2.5}
              - {at: 55, type: a-train, channel: Facial-2, durationSeconds: 7, frequencyHz: 160, amplitudeUv: 180}
              - {at: 57, type: a-train, channel: Facial-1, durationSeconds: 1.5, frequencyHz: 90, amplitudeUv: 110}
              - {at: 75, type: a-train-cluster, channels: [Facial-1, Facial-2, Vastus-L, Vastus-R], durationSeconds: 1, frequencyHz: 100, amplitudeUv: 150}
            """;

    static ReplayResult result;
    static List<Truth> truth;
    static List<DetectedEvent> events;

    @BeforeAll
    static void replay(@TempDir Path dir) throws Exception {
        result = SimRun.run(dir, YAML, RATE, 3, new FreeRunProcessor(), Map.of());
        assertEquals(Map.of(), result.processorFailures());
        truth = Truth.read(result.annotations(), RATE);
        events = result.results().events();
    }

    static List<DetectedEvent> events(String kind, String channel) {
        return events.stream().filter(e -> e.kind().equals(kind) && e.channel().equals(channel)).toList();
    }

    static double lastTrainTime(String channel) {
        List<Measurement> m = result.measurements().stream()
                .filter(x -> x.component().equals("trainTime") && x.channel().equals(channel)).toList();
        assertFalse(m.isEmpty(), "no trainTime for " + channel);
        return m.get(m.size() - 1).value();
    }

    @Test
    void everyATrainIsMarkedInProgressFromItsOnsetBeforeItEndsAndClosedAtItsEnd() {
        for (Truth t : truth.stream().filter(x -> x.kind().equals("A-train")).toList()) {
            String channel = t.channels().get(0);
            List<org.openionm.core.processing.TrendPoint> marks = result.results().trend(channel + FreeRunProcessor.SERIES_ATRAIN);
            org.openionm.core.processing.TrendPoint on = marks.stream()
                    .filter(p -> p.value() == 1 && Math.abs(p.timeSeconds() - t.start()) < 0.05).findFirst().orElseThrow(
                            () -> new AssertionError(t + ": no in-progress mark at its onset in " + marks));
            org.openionm.core.processing.TrendPoint off = marks.get(marks.indexOf(on) + 1);
            assertEquals(0, off.value(), t + ": the mark after the onset closes it");
            assertTrue(Math.abs(off.timeSeconds() - t.end()) <= 0.1 * t.duration(), t + ": closed at " + off.timeSeconds());
            // the mark went out with the MEDIUM alarm, which is raised while the train lasts
            AlarmCondition raised = result.alarmConditions().stream().filter(c -> c.active() && c.channel().equals(channel)
                    && c.criterion().equals(FreeRunProcessor.CRITERION_ATRAIN) && c.timeSeconds() >= t.start()).findFirst().orElseThrow();
            assertTrue(raised.timeSeconds() < t.end(), t + ": recognised at " + raised.timeSeconds() + ", before its end");
        }
    }

    @Test
    void everyATrainIsFoundWithinFiftyMillisecondsAndTenPercentOfItsDuration() {
        List<Truth> trains = truth.stream().filter(t -> t.kind().equals("A-train")).toList();
        assertEquals(3, trains.size());
        for (Truth t : trains) {
            List<DetectedEvent> found = events("A-train", t.channels().get(0)).stream()
                    .filter(e -> t.overlaps(e.timeSeconds(), e.endSeconds())).toList();
            assertEquals(1, found.size(), t + " found as " + found);
            DetectedEvent e = found.get(0);
            assertTrue(Math.abs(e.timeSeconds() - t.start()) < 0.05, t + ": onset " + e.timeSeconds());
            assertTrue(Math.abs(e.durationSeconds() - t.duration()) <= 0.1 * t.duration(), t + ": duration " + e.durationSeconds());
        }
    }

    @Test
    void trainTimeIsWithinTenPercentOfTheTruthAndClustersAreLeftOut() {
        assertEquals(11, lastTrainTime("Facial-2"), 1.1);
        assertEquals(1.5, lastTrainTime("Facial-1"), 0.15);
        assertEquals(0, lastTrainTime("Vastus-L"), 1e-9, "the cluster's trains are left out of train time");
        assertEquals(0, lastTrainTime("Vastus-R"), 1e-9);
    }

    @Test
    void theClusterIsFlaggedOnEveryChannelItTouched() {
        Truth cluster = truth.stream().filter(t -> t.kind().equals("A-train cluster")).findFirst().orElseThrow();
        for (String channel : cluster.channels()) {
            List<DetectedEvent> found = events("A-train cluster", channel);
            assertEquals(1, found.size(), channel + ": " + found);
            assertTrue(Math.abs(found.get(0).timeSeconds() - cluster.start()) < 0.05, channel + ": " + found);
        }
        assertTrue(result.alarmConditions().stream().anyMatch(a -> a.active() && a.criterion().equals(FreeRunProcessor.CRITERION_CLUSTER)
                && Math.abs(a.timeSeconds() - cluster.start()) < 0.05));
    }

    @Test
    void noATrainOutsideTheTruth() {
        List<Truth> trains = truth.stream().filter(t -> t.kind().startsWith("A-train")).toList();
        for (DetectedEvent e : events) {
            if (e.kind().startsWith("A-train")) {
                assertTrue(trains.stream().anyMatch(t -> t.channels().contains(e.channel()) && t.overlaps(e.timeSeconds(), e.endSeconds())),
                        "false A-train " + e);
            }
        }
    }

    @Test
    void spikesBurstsAndTheNeurotonicDischargeAreClassifiedAsScripted() {
        Truth spikes = truth.stream().filter(t -> t.kind().equals("spike")).findFirst().orElseThrow();
        List<DetectedEvent> inSpikes = events.stream().filter(e -> e.channel().equals("Facial-1")
                && spikes.overlaps(e.timeSeconds(), e.endSeconds() + 0.02)).toList();
        assertTrue(inSpikes.size() >= 5, inSpikes.toString());
        assertTrue(inSpikes.stream().allMatch(e -> e.kind().equals("spike")), inSpikes.toString());

        for (Truth b : truth.stream().filter(t -> t.kind().equals("burst")).toList()) {
            List<DetectedEvent> found = events.stream().filter(e -> e.channel().equals(b.channels().get(0))
                    && e.timeSeconds() < b.end() + 0.02 && e.endSeconds() > b.start() - 0.02).toList();
            assertEquals(1, found.size(), b + ": " + found);
            assertEquals("burst", found.get(0).kind(), b + ": " + found);
        }

        Truth n = truth.stream().filter(t -> t.kind().equals("neurotonic")).findFirst().orElseThrow();
        List<DetectedEvent> found = events.stream().filter(e -> e.channel().equals("Facial-1")
                && n.overlaps(e.timeSeconds(), e.endSeconds())).toList();
        assertEquals(1, found.size(), found.toString());
        assertEquals("neurotonic", found.get(0).kind());
        assertTrue(Math.abs(found.get(0).timeSeconds() - n.start()) < 0.1, found.toString());
        assertTrue(found.get(0).durationSeconds() > 0.8 * n.duration(), found.toString());
    }

    @Test
    void cauteryIsShownAndNothingIsDetectedOrCountedWhileItLasts() {
        Truth c = truth.stream().filter(t -> t.kind().equals("cautery")).findFirst().orElseThrow();
        for (String ch : List.of("Facial-1", "Facial-2", "Vastus-L", "Vastus-R")) {
            List<DetectedEvent> cautery = events(FreeRunProcessor.KIND_CAUTERY, ch);
            assertEquals(1, cautery.size(), ch + ": " + cautery);
            assertTrue(cautery.get(0).timeSeconds() <= c.start() + 0.01 && cautery.get(0).endSeconds() >= c.end(), cautery.toString());
            double until = cautery.get(0).endSeconds();
            assertTrue(events.stream().noneMatch(e -> e.channel().equals(ch) && !e.kind().equals(FreeRunProcessor.KIND_CAUTERY)
                    && e.timeSeconds() < until && e.endSeconds() > c.start()), "something detected during cautery on " + ch);
        }
        // train time did not move during cautery
        double before = result.measurements().stream().filter(m -> m.component().equals("trainTime") && m.channel().equals("Facial-2")
                && m.timeSeconds() < c.start()).mapToDouble(Measurement::value).max().orElseThrow();
        double after = result.measurements().stream().filter(m -> m.component().equals("trainTime") && m.channel().equals("Facial-2")
                && m.timeSeconds() > c.end() && m.timeSeconds() < 55).mapToDouble(Measurement::value).max().orElseThrow();
        assertEquals(before, after, 1e-9);
    }

    @Test
    void alarmsNameChannelValuesAndProvenance() {
        List<AlarmCondition> raised = result.alarmConditions().stream().filter(AlarmCondition::active).toList();
        assertTrue(raised.stream().anyMatch(a -> a.channel().equals("Facial-2") && a.criterion().equals(FreeRunProcessor.CRITERION_ATRAIN)
                && a.priority() == AlarmCondition.Priority.MEDIUM && Math.abs(a.timeSeconds() - 35) < 0.1), raised.toString());
        assertTrue(raised.stream().anyMatch(a -> a.channel().equals("Facial-1") && a.criterion().equals(FreeRunProcessor.CRITERION_NEUROTONIC)
                && a.priority() == AlarmCondition.Priority.MEDIUM && a.timeSeconds() > 25 && a.timeSeconds() < 26.5), raised.toString());
        List<AlarmCondition> high = raised.stream().filter(a -> a.priority() == AlarmCondition.Priority.HIGH).toList();
        assertEquals(1, high.size(), high.toString());
        AlarmCondition h = high.get(0);
        assertEquals("Facial-2", h.channel());
        // 4 s before, so the 7 s train passes 10 s six seconds in
        assertEquals(61, h.timeSeconds(), 0.5);
        assertTrue(h.values().contains("train time 10.") && h.criterion().contains("Prell 2007"), h.toString());
        assertTrue(h.provenance().settings().containsKey("filter"), h.provenance().toString());
        // and the alarm manager raised them
        assertFalse(result.alarmLog(org.openionm.alarm.AlarmLogEntry.Event.RAISED).isEmpty());
    }
}
