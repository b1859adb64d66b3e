package org.openionm.alarm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.alarm.AlarmKey;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmLogEntry.Event;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AlarmCondition.Priority;
import org.openionm.core.processing.Provenance;

/** A fresh acquisition closes the previous run's alarms; acknowledgements and pauses then use the new clock. */
class FreshStartTest {

    private final DefaultAlarmManager manager = new DefaultAlarmManager();

    private static AlarmCondition high(double t, String channel) {
        return new AlarmCondition(t, "ssep", "tibial.left", channel, "rule [source]", Priority.HIGH, true,
                "P37 1.0 uV (-63 %)", "baseline", new Provenance("ssep", Map.of()));
    }

    @Test
    void freshStartClosesEveryListedAlarmAndEndsThePauseInTheLog() {
        manager.onCondition(high(400, "CPz"));
        manager.onCondition(high(410, "CP3"));
        manager.acknowledge(new AlarmKey("ssep", "tibial.left", "CP3", "rule [source]"), "dr.a", 420, "");
        manager.silence(Duration.ofMinutes(2), "dr.a", 467);

        assertEquals(2, manager.closeAllForFreshStart("dr.a", 470));

        assertEquals(List.of(), manager.snapshot().alarms());
        assertFalse(manager.snapshot().audioPaused());
        List<AlarmLogEntry> closed = manager.log().stream().filter(e -> e.event() == Event.CLOSED).toList();
        assertEquals(2, closed.size());
        closed.forEach(e -> {
            assertEquals("dr.a", e.user());
            assertEquals(DefaultAlarmManager.FRESH_START_NOTE, e.note());
            assertEquals(470, e.timeSeconds());
        });

        // the new acquisition's clock starts at 0: an acknowledgement at 300 s is logged at 300 s
        manager.restartCaseTime(0);
        manager.onCondition(high(290, "CPz"));
        manager.silence(Duration.ofMinutes(2), "dr.a", 295);
        assertEquals(415, manager.snapshot().audioPausedUntil(), "paused until 295 + 120 s on the new clock");
        manager.acknowledge(new AlarmKey("ssep", "tibial.left", "CPz", "rule [source]"), "dr.a", 300, "");
        assertEquals(300, manager.log().get(manager.log().size() - 1).timeSeconds());
    }

    @Test
    void freshStartForgetsAGroupedCauteryInProgress() {
        for (int c = 0; c < 4; c++) {
            manager.onHealth(new DriverHealth(DriverHealth.Condition.SATURATION, c, true, 0, "rail"), 5, "ch" + c);
        }
        manager.closeAllForFreshStart("dr.a", 6);
        manager.restartCaseTime(0);
        // the new run's first burst is raised as new, not taken as the old one going on
        for (int c = 0; c < 4; c++) {
            manager.onHealth(new DriverHealth(DriverHealth.Condition.SATURATION, c, true, 0, "rail"), 1, "ch" + c);
        }
        AlarmKey cautery = new AlarmKey(AlarmKey.TECHNICAL, "", "", "Electrocautery");
        assertEquals(List.of(Event.RAISED, Event.CLOSED, Event.RAISED),
                manager.log(cautery).stream().map(AlarmLogEntry::event).toList());
        assertThrows(IllegalArgumentException.class, () -> manager.closeAllForFreshStart(" ", 7));
    }
}
