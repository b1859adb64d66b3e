package org.openionm.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.core.processing.SettingDescriptor;
import org.openionm.core.processing.SettingDescriptor.Option;
import org.openionm.ui.parts.SettingRows.Heading;
import org.openionm.ui.parts.SettingRows.Setting;

class SettingRowsTest {

    private static final SettingDescriptor HIGHPASS = new SettingDescriptor("filter.highpass.hz", "High-pass", "Hz", 1, 100, 10,
            false, "textbook");
    private static final SettingDescriptor PRESET = SettingDescriptor.choice("alarm.preset", "Alarm preset",
            List.of(new Option("spinal", "Spinal cord (amplitude ↓ > 80 %)"), new Option("brain", "Brain (amplitude ↓ > 50 %)")),
            "spinal", "MacDonald 2017");
    private static final SettingDescriptor CONFIRM = new SettingDescriptor("alarm.confirm", "Confirmations", "", 1, 10, 1, true,
            "MacDonald 2017");
    private static final SettingDescriptor MORPHOLOGY = SettingDescriptor.flag("alarm.morphology.enabled", "Morphology criterion on",
            false, "OpenIONM");
    private static final SettingDescriptor NOTE = SettingDescriptor.text("note", "Note", "", 20, null, "site");
    private static final SettingDescriptor DROP = new SettingDescriptor("alarm.drop.pct", "Amplitude decrease >", "%", 10, 100,
            80, false, "MacDonald 2017");

    @Test
    void alarmCriteriaComeFirstAndEachGroupKeepsTheDeclaredOrder() {
        List<SettingRows.Row> rows = SettingRows.of(List.of(HIGHPASS, PRESET, DROP), Map.of("alarm.drop.pct", 50.0));
        assertEquals(List.of(new Heading("Alarm criteria"), new Setting(PRESET, "spinal"), new Setting(DROP, 50.0),
                new Heading("Processing"), new Setting(HIGHPASS, 10.0)), rows, "a missing value shows the default");
        assertEquals(List.of(new Heading("Processing"), new Setting(HIGHPASS, 10.0)), SettingRows.of(List.of(HIGHPASS), Map.of()),
                "no empty group");
    }

    @Test
    void onlyValuesThatDifferFromTheirDefaultAreChanges() {
        assertEquals(Map.of("alarm.drop.pct", 50.0),
                SettingRows.changed(List.of(HIGHPASS, PRESET, DROP), Map.of("alarm.drop.pct", 50.0, "filter.highpass.hz", 10.0)));
        assertEquals(Map.of("alarm.preset", "brain", "alarm.morphology.enabled", true), SettingRows.changed(
                List.of(PRESET, MORPHOLOGY, HIGHPASS), Map.of("alarm.preset", "brain", "alarm.morphology.enabled", true,
                        "filter.highpass.hz", 10.0)));
        assertTrue(new Setting(PRESET, "brain").changed());
        assertFalse(new Setting(MORPHOLOGY, false).changed());
    }

    @Test
    void eachKindIsShownAndOfferedAsItsOwnKindOfValue() {
        assertEquals("20.5", SettingRows.show(HIGHPASS, 20.5));
        assertEquals("brain", SettingRows.show(PRESET, "brain"));
        assertEquals("on", SettingRows.show(MORPHOLOGY, true));
        assertEquals("off", SettingRows.show(MORPHOLOGY, false));
        assertEquals("spinal, brain", SettingRows.range(PRESET));
        assertEquals("on/off", SettingRows.range(MORPHOLOGY));
        assertEquals("at most 20 characters", SettingRows.range(NOTE));

        assertEquals(List.of("Spinal cord (amplitude ↓ > 80 %)", "Brain (amplitude ↓ > 50 %)"), SettingRows.items(PRESET),
                "a choice offers its labels in the declared order");
        assertEquals(List.of("on", "off"), SettingRows.items(MORPHOLOGY));
        assertEquals(List.of(), SettingRows.items(HIGHPASS), "a number is typed");
        assertEquals(List.of(), SettingRows.items(NOTE), "a text is typed");
        assertEquals(1, SettingRows.itemOf(PRESET, "brain"));
        assertEquals(0, SettingRows.itemOf(MORPHOLOGY, true));
        assertEquals("brain", SettingRows.parse(PRESET, SettingRows.textOfItem(PRESET, 1)), "the picked label's option");
        assertEquals(false, SettingRows.parse(MORPHOLOGY, SettingRows.textOfItem(MORPHOLOGY, 1)));
        assertEquals(true, SettingRows.parse(MORPHOLOGY, "on"));
        assertEquals("OR 3", SettingRows.parse(NOTE, "OR 3"));
        assertEquals("Alarm preset must be one of spinal, brain, was 'cortex'",
                assertThrows(IllegalArgumentException.class, () -> SettingRows.parse(PRESET, "cortex")).getMessage());
    }

    @Test
    void typedValuesAreReadAsAPersonMeansThemOrRefusedWithTheReason() {
        assertEquals(20.5, SettingRows.parse(HIGHPASS, " 20,5 Hz "));
        assertEquals(20.0, SettingRows.parse(HIGHPASS, "20Hz"));
        assertEquals(1.0, SettingRows.parse(CONFIRM, "1"));
        assertEquals("Confirmations must be a whole number, was 2.5",
                assertThrows(IllegalArgumentException.class, () -> SettingRows.parse(CONFIRM, "2,5")).getMessage());
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
