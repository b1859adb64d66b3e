package org.openionm.modality.mep.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.SettingDescriptor;

class SettingsTest {

    @Test
    void everyDefaultLiesInItsRangeAndKeysAreUnique() {
        Set<String> keys = new HashSet<>();
        for (SettingDescriptor d : new MepProcessor().settings()) {
            assertTrue(keys.add(d.key()), d.key());
            assertEquals(d.defaultValue(), d.validate(d.defaultValue()));
            assertFalse(d.provenance().isBlank(), d.key());
        }
        assertEquals(22, keys.size()); // muscles.channels (issue 16), alarm.clear.margin.pct and alarm.clear.trains (issue 17)
        MepSettings s = MepSettings.defaults();
        assertEquals(10, s.highpassHz());
        assertEquals(3000, s.lowpassHz());
        assertEquals(100, s.windowMs());
        assertEquals(80, s.amplitudeSpinalPct());
        assertEquals(MepAlarmPreset.AMPLITUDE_SPINAL, s.amplitudePreset());
        assertEquals(1, s.confirmTrains());
        assertEquals(3, s.baselineTrains());
    }

    @Test
    void thePresetIsAChoiceAndTheCriteriaSwitchesAreOnOff() {
        SettingDescriptor preset = descriptor(MepSettings.ALARM_PRESET);
        assertEquals(SettingDescriptor.Kind.CHOICE, preset.kind());
        assertEquals("Alarm preset", preset.label());
        assertEquals(List.of("spinal", "brain"), preset.options().stream().map(SettingDescriptor.Option::id).toList());
        assertEquals("Spinal cord (MacDonald 2017: amplitude ↓ > 80 %)", preset.optionLabel("spinal"));
        assertEquals("Brain, brainstem, facial (MacDonald 2017: amplitude ↓ > 50 %)", preset.optionLabel("brain"));
        assertEquals("spinal", preset.defaultValue());
        assertEquals("brain", preset.parse("1"), "0.1.0 saved the brain preset as 1");
        assertEquals("spinal", preset.parse("0.0"), "and the spinal cord one as 0 (written 0.0)");
        assertEquals(SettingDescriptor.Kind.BOOLEAN, descriptor(MepSettings.THRESHOLD_ENABLED).kind());
        assertEquals(true, descriptor(MepSettings.THRESHOLD_ENABLED).defaultValue());
        assertEquals(SettingDescriptor.Kind.BOOLEAN, descriptor(MepSettings.MORPHOLOGY_ENABLED).kind());
        assertEquals(false, descriptor(MepSettings.MORPHOLOGY_ENABLED).defaultValue());

        MepSettings brain = MepSettings.from(Map.of(MepSettings.ALARM_PRESET, "brain", MepSettings.THRESHOLD_ENABLED, false));
        assertEquals(MepAlarmPreset.AMPLITUDE_BRAIN, brain.amplitudePreset());
        assertFalse(brain.thresholdEnabled());
        assertEquals("brain (amplitude ↓ > 50 % (brain, brainstem, facial))", brain.asText().get(MepSettings.ALARM_PRESET),
                "the provenance names the option and the rule with its effective number");
        assertEquals("false", brain.asText().get(MepSettings.THRESHOLD_ENABLED));
        assertEquals("Alarm preset must be one of spinal, brain, was 1.0", assertThrows(IllegalArgumentException.class,
                () -> MepSettings.from(Map.of(MepSettings.ALARM_PRESET, 1.0))).getMessage());
    }

    private static SettingDescriptor descriptor(String key) {
        return MepSettings.DESCRIPTORS.stream().filter(d -> d.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void outOfRangeValuesAreRejectedNamingTheSetting() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> MepSettings.from(Map.of(MepSettings.AMPLITUDE_SPINAL_PCT, 150.0)));
        assertTrue(e.getMessage().contains("Spinal cord"), e.getMessage());
    }

    @Test
    void raisingThePresenceThresholdTurnsAResponseIntoNone() {
        Session s = new Session(Map.of(MepSettings.RESPONSE_MIN_UV, 700.0));
        s.train(Session.RIGHT, 400, Session.rightResponses(1));
        assertEquals(0, s.out.lastTrendValue("TA-R/present"), "600 uV p2p < 700 uV");
        Session d = new Session();
        d.train(Session.RIGHT, 400, Session.rightResponses(1));
        assertEquals(1, d.out.lastTrendValue("TA-R/present"));
    }

    @Test
    void presetsCarryTheirSourceAndEffectiveNumbers() {
        MepSettings s = MepSettings.from(Map.of(MepSettings.THRESHOLD_RISE_V, 150.0));
        assertEquals("threshold ↑ ≥ 150 V", MepAlarmPreset.THRESHOLD.label(s));
        for (MepAlarmPreset p : MepAlarmPreset.values()) {
            assertTrue(p.criterion(s).contains("MacDonald 2017"), p.name());
        }
    }

    @Test
    void aLowPassAboveWhatTheSamplingRateAllowsIsNarrowedAndSaidSo() {
        // 5000 Hz asked at 10 kHz sampling: the band ends at 0.45 × fs = 4500 Hz and the provenance tells
        Session s = new Session(Map.of(MepSettings.LOWPASS_HZ, 5000.0));
        s.train(Session.RIGHT, 400, Session.rightResponses(1));
        Measurement ta = s.out.lastMeasurement("TA-R");
        String filter = ta.provenance().settings().get("filter");
        assertTrue(filter.contains("4500") && filter.contains("limited from 5000 Hz by the 10000 Hz sampling rate"), filter);
        assertEquals(Session.ta().onsetMs(), ta.latencyMs(), 0.5, "still measured");
    }
}
