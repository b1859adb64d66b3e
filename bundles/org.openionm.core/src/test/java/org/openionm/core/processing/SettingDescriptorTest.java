package org.openionm.core.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.openionm.core.processing.SettingDescriptor.Kind;
import org.openionm.core.processing.SettingDescriptor.Option;

import org.junit.jupiter.api.Test;

class SettingDescriptorTest {

    private final SettingDescriptor sweeps = new SettingDescriptor("sweeps", "Sweeps per average", "", 1, 4096, 300, true, "MacDonald 2005");

    @Test
    void acceptsValuesInsideTheRange() {
        assertEquals(512, sweeps.validate(512));
        assertEquals(1, sweeps.validate(1));
        assertEquals(4096, sweeps.validate(4096));
    }

    @Test
    void rejectionMessageNamesTheSettingAndRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sweeps.validate(5000));
        assertTrue(e.getMessage().contains("Sweeps per average") && e.getMessage().contains("4096"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sweeps.validate(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> sweeps.validate(2.5));
    }

    @Test
    void messagesWriteNumbersAsPeopleDo() {
        SettingDescriptor drop = new SettingDescriptor("alarm.drop", "Amplitude decrease", "%", 10, 100, 50, false, "ASNM");
        assertEquals("Amplitude decrease must be between 10 and 100 %, was 150",
                assertThrows(IllegalArgumentException.class, () -> drop.validate(150)).getMessage());
        assertEquals("Sweeps per average must be a whole number, was 2.5",
                assertThrows(IllegalArgumentException.class, () -> sweeps.validate(2.5)).getMessage());
        assertEquals("0.5", SettingDescriptor.format(0.5));
        assertEquals("-3", SettingDescriptor.format(-3.0));
        assertEquals("NaN", SettingDescriptor.format(Double.NaN));
    }

    @Test
    void defaultOutsideRangeIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class,
                () -> new SettingDescriptor("hp", "High-pass", "Hz", 1, 100, 300, false, "textbook"));
    }

    private final SettingDescriptor preset = SettingDescriptor.choice("alarm.preset", "Alarm preset",
            List.of(new Option("spinal", "Spinal cord"), new Option("brain", "Brain, brainstem, facial")), "spinal", "MacDonald 2017");
    private final SettingDescriptor subcortical = SettingDescriptor.flag("alarm.subcortical", "Alarm on N13/N34 too", false,
            "OpenIONM");
    private final SettingDescriptor site = SettingDescriptor.text("site", "Site name", "OR 3", 8, "[A-Za-z0-9 ]*", "local");

    @Test
    void everyKindHasItsOwnValueType() {
        assertEquals(Kind.NUMBER, sweeps.kind());
        assertEquals(300.0, sweeps.defaultValue());
        assertEquals(512.0, sweeps.validate((Object) 512), "any number becomes a Double");
        assertEquals("spinal", preset.defaultValue());
        assertEquals("brain", preset.validate("brain"));
        assertEquals(false, subcortical.defaultValue());
        assertEquals(true, subcortical.validate(true));
        assertEquals("OR 12", site.validate("OR 12"));
        assertEquals("Alarm preset must be one of spinal, brain, was 'cortex'",
                assertThrows(IllegalArgumentException.class, () -> preset.validate("cortex")).getMessage());
        assertEquals("Alarm preset must be one of spinal, brain, was 1.0",
                assertThrows(IllegalArgumentException.class, () -> preset.validate(1.0)).getMessage(),
                "a number is not a choice: only text from before 0.2.0 is mapped (parse)");
        assertEquals("Alarm on N13/N34 too must be true or false (on/off), was 1.0",
                assertThrows(IllegalArgumentException.class, () -> subcortical.validate(1.0)).getMessage());
        assertEquals("Sweeps per average must be a number, was 'many'",
                assertThrows(IllegalArgumentException.class, () -> sweeps.validate("many")).getMessage());
        assertEquals("Site name must be at most 8 characters, was 11",
                assertThrows(IllegalArgumentException.class, () -> site.validate("Operating 3")).getMessage());
        assertEquals("Site name must match [A-Za-z0-9 ]*, was 'OR-3'",
                assertThrows(IllegalArgumentException.class, () -> site.validate("OR-3")).getMessage());
    }

    @Test
    void textIsReadInOnePlaceAndWhatIsWrittenReadsBack() {
        assertEquals(40.0, sweeps.parse(" 40 "));
        assertEquals(0.0001, new SettingDescriptor("x", "X", "", 0, 1, 0.5, false, "t").parse("1.0E-4"),
                "how Double.toString wrote small numbers before 0.2.0");
        assertEquals("brain", preset.parse("brain"));
        assertEquals(true, subcortical.parse("true"));
        assertEquals(true, subcortical.parse("on"));
        assertEquals(false, subcortical.parse("FALSE"));
        assertEquals("OR 3", site.parse("OR 3"));
        for (SettingDescriptor d : List.of(sweeps, preset, subcortical, site)) {
            for (Object v : List.of(d.defaultValue(), d == sweeps ? (Object) 4096.0 : d == preset ? "brain" : d == subcortical
                    ? (Object) true : "A")) {
                assertEquals(v, d.parse(SettingDescriptor.format(v)), d.key() + " " + v);
            }
        }
        assertEquals("Sweeps per average: 'lots' is not a number",
                assertThrows(IllegalArgumentException.class, () -> sweeps.parse("lots")).getMessage());
        assertEquals("Alarm preset must be one of spinal, brain, was '2'",
                assertThrows(IllegalArgumentException.class, () -> preset.parse("2")).getMessage());
        assertEquals("Alarm on N13/N34 too must be true or false (on/off), was 'maybe'",
                assertThrows(IllegalArgumentException.class, () -> subcortical.parse("maybe")).getMessage());
    }

    @Test
    void numbersWrittenBeforeChoicesAndBooleansExistedStillRead() {
        // settings files of 0.1.0 held "mep.alarm.preset=0.0" (0 spinal cord, 1 brain) and "ssep.alarm.subcortical=1.0"
        assertEquals("spinal", preset.parse("0.0"));
        assertEquals("brain", preset.parse("1"));
        assertEquals("brain", preset.parse("1.0"));
        assertEquals(false, subcortical.parse("0.0"));
        assertEquals(true, subcortical.parse("1.0"));
        assertEquals(true, subcortical.parse("1"));
        assertThrows(IllegalArgumentException.class, () -> subcortical.parse("0.5"));
    }

    @Test
    void whatASettingAllowsIsSaidForEveryKind() {
        assertEquals("1 – 4096", sweeps.allowed());
        assertEquals("10 – 100 %", new SettingDescriptor("d", "D", "%", 10, 100, 50, false, "t").allowed());
        assertEquals("spinal, brain", preset.allowed());
        assertEquals("Brain, brainstem, facial", preset.optionLabel("brain"));
        assertEquals("true or false (on/off)", subcortical.allowed());
        assertEquals("at most 8 characters matching [A-Za-z0-9 ]*", site.allowed());
    }

    @Test
    void badDeclarationsAreProgrammingErrors() {
        assertThrows(IllegalArgumentException.class, () -> SettingDescriptor.choice("p", "P",
                List.of(new Option("a", "A"), new Option("a", "B")), "a", "t"), "duplicate id");
        assertThrows(IllegalArgumentException.class, () -> SettingDescriptor.choice("p", "P",
                List.of(new Option("a", "A")), "b", "t"), "unknown default");
        assertThrows(IllegalArgumentException.class, () -> new Option("0", "zero"), "an id is not a number");
        assertThrows(IllegalArgumentException.class, () -> SettingDescriptor.text("t", "T", "too long", 3, null, "t"));
    }

    @Test
    void valuesAreReadByTypeWithDefaultsForWhatIsNotGiven() {
        SettingValues v = SettingValues.of(List.of(sweeps, preset, subcortical, site), Map.of("alarm.preset", "brain",
                "sweeps", 500, "unknown", 1.0));
        assertEquals(500, v.number("sweeps"));
        assertEquals(500, v.integer("sweeps"));
        assertEquals("brain", v.choice("alarm.preset"));
        assertEquals(false, v.flag("alarm.subcortical"));
        assertEquals("OR 3", v.text("site"));
        assertEquals(Map.of("sweeps", 500.0, "alarm.preset", "brain", "alarm.subcortical", false, "site", "OR 3"), v.asMap(),
                "undeclared keys are not carried");
        assertEquals("setting 'alarm.preset' is not on/off: brain",
                assertThrows(IllegalArgumentException.class, () -> v.flag("alarm.preset")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> v.number("nothing"));
        assertThrows(IllegalArgumentException.class, () -> SettingValues.of(List.of(preset), Map.of("alarm.preset", "cortex")));
    }

    @Test
    void provenanceDescribesSettingsInKeyOrder() {
        Provenance p = new Provenance("ssep 0.1.0", Map.of("lowpass.hz", "1000", "highpass.hz", "30"));
        assertEquals("ssep 0.1.0 {highpass.hz=30, lowpass.hz=1000}", p.describe());
    }
}
