package org.openionm.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.core.processing.SettingDescriptor;
import org.openionm.ui.parts.SettingRows.Heading;
import org.openionm.ui.parts.SettingRows.Setting;

class SettingRowsTest {

    private static final SettingDescriptor HIGHPASS = new SettingDescriptor("filter.highpass.hz", "High-pass", "Hz", 1, 100, 10,
            false, "textbook");
    private static final SettingDescriptor PRESET = new SettingDescriptor("alarm.preset", "Alarm preset", "", 0, 1, 0, true,
            "MacDonald 2017");
    private static final SettingDescriptor DROP = new SettingDescriptor("alarm.drop.pct", "Amplitude decrease >", "%", 10, 100,
            80, false, "MacDonald 2017");

    @Test
    void alarmCriteriaComeFirstAndEachGroupKeepsTheDeclaredOrder() {
        List<SettingRows.Row> rows = SettingRows.of(List.of(HIGHPASS, PRESET, DROP), Map.of("alarm.drop.pct", 50.0));
        assertEquals(List.of(new Heading("Alarm criteria"), new Setting(PRESET, 0), new Setting(DROP, 50),
                new Heading("Processing"), new Setting(HIGHPASS, 10)), rows, "a missing value shows the default");
        assertEquals(List.of(new Heading("Processing"), new Setting(HIGHPASS, 10)), SettingRows.of(List.of(HIGHPASS), Map.of()),
                "no empty group");
    }

    @Test
    void onlyValuesThatDifferFromTheirDefaultAreChanges() {
        assertEquals(Map.of("alarm.drop.pct", 50.0),
                SettingRows.changed(List.of(HIGHPASS, PRESET, DROP), Map.of("alarm.drop.pct", 50.0, "filter.highpass.hz", 10.0)));
    }

    @Test
    void typedValuesAreReadAsAPersonMeansThemOrRefusedWithTheReason() {
        assertEquals(20.5, SettingRows.parse(HIGHPASS, " 20,5 Hz "));
        assertEquals(20, SettingRows.parse(HIGHPASS, "20Hz"));
        assertEquals(1, SettingRows.parse(PRESET, "1"));
        assertEquals("Alarm preset must be a whole number, was 0.5",
                assertThrows(IllegalArgumentException.class, () -> SettingRows.parse(PRESET, ".5")).getMessage());
        assertEquals("High-pass must be between 1 and 100 Hz, was 300",
                assertThrows(IllegalArgumentException.class, () -> SettingRows.parse(HIGHPASS, "300")).getMessage());
        for (String notANumber : new String[] { "", "NaN", "1e2", "2d", "0x1p3", "20 %" }) {
            assertEquals("High-pass: '" + notANumber + "' is not a number",
                    assertThrows(IllegalArgumentException.class, () -> SettingRows.parse(HIGHPASS, notANumber)).getMessage());
        }
    }

    @Test
    void longSourcesAreWrappedAtSpaces() {
        assertEquals("ASNM 2024\n(Toleikis et\nal.)", SettingRows.wrap("ASNM 2024 (Toleikis et al.)", 12));
        assertEquals("textbook", SettingRows.wrap("textbook", 4), "a word longer than the line stays whole");
        assertEquals("10 – 100", SettingRows.range(DROP));
    }
}
