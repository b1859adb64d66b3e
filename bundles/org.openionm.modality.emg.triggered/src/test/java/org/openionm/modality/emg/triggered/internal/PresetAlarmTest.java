package org.openionm.modality.emg.triggered.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AlarmCondition.Priority;

/** The presets' bands and the alarms they raise, at and around every band edge. */
class PresetAlarmTest {

    /** The alarm a ramp with a response from {@code thresholdMa} on raises under {@code preset} (null: none). */
    private static AlarmCondition alarmFor(String preset, double thresholdMa, double step) {
        Bench b = new Bench(Map.of(TemgSettings.ALARM_PRESET, preset));
        b.ramp("screw.L5.left", step, step, 40, "EHL-L", thresholdMa);
        List<AlarmCondition> alarms = b.out.alarms();
        assertTrue(alarms.size() <= 1, alarms.toString());
        return alarms.isEmpty() ? null : alarms.get(0);
    }

    @Test
    void lumbarRaynorBandsRaiseHighBelow4MediumFrom4To8AndNothingAbove() {
        AlarmCondition likely = alarmFor("lumbar", 3.2, 0.4);
        assertEquals(Priority.HIGH, likely.priority());
        assertTrue(likely.active());
        assertEquals("screw.L5.left", likely.site());
        assertEquals("EHL-L", likely.channel());
        assertTrue(likely.criterion().startsWith("t-EMG threshold < 4 mA: breach likely (lumbar, Raynor 2007"), likely.criterion());
        assertTrue(likely.values().contains("threshold 3.2 mA"), likely.values());
        assertEquals(Priority.MEDIUM, alarmFor("lumbar", 4, 0.5).priority(), "4 mA is 'possible'");
        assertEquals(Priority.MEDIUM, alarmFor("lumbar", 6, 0.5).priority());
        assertEquals(Priority.MEDIUM, alarmFor("lumbar", 8, 0.5).priority(), "8 mA is still 'possible'");
        assertNull(alarmFor("lumbar", 8.5, 0.5), "above 8 mA: no breach, no alarm");
        assertNull(alarmFor("lumbar", 14, 0.5));
        assertEquals(Priority.HIGH, alarmFor("lumbar", 3.5, 0.5).priority());
    }

    @Test
    void thoracicCompressedRootAndNervePresets() {
        assertEquals(Priority.MEDIUM, alarmFor("thoracic", 5.5, 0.5).priority());
        assertEquals(Priority.MEDIUM, alarmFor("thoracic", 6, 0.5).priority());
        assertNull(alarmFor("thoracic", 6.5, 0.5), "thoracic: > 6 mA in bone");
        assertEquals(Priority.HIGH, alarmFor("lumbar.compressed", 3, 0.5).priority());
        assertEquals(Priority.MEDIUM, alarmFor("lumbar.compressed", 9.5, 0.5).priority(), "a compressed root: up to 10 mA");
        assertNull(alarmFor("lumbar.compressed", 10.5, 0.5));
        assertNull(alarmFor("facial", 0.1, 0.05), "facial: <= 0.1 mA favourable");
        assertEquals(Priority.MEDIUM, alarmFor("facial", 0.15, 0.05).priority());
        assertNull(alarmFor("rln", 1.0, 0.1));
        assertEquals(Priority.LOW, alarmFor("rln", 1.5, 0.1).priority());
        assertEquals(Priority.MEDIUM, alarmFor("rln", 2.5, 0.1).priority());
    }

    @Test
    void aRampAboveTheBandsClearsTheSitesAlarmAndAnotherBandReplacesIt() {
        Bench b = new Bench();
        b.ramp("screw.L5.left", 0.5, 0.5, 20, "EHL-L", 3); // breach likely
        b.ramp("screw.L5.left", 0.5, 0.5, 20, "EHL-L", 6); // redirected: possible
        b.ramp("screw.L5.left", 0.5, 0.5, 20, "EHL-L", 12); // redirected again: in bone
        List<AlarmCondition> a = b.out.alarms();
        assertEquals(List.of("HIGH true", "HIGH false", "MEDIUM true", "MEDIUM false"),
                a.stream().map(c -> c.priority() + " " + c.active()).toList());
        assertEquals(a.get(0).criterion(), a.get(1).criterion(), "the clear names the alarm it clears");
        assertEquals(a.get(2).criterion(), a.get(3).criterion());
        assertFalse(a.get(0).criterion().equals(a.get(2).criterion()));
        assertTrue(a.get(3).values().contains("threshold 12 mA"), a.get(3).values());
    }

    @Test
    void everyPresetDescribesItsBandsAndSource() {
        assertEquals("< 4 mA: breach likely [HIGH], 4–8 mA: breach possible [MEDIUM], > 8 mA: no breach",
                ThresholdPreset.LUMBAR.describeBands());
        for (ThresholdPreset p : ThresholdPreset.values()) {
            assertFalse(p.source.isBlank(), p.id);
            assertEquals(p, ThresholdPreset.of(p.id));
        }
    }
}
