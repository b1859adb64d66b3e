package org.openionm.alarm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.openionm.alarm.Alarm;
import org.openionm.alarm.AlarmKey;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmLogEntry.Event;
import org.openionm.alarm.AlarmSnapshot;
import org.openionm.alarm.AlarmState;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AlarmCondition.Priority;
import org.openionm.core.processing.Provenance;

class DefaultAlarmManagerTest {

    private static final String CRITERION = "SSEP amplitude decrease >= 50 % (ASNM 2024)";
    private static final Provenance PROV = new Provenance("ssep 0.1.0",
            Map.of("highpass.hz", "30", "preset", "ASNM 2024"));
    private static final String BASELINE = "baseline 08:12:03, N20 2.6 uV";

    private final DefaultAlarmManager manager = new DefaultAlarmManager();

    private static AlarmCondition ssep(double t, String channel, Priority p, boolean active, String values) {
        return new AlarmCondition(t, "ssep", "left median", channel, CRITERION, p, active, values, BASELINE, PROV);
    }

    private static AlarmKey key(String channel) {
        return new AlarmKey("ssep", "left median", channel, CRITERION);
    }

    private Alarm only() {
        List<Alarm> alarms = manager.snapshot().alarms();
        assertEquals(1, alarms.size(), alarms.toString());
        return alarms.get(0);
    }

    private List<Event> events(AlarmKey key) {
        return manager.log(key).stream().map(AlarmLogEntry::event).toList();
    }

