package org.openionm.modality.emg.freerun.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.core.processing.SettingDescriptor;

/** The presets and their sources say what they are. */
class SettingsTest {

    static SettingDescriptor descriptor(String key) {
        return FreeRunSettings.DESCRIPTORS.stream().filter(d -> d.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void prell2007IsTheDefaultWithItsSourcedNumbers() {
        FreeRunSettings s = FreeRunSettings.defaults();
        assertEquals(FreeRunSettings.PRELL_2007, s.preset());
        assertEquals(10, s.severeSeconds());
        assertEquals(0.5, s.mildSeconds());
        assertTrue(descriptor(FreeRunSettings.PRELL_SEVERE_S).provenance().contains("Prell 2007"));
        assertTrue(s.presetText().contains("Prell 2007"), s.presetText());
        assertEquals(30, s.highpassHz());
        assertEquals(3000, s.lowpassHz());
    }

    @Test
    void theQuotedCutOffSaysItIsNotSourced() {
        FreeRunSettings s = FreeRunSettings.from(Map.of(FreeRunSettings.PRESET, FreeRunSettings.QUOTED));
        assertEquals(2.5, s.severeSeconds());
        assertTrue(Double.isNaN(s.mildSeconds()));
        assertTrue(s.presetText().contains("NOT sourced"), s.presetText());
        assertTrue(descriptor(FreeRunSettings.QUOTED_S).provenance().contains("NOT sourced"));
        assertTrue(descriptor(FreeRunSettings.PRESET).optionLabel(FreeRunSettings.QUOTED).contains("NOT sourced"));
    }

    @Test
    void thresholdsAreEditableAndCheckedAgainstTheirRange() {
        assertEquals(20, FreeRunSettings.from(Map.of(FreeRunSettings.PRELL_SEVERE_S, 20.0)).severeSeconds());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FreeRunSettings.from(Map.of(FreeRunSettings.PRELL_SEVERE_S, 0.0)));
        assertTrue(e.getMessage().contains("0.1"), e.getMessage());
    }
}
