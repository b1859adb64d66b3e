package org.openionm.core.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

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

    @Test
    void provenanceDescribesSettingsInKeyOrder() {
        Provenance p = new Provenance("ssep 0.1.0", Map.of("lowpass.hz", "1000", "highpass.hz", "30"));
        assertEquals("ssep 0.1.0 {highpass.hz=30, lowpass.hz=1000}", p.describe());
    }
}