    @Test
    void raiseMakesActiveUnacknowledgedAlarmCarryingConditionData() {
        manager.onCondition(ssep(10, "CP3", Priority.MEDIUM, true, "N20 1.1 uV (-58 %)"));

        Alarm a = only();
        assertEquals(key("CP3"), a.key());
        assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, a.state());
        assertEquals(Priority.MEDIUM, a.priority());
        assertEquals("N20 1.1 uV (-58 %)", a.values());
        assertEquals(BASELINE, a.baseline());
        assertEquals(PROV, a.provenance());
        assertEquals(10, a.raisedSeconds());
        assertTrue(a.acknowledged().isEmpty());
        assertEquals(Optional.of(Priority.MEDIUM), manager.snapshot().audioPriority());
    }

    @Test
    void acknowledgeRecordsUserTimeAndNote() {
        manager.onCondition(ssep(10, "CP3", Priority.MEDIUM, true, "v"));

        assertTrue(manager.acknowledge(key("CP3"), "tech1", 12.5, "anesthesia bolus"));
        assertFalse(manager.acknowledge(key("CP3"), "tech1", 13, "twice"), "already acknowledged");
        assertFalse(manager.acknowledge(key("CP4"), "tech1", 13, ""), "unknown key");

        Alarm a = only();
        assertEquals(AlarmState.ACTIVE_ACKNOWLEDGED, a.state());
        assertEquals("tech1", a.acknowledgement().user());
        assertEquals(12.5, a.acknowledgement().timeSeconds());
        assertTrue(manager.snapshot().audioPriority().isEmpty(), "acknowledged alarm does not sound");

        AlarmLogEntry ack = manager.log(key("CP3")).get(1);
        assertEquals(Event.ACKNOWLEDGED, ack.event());
        assertEquals("tech1", ack.user());
        assertEquals("anesthesia bolus", ack.note());
        assertEquals(12.5, ack.timeSeconds());
        assertEquals(AlarmState.ACTIVE_ACKNOWLEDGED, ack.stateAfter());
    }

    @Test
    void clearWhileUnacknowledgedLatchesUntilAcknowledged() {
        manager.onCondition(ssep(10, "CP3", Priority.MEDIUM, true, "N20 1.1 uV"));
        manager.onCondition(ssep(20, "CP3", Priority.MEDIUM, false, "N20 2.4 uV"));

        Alarm latched = only();
        assertEquals(AlarmState.CLEARED_UNACKNOWLEDGED, latched.state());
        assertEquals("N20 2.4 uV", latched.values());
        assertEquals(1, manager.snapshot().activeCount());
        assertEquals(Optional.of(Priority.MEDIUM), manager.snapshot().highestPriority(), "still coloured");
        assertTrue(manager.snapshot().audioPriority().isEmpty(), "latched alarms are visual only");

        assertTrue(manager.acknowledge(key("CP3"), "tech1", 30, "seen"));
        assertEquals(0, manager.snapshot().activeCount());
        assertEquals(List.of(Event.RAISED, Event.CLEARED, Event.ACKNOWLEDGED, Event.CLOSED), events(key("CP3")));
        assertEquals(AlarmState.CLOSED, manager.log(key("CP3")).get(3).stateAfter());
    }

    @Test
    void latchedAlarmRecursWhenConditionReturns() {
        manager.onCondition(ssep(10, "CP3", Priority.MEDIUM, true, "a"));
        manager.onCondition(ssep(20, "CP3", Priority.MEDIUM, false, "b"));
        manager.onCondition(ssep(25, "CP3", Priority.MEDIUM, true, "c"));

        Alarm a = only();
        assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, a.state());
        assertEquals(10, a.raisedSeconds());
        assertEquals(25, a.alertSeconds());
        assertEquals(List.of(Event.RAISED, Event.CLEARED, Event.RECURRED), events(key("CP3")));
    }

    @Test
    void clearAfterAcknowledgementCloses() {
        manager.onCondition(ssep(10, "CP3", Priority.MEDIUM, true, "a"));
        manager.acknowledge(key("CP3"), "tech1", 11, "");
        manager.onCondition(ssep(20, "CP3", Priority.MEDIUM, false, "recovered"));

        assertEquals(0, manager.snapshot().activeCount());
        assertTrue(manager.snapshot().highestPriority().isEmpty());
        assertEquals(List.of(Event.RAISED, Event.ACKNOWLEDGED, Event.CLEARED, Event.CLOSED), events(key("CP3")));

        // The same condition afterwards is a new alarm.
        manager.onCondition(ssep(30, "CP3", Priority.LOW, true, "again"));
        assertEquals(30, only().raisedSeconds());
        assertEquals(Event.RAISED, events(key("CP3")).get(4));
    }

    @Test
    void worseningReAlertsAcknowledgedAlarmButSamePriorityDoesNot() {
        manager.onCondition(ssep(10, "CP3", Priority.LOW, true, "-40 %"));
        manager.acknowledge(key("CP3"), "tech1", 11, "watching");

        manager.onCondition(ssep(12, "CP3", Priority.LOW, true, "-45 %"));
        assertEquals(AlarmState.ACTIVE_ACKNOWLEDGED, only().state(), "same priority: refresh only");
        assertEquals("-45 %", only().values());

        manager.onCondition(ssep(15, "CP3", Priority.HIGH, true, "-80 %"));
        Alarm a = only();
        assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, a.state());
        assertEquals(Priority.HIGH, a.priority());
        assertNull(a.acknowledgement());
        assertEquals(15, a.alertSeconds());

        manager.onCondition(ssep(16, "CP3", Priority.MEDIUM, true, "-60 %"));
        assertEquals(AlarmState.ACTIVE_UNACKNOWLEDGED, only().state(), "improving does not acknowledge");
        assertEquals(Priority.MEDIUM, only().priority());

        assertEquals(List.of(Event.RAISED, Event.ACKNOWLEDGED, Event.WORSENED, Event.IMPROVED), events(key("CP3")));
        assertEquals("from LOW", manager.log(key("CP3")).get(2).note());
    }

    @Test
    void leadOffRaisesTechnicalAlarmAndItsClearingClearsIt() {
        manager.onHealth(new DriverHealth(DriverHealth.Condition.LEAD_OFF, 2, true, 5000, "impedance 42 kOhm"), 1.0, "C3'");

        Alarm a = only();
        AlarmKey key = new AlarmKey(AlarmKey.TECHNICAL, "", "C3'", "Lead off");
        assertEquals(key, a.key());
        assertTrue(a.key().technical());
        assertEquals(Priority.MEDIUM, a.priority());
        assertEquals("impedance 42 kOhm", a.values());
        assertEquals("LEAD_OFF", a.provenance().settings().get("condition"));

        manager.onHealth(new DriverHealth(DriverHealth.Condition.LEAD_OFF, 2, false, 9000, "impedance 3 kOhm"), 1.8, "C3'");
        assertEquals(AlarmState.CLEARED_UNACKNOWLEDGED, only().state());
        assertEquals(List.of(Event.RAISED, Event.CLEARED), events(key));
    }

    @Test
    void technicalPrioritiesFollowSeverity() {
        manager.onHealth(new DriverHealth(DriverHealth.Condition.SATURATION, 0, true, 0, "rail"), 1, "Fz");
        manager.onHealth(new DriverHealth(DriverHealth.Condition.DISCONNECTED, DriverHealth.WHOLE_DEVICE, true, 0,
                "no answer"), 2, "ignored");
        manager.advanceTo(3.5); // a lone channel's saturation is its own alarm once it lasted the hold time (2 s)

        List<Alarm> alarms = manager.snapshot().alarms();
        assertEquals("Amplifier disconnected", alarms.get(0).key().criterion());
        assertEquals(Priority.HIGH, alarms.get(0).priority());
        assertEquals("", alarms.get(0).key().channel(), "whole device has no channel");
        assertEquals(Priority.LOW, alarms.get(1).priority());
        assertThrows(IllegalArgumentException.class,
                () -> new DefaultAlarmManager(Map.of(DriverHealth.Condition.LEAD_OFF, Priority.LOW), Duration.ofMinutes(1)));
    }

    @Test
    void silenceExpiresAfterItsDurationByCaseTime() {
        manager.onCondition(ssep(10, "CP3", Priority.MEDIUM, true, "a"));
        manager.silence(Duration.ofSeconds(60), "tech1", 20);

        AlarmSnapshot paused = manager.snapshot();
        assertTrue(paused.audioPaused());
        assertEquals(80, paused.audioPausedUntil());
        assertTrue(paused.audioPriority().isEmpty());

        manager.advanceTo(79.9);
        assertTrue(manager.snapshot().audioPaused(), "not yet");
        manager.advanceTo(80);
        assertFalse(manager.snapshot().audioPaused());
        assertEquals(Optional.of(Priority.MEDIUM), manager.snapshot().audioPriority());

        List<AlarmLogEntry> log = manager.log();
        AlarmLogEntry resumed = log.get(log.size() - 1);
        assertEquals(Event.AUDIO_RESUMED, resumed.event());
        assertEquals(80, resumed.timeSeconds());
        assertEquals("expired", resumed.note());
        assertEquals("tech1", log.get(log.size() - 2).user());
    }

    @Test
    void aPauseKeepsTheTimeItHadLeftWhenANewAcquisitionRestartsCaseTime() {
        manager.silence(Duration.ofSeconds(120), "tech1", 500); // until 620
        manager.advanceTo(590);
        manager.restartCaseTime(0); // the amplifier was restarted: its sample clock begins at 0

        AlarmSnapshot restarted = manager.snapshot();
        assertEquals(0, restarted.caseTimeSeconds());
        assertEquals(30, restarted.audioPausedUntil(), "30 s were left, 30 s are left");
        manager.advanceTo(29.9);
        assertTrue(manager.snapshot().audioPaused(), "not yet");
        manager.advanceTo(30);
        assertFalse(manager.snapshot().audioPaused(), "ends after 120 s of case time in all, not at the old 620 s");
        AlarmLogEntry resumed = manager.log().get(manager.log().size() - 1);
        assertEquals(Event.AUDIO_RESUMED, resumed.event());
        assertEquals(30, resumed.timeSeconds());
    }

    @Test
    void newHighAlarmEndsSilenceButNewMediumStaysSilent() {
        manager.onCondition(ssep(10, "CP3", Priority.MEDIUM, true, "a"));
        manager.silence(Duration.ofSeconds(120), "tech1", 20);

        manager.onCondition(ssep(30, "CP4", Priority.MEDIUM, true, "b"));
        assertTrue(manager.snapshot().audioPaused(), "new MEDIUM is shown but silent");
        assertEquals(2, manager.snapshot().activeCount());

        manager.onCondition(ssep(40, "Cz", Priority.HIGH, true, "loss of response"));
        AlarmSnapshot s = manager.snapshot();
        assertFalse(s.audioPaused());
        assertEquals(Optional.of(Priority.HIGH), s.audioPriority());
        AlarmLogEntry resumed = manager.log().stream().filter(e -> e.event() == Event.AUDIO_RESUMED).findFirst().orElseThrow();
        assertEquals(40, resumed.timeSeconds());
        assertTrue(resumed.note().startsWith("new HIGH alarm"), resumed.note());
    }

    @Test
    void silenceIsBoundedAndNeedsAUser() {
        assertThrows(IllegalArgumentException.class, () -> manager.silence(Duration.ofMinutes(3), "tech1", 0));
        assertThrows(IllegalArgumentException.class, () -> manager.silence(Duration.ZERO, "tech1", 0));
        assertThrows(IllegalArgumentException.class, () -> manager.silence(Duration.ofSeconds(30), " ", 0));
        assertFalse(manager.snapshot().audioPaused());
    }

    @Test
    void snapshotSortsByPriorityThenMostRecentAlert() {
        manager.onCondition(ssep(1, "low-old", Priority.LOW, true, ""));
        manager.onCondition(ssep(2, "high-old", Priority.HIGH, true, ""));
        manager.onCondition(ssep(3, "med", Priority.MEDIUM, true, ""));
        manager.onCondition(ssep(4, "high-new", Priority.HIGH, true, ""));
        manager.onCondition(ssep(5, "low-new", Priority.LOW, true, ""));

        AlarmSnapshot s = manager.snapshot();
        assertEquals(List.of("high-new", "high-old", "med", "low-new", "low-old"),
                s.alarms().stream().map(a -> a.key().channel()).toList());
        assertEquals(5, s.activeCount());
        assertEquals(Optional.of(Priority.HIGH), s.highestPriority());
        assertEquals(5, s.caseTimeSeconds());
    }

    @Test
    void logRecordsEveryTransitionWithValuesBaselineAndProvenance() {
        Provenance later = new Provenance("ssep 0.1.0", Map.of("highpass.hz", "10"));
        manager.onCondition(ssep(10, "CP3", Priority.MEDIUM, true, "v1"));
        manager.acknowledge(key("CP3"), "tech1", 11, "n");
        manager.onCondition(new AlarmCondition(12, "ssep", "left median", "CP3", CRITERION, Priority.HIGH, true, "v2",
                "baseline 2", later));
        manager.acknowledge(key("CP3"), "dr2", 13, "");
        manager.onCondition(ssep(14, "CP3", Priority.HIGH, false, "v3"));
        manager.silence(Duration.ofSeconds(10), "tech1", 15);
        manager.resumeAudio("tech1", 16);

        List<AlarmLogEntry> log = manager.log();
        assertEquals(List.of(Event.RAISED, Event.ACKNOWLEDGED, Event.WORSENED, Event.ACKNOWLEDGED, Event.CLEARED,
                Event.CLOSED, Event.AUDIO_PAUSED, Event.AUDIO_RESUMED), log.stream().map(AlarmLogEntry::event).toList());
        for (int i = 0; i < log.size(); i++) {
            assertEquals(i + 1, log.get(i).sequence());
        }
        assertEquals(List.of(10.0, 11.0, 12.0, 13.0, 14.0, 14.0, 15.0, 16.0),
                log.stream().map(AlarmLogEntry::timeSeconds).toList());
        assertEquals("v1", log.get(0).values());
        assertEquals(BASELINE, log.get(0).baseline());
        assertEquals(PROV, log.get(0).provenance());
        assertEquals("v2", log.get(2).values());
        assertEquals("baseline 2", log.get(2).baseline());
        assertEquals(later, log.get(2).provenance(), "effective settings at the time of the change");
        assertEquals(Priority.HIGH, log.get(2).priority());
        assertEquals("v3", log.get(4).values());
        assertEquals("dr2", log.get(3).user());
        assertEquals("tech1", log.get(7).user());
        assertNull(log.get(6).key());
        assertThrows(UnsupportedOperationException.class, () -> log.add(log.get(0)));
        assertEquals(8, manager.log().size(), "returned list is a copy");
    }

    @Test
    void listenersHearEachChangeInOrderWithItsEntries() {
        List<AlarmSnapshot> snapshots = new ArrayList<>();
        List<List<AlarmLogEntry>> entries = new ArrayList<>();
        manager.addListener((s, e) -> {
            snapshots.add(s);
            entries.add(e);
        });
        manager.addListener((s, e) -> {
            throw new IllegalStateException("a broken listener must not stop the others");
        });

        manager.onCondition(ssep(10, "CP3", Priority.MEDIUM, true, "a"));
        manager.onCondition(ssep(11, "CP3", Priority.MEDIUM, true, "b")); // refresh: notified, not logged
        manager.onCondition(ssep(12, "CP4", Priority.MEDIUM, false, "x")); // nothing to clear: no change
        manager.acknowledgeAll("tech1", 13, "");

        assertEquals(3, snapshots.size());
        assertEquals(List.of(1L, 2L, 3L), snapshots.stream().map(AlarmSnapshot::revision).toList());
        assertEquals(Event.RAISED, entries.get(0).get(0).event());
        assertTrue(entries.get(1).isEmpty());
        assertEquals("b", snapshots.get(1).alarms().get(0).values());
        assertEquals(Event.ACKNOWLEDGED, entries.get(2).get(0).event());
    }

    @Test
    void listenerMayActOnTheManagerWithoutDeadlockOrReordering() {
        List<Long> revisions = new ArrayList<>();
        manager.addListener((s, e) -> {
            if (s.alarms().stream().anyMatch(a -> a.acknowledgement() == null)) {
                manager.acknowledgeAll("auto", s.caseTimeSeconds(), "");
            }
            revisions.add(s.revision()); // after acting: a nested (recursive) delivery would come first
        });
        manager.onCondition(ssep(10, "CP3", Priority.MEDIUM, true, "a"));

        assertEquals(List.of(1L, 2L), revisions);
        assertEquals(AlarmState.ACTIVE_ACKNOWLEDGED, only().state());
    }

    @Test
    void concurrentRaisesAndAcknowledgementsKeepACountConsistentWithTheLog() throws Exception {
        int threads = 8;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String channel = "ch" + t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    // raise, then clear every other one: per channel ends active after the last raise
                    manager.onCondition(ssep(i, channel + "-" + (i % 50), Priority.MEDIUM, true, "r" + i));
                    if (i % 2 == 1) {
                        manager.onCondition(ssep(i, channel + "-" + (i % 50), Priority.MEDIUM, false, "c" + i));
                    }
                }
                return null;
            }));
        }
        futures.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < 200; i++) {
                manager.acknowledgeAll("ui", i, "");
                manager.snapshot();
            }
            return null;
        }));
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        // Replay the log: alarms raised/recurred minus closed must equal what is listed.
        long opened = manager.log().stream().filter(e -> e.event() == Event.RAISED).count();
        long closed = manager.log().stream().filter(e -> e.event() == Event.CLOSED).count();
        AlarmSnapshot s = manager.snapshot();
        assertEquals(opened - closed, s.activeCount());
        // Even i gives an even key (i % 50): those are only ever raised; odd keys end cleared.
        assertTrue(s.alarms().stream().filter(a -> !a.conditionActive())
                .allMatch(a -> a.state() == AlarmState.CLEARED_UNACKNOWLEDGED), "cleared alarms are latched or gone");
        long conditionActive = s.alarms().stream().filter(Alarm::conditionActive).count();
        assertEquals(threads * 25, conditionActive, "every even key is still active");
        long seq = 0;
        for (AlarmLogEntry e : manager.log()) {
            assertEquals(++seq, e.sequence());
        }
    }
}
