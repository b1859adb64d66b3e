package org.openionm.alarm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openionm.alarm.Alarm;
import org.openionm.alarm.AlarmKey;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmLogEntry.Event;
import org.openionm.alarm.AlarmState;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.DriverHealth.Condition;
import org.openionm.core.processing.AlarmCondition.Priority;

/** Saturation of many channels at once is one "Electrocautery" condition; a lone channel is a channel fault. */
class CauteryGroupingTest {

    private static final AlarmKey CAUTERY = new AlarmKey(AlarmKey.TECHNICAL, "", "", "Electrocautery");
    private final DefaultAlarmManager manager = new DefaultAlarmManager();

    private void saturate(int channel, boolean active, double t) {
        manager.onHealth(new DriverHealth(Condition.SATURATION, channel, active, Math.round(t * 1000), "rail"), t,
                "ch" + channel);
    }

    private void burst(double start, double end, int channels) {
        for (int c = 0; c < channels; c++) {
            saturate(c, true, start + c * 0.001);
        }
        for (int c = 0; c < channels; c++) {
            saturate(c, false, end + c * 0.05); // channels recover one after the other
        }
    }

    private List<Event> events(AlarmKey key) {
        return manager.log(key).stream().map(AlarmLogEntry::event).toList();
    }

    @Test
    void thirtyTwoChannelsSaturatedAtOnceAreOneElectrocauteryConditionPerBurst() {
        burst(10, 13, 32);
        burst(40, 42, 32);

        assertEquals(List.of(Event.RAISED, Event.CLEARED, Event.RECURRED, Event.CLEARED), events(CAUTERY),
                "two bursts: raised and cleared twice, on one latched alarm");
        assertEquals(4, manager.log().size(), "no per-channel rows: " + manager.log());
        List<Alarm> alarms = manager.snapshot().alarms();
        assertEquals(1, alarms.size(), alarms.toString());
        Alarm a = alarms.get(0);
        assertEquals(Priority.LOW, a.priority());
        assertEquals(AlarmState.CLEARED_UNACKNOWLEDGED, a.state());
        assertEquals(40.002, manager.log(CAUTERY).get(2).timeSeconds(), 1e-9, "raised when the 3rd channel saturated");
        assertEquals(42 + 31 * 0.05, manager.log(CAUTERY).get(3).timeSeconds(), 1e-9, "cleared when the last recovered");
        assertTrue(manager.log(CAUTERY).get(0).values().startsWith("3 channels saturated at once: ch0, ch1, ch2"),
                manager.log(CAUTERY).get(0).values());
        assertEquals("all channels recovered (up to 32 were saturated)", manager.log(CAUTERY).get(1).values());

        int rows = manager.log().size();
        for (int c = 0; c < 9; c++) {
            saturate(c, true, 60 + c * 0.001);
        }
        assertEquals(rows + 1, manager.log().size(), "one row: the recurrence");
        assertEquals("9 channels saturated at once: ch0, ch1, ch2, ch3, ch4, ch5 \u2026 (+3)",
                manager.snapshot().alarms().get(0).values(), "the count follows the burst without new log rows");
    }

    @Test
    void aChannelSaturatedAloneBecomesItsOwnAlarmAfterTheHoldTimeAndClearsWithIt() {
        saturate(5, true, 100);
        manager.advanceTo(101.9);
        assertEquals(List.of(), manager.snapshot().alarms(), "not yet: it could be the start of a cautery burst");
        manager.advanceTo(102);
        AlarmKey channel = new AlarmKey(AlarmKey.TECHNICAL, "", "ch5", "Amplifier saturation");
        assertEquals(List.of(Event.RAISED), events(channel));
        assertEquals("saturated for 2.0 s on this channel alone", manager.log(channel).get(0).values());
        saturate(5, false, 110);
        assertEquals(List.of(Event.RAISED, Event.CLEARED), events(channel));
        assertEquals(List.of(), events(CAUTERY));
    }

    @Test
    void twoChannelsAreNotYetCauteryAndSaturationDuringABurstRaisesNoChannelAlarm() {
        saturate(0, true, 1);
        saturate(1, true, 1);
        saturate(0, false, 1.5);
        saturate(1, false, 1.5);
        manager.advanceTo(10);
        assertEquals(List.of(), manager.log(), "a short saturation of two channels is neither cautery nor a fault");

        burst(20, 25, 8); // 5 s of cautery: longer than the hold time, still no channel alarms
        manager.advanceTo(30);
        assertEquals(List.of(Event.RAISED, Event.CLEARED), events(CAUTERY));
        assertEquals(2, manager.log().size(), manager.log().toString());
    }

    @Test
    void leadOffStaysAPerChannelAlarmDuringCautery() {
        saturate(0, true, 1);
        saturate(1, true, 1);
        saturate(2, true, 1);
        manager.onHealth(new DriverHealth(Condition.LEAD_OFF, 3, true, 1200, "flat"), 1.2, "Erb-L");
        assertEquals(2, manager.snapshot().alarms().size());
        assertEquals(List.of(Event.RAISED), events(new AlarmKey(AlarmKey.TECHNICAL, "", "Erb-L", "Lead off")));
    }
}
