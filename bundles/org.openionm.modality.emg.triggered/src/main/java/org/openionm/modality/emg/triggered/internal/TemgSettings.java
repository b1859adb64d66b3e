package org.openionm.modality.emg.triggered.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openionm.core.processing.SettingDescriptor;
import org.openionm.core.processing.SettingValues;

/** The triggered-EMG settings: response criterion, window, filter, ramp stop and the threshold preset. */
record TemgSettings(String preset, double criterionUv, double blankMs, double windowMs, double highpassHz,
        double lowpassHz, boolean stopAtThreshold) {

    static final String ALARM_PRESET = "alarm.preset";
    static final String CRITERION_UV = "response.criterion.uv";
    static final String BLANK_MS = "blank.ms";
    static final String WINDOW_MS = "window.ms";
    static final String HIGHPASS_HZ = "filter.highpass.hz";
    static final String LOWPASS_HZ = "filter.lowpass.hz";
    static final String STOP_AT_THRESHOLD = "ramp.stopAtThreshold";

    private static final String NIM = "NIM Vital thyroid profile: 100 uV event threshold (REFERENCE-2 A.6;"
            + " the ASNM statement's criterion was not retrieved)";
    private static final String TEXTBOOK = "textbook (IONM reference): EMG band 10–30 Hz to 3–5 kHz";
    private static final String OPENIONM = "OpenIONM choice";

    static final List<SettingDescriptor> DESCRIPTORS = List.of(
            SettingDescriptor.choice(ALARM_PRESET, "Threshold preset", ThresholdPreset.options(), ThresholdPreset.LUMBAR.id,
                    "Raynor 2007 (lumbar, thoracic); Holland 1998 (compressed roots); Karanth 2024 (facial);"
                            + " JCMT 2021 / NIM (RLN): see docs/emg.md"),
            SettingDescriptor.number(CRITERION_UV, "Response: CMAP peak-to-peak at least", "uV", 10, 5000, 100, false, NIM),
            SettingDescriptor.number(BLANK_MS, "Stimulus artifact blanking", "ms", 0, 10, 2, false,
                    OPENIONM + " (NIM 'stimulus rejection period')"),
            SettingDescriptor.number(WINDOW_MS, "Response window after the stimulus", "ms", 5, 100, 40, false,
                    OPENIONM + ": lower-limb CMAP onsets 9–20 ms plus the CMAP"),
            SettingDescriptor.number(HIGHPASS_HZ, "High-pass corner", "Hz", 1, 300, 10, false, TEXTBOOK),
            SettingDescriptor.number(LOWPASS_HZ, "Low-pass corner", "Hz", 300, 5000, 3000, false, TEXTBOOK),
            SettingDescriptor.flag(STOP_AT_THRESHOLD, "Stop the ramp at the first CMAP", true,
                    "IONM reference: ramp the current, stop at the first CMAP"));

    static TemgSettings from(Map<String, ?> values) {
        SettingValues v = SettingValues.of(DESCRIPTORS, values);
        return new TemgSettings(v.choice(ALARM_PRESET), v.number(CRITERION_UV), v.number(BLANK_MS), v.number(WINDOW_MS),
                v.number(HIGHPASS_HZ), v.number(LOWPASS_HZ), v.flag(STOP_AT_THRESHOLD));
    }

    static TemgSettings defaults() {
        return from(Map.of());
    }

    ThresholdPreset thresholdPreset() {
        return ThresholdPreset.of(preset);
    }

    /** The settings as text, for provenance. */
    Map<String, String> asText() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ALARM_PRESET, preset + ": " + thresholdPreset().describeBands());
        m.put(CRITERION_UV, num(criterionUv));
        m.put(BLANK_MS, num(blankMs));
        m.put(WINDOW_MS, num(windowMs));
        m.put(HIGHPASS_HZ, num(highpassHz));
        m.put(LOWPASS_HZ, num(lowpassHz));
        m.put(STOP_AT_THRESHOLD, String.valueOf(stopAtThreshold));
        return m;
    }

    static String num(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}
