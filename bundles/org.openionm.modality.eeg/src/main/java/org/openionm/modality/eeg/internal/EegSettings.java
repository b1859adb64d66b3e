package org.openionm.modality.eeg.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openionm.core.processing.SettingDescriptor;
import org.openionm.core.processing.SettingDescriptor.Option;
import org.openionm.core.processing.SettingValues;

/**
 * The EEG processor's settings: keys, descriptors with their sources, and the effective values of
 * one acquisition. Sources are those of docs/eeg.md (IONM reference, part 1 and 2).
 */
public record EegSettings(String montage, double epochSeconds, double spectrumLowHz, double spectrumHighHz,
        double bsrThresholdUv, double bsrMinSeconds, double bsrWindowSeconds, double flatUv, double cauteryUv,
        double baselineSeconds, String alarmPreset, double betaDropPct, double betaLowHz, double betaHighHz,
        double alphaRelDropPct, double alphaDeltaDropPct, double persistenceSeconds, boolean bsrAlarm,
        double bsrAlarmPct) {

    public static final String MONTAGE = "montage";
    public static final String EPOCH_S = "epoch.s";
    public static final String SPECTRUM_LOW_HZ = "spectrum.low.hz";
    public static final String SPECTRUM_HIGH_HZ = "spectrum.high.hz";
    public static final String BSR_THRESHOLD_UV = "bsr.threshold.uv";
    public static final String BSR_MIN_S = "bsr.min.s";
    public static final String BSR_WINDOW_S = "bsr.window.s";
    public static final String FLAT_UV = "artifact.flat.uv";
    public static final String CAUTERY_UV = "artifact.cautery.uv";
    public static final String BASELINE_S = "baseline.s";
    public static final String ALARM_PRESET = "alarm.preset";
    /** Option of {@link #ALARM_PRESET}: beta power ↓ ≥ 50 % (multicentre series of 668 CEAs). */
    public static final String BETA = "beta";
    /** Option of {@link #ALARM_PRESET}: relative alpha ↓ 14 % or alpha/delta ratio ↓ 21 % (Zhao 2023). */
    public static final String ZHAO = "zhao";
    /** Option of {@link #ALARM_PRESET}: no ischaemia criterion (anaesthesia monitoring only). */
    public static final String NONE = "none";
    public static final String BETA_DROP_PCT = "alarm.beta.drop.pct";
    public static final String BETA_LOW_HZ = "alarm.beta.low.hz";
    public static final String BETA_HIGH_HZ = "alarm.beta.high.hz";
    public static final String ALPHA_REL_DROP_PCT = "alarm.alphaRel.drop.pct";
    public static final String ADR_DROP_PCT = "alarm.alphaDelta.drop.pct";
    public static final String PERSISTENCE_S = "alarm.persistence.s";
    public static final String BSR_ALARM = "alarm.bsr.enabled";
    public static final String BSR_ALARM_PCT = "alarm.bsr.pct";

    /** Fixed band edges of the relative powers (IONM reference part 2, B.5; the issue). */
    public static final double DELTA_LO = 0.5;
    public static final double THETA_LO = 4;
    public static final double ALPHA_LO = 8;
    public static final double BETA_LO = 13;
    public static final double BETA_HI = 30;

    private static final String TEXTBOOK = "textbook (IONM reference, EEG)";
    private static final String BIS = "BIS 2-s epochs (Quantitative EEG Analysis, Tong & Thakor, ch. 9)";
    private static final String RAMPIL = "Rampil 1998; Miller's Anesthesia: suppression < 5 uV for > 0.5 s, BSR over >= 60 s";
    private static final String CEA668 = "668 CEAs at 6 centres, beta 12.5-30 Hz, >= 50 % decrease (J Biomed Res 2010, PMC3596694)";
    private static final String ZHAO2023 = "Zhao 2023 (relative alpha -14 %, alpha/delta ratio -21 %)";
    private static final String PERSIST = "Eur J Vasc Surg 1989;3:423: transient asymmetry not linked to stroke, persisting"
            + " asymmetry is (230 CEAs); IONM reference: sustained 10-30 s";
    private static final String OPENIONM = "OpenIONM choice";

    /** Every setting with unit, range, default and the source of the default. */
    public static final List<SettingDescriptor> DESCRIPTORS = List.of(
            SettingDescriptor.text(MONTAGE, "Derivations (comma-separated, e.g. F3-C3, C3-P3; empty: every EEG channel"
                    + " as recorded)", "", 2000, "[A-Za-z0-9 ,\\-]*", OPENIONM + ": a bipolar derivation is formed from"
                            + " two channels of a common reference"),
            SettingDescriptor.number(EPOCH_S, "Epoch length", "s", 1, 8, 2, false, BIS),
            SettingDescriptor.number(SPECTRUM_LOW_HZ, "Spectrum: lower limit (total power, SEF95, median frequency)", "Hz",
                    0.1, 4, 0.5, false, TEXTBOOK + ": delta from 0.5 Hz"),
            SettingDescriptor.number(SPECTRUM_HIGH_HZ, "Spectrum: upper limit (total power, SEF95, median frequency)", "Hz",
                    20, 70, 30, false, TEXTBOOK + ": SEF95 on 0.5-30 Hz"),
            SettingDescriptor.number(BSR_THRESHOLD_UV, "Suppression: |EEG| below", "uV", 1, 20, 5, false, RAMPIL),
            SettingDescriptor.number(BSR_MIN_S, "Suppression: for at least", "s", 0.1, 5, 0.5, false, RAMPIL),
            SettingDescriptor.number(BSR_WINDOW_S, "Burst suppression ratio over the last", "s", 10, 300, 60, false, RAMPIL),
            SettingDescriptor.number(FLAT_UV, "Artifact: flat epoch (peak-to-peak below)", "uV", 0, 5, 0.5, false,
                    OPENIONM + ": below a suppressed EEG's ~5 uV, above an unplugged electrode's 0"),
            SettingDescriptor.number(CAUTERY_UV, "Artifact: cautery (RMS 65-95 Hz above)", "uV", 1, 500, 10, false,
                    OPENIONM + ": scalp EEG above 65 Hz is a few uV; cautery is broadband and hundreds"),
            SettingDescriptor.number(BASELINE_S, "Baseline: median of the last valid epochs over", "s", 4, 300, 30, false,
                    OPENIONM),
            SettingDescriptor.choice(ALARM_PRESET, "Ischaemia alarm preset (carotid endarterectomy)", List.of(
                    new Option(BETA, "Beta power decrease (668 CEAs: >= 50 %)"),
                    new Option(ZHAO, "Relative alpha / alpha-delta ratio decrease (Zhao 2023)"),
                    new Option(NONE, "None")), BETA, CEA668),
            SettingDescriptor.number(BETA_DROP_PCT, "Beta preset: power decrease >=", "%", 10, 100, 50, false,
                    CEA668 + "; the series states amplitude, the issue power: editable"),
            SettingDescriptor.number(BETA_LOW_HZ, "Beta preset: band from", "Hz", 8, 20, 12.5, false, CEA668),
            SettingDescriptor.number(BETA_HIGH_HZ, "Beta preset: band to", "Hz", 20, 45, 30, false, CEA668),
            SettingDescriptor.number(ALPHA_REL_DROP_PCT, "Zhao preset: relative alpha decrease >=", "%", 1, 100, 14, false,
                    ZHAO2023),
            SettingDescriptor.number(ADR_DROP_PCT, "Zhao preset: alpha/delta ratio decrease >=", "%", 1, 100, 21, false,
                    ZHAO2023),
            SettingDescriptor.number(PERSISTENCE_S, "Ischaemia criterion must persist for", "s", 0, 120, 10, false, PERSIST),
            SettingDescriptor.flag(BSR_ALARM, "Anaesthesia: burst suppression alarm on", true,
                    OPENIONM + ": burst suppression explains evoked-potential changes"),
            SettingDescriptor.number(BSR_ALARM_PCT, "Anaesthesia: burst suppression ratio above", "%", 1, 100, 50, false,
                    OPENIONM + " (MEDIUM priority)"));

    /** Effective settings from a context map, validated against {@link #DESCRIPTORS}. */
    public static EegSettings from(Map<String, ?> values) {
        SettingValues v = SettingValues.of(DESCRIPTORS, values);
        EegSettings s = new EegSettings(v.text(MONTAGE), v.number(EPOCH_S), v.number(SPECTRUM_LOW_HZ),
                v.number(SPECTRUM_HIGH_HZ), v.number(BSR_THRESHOLD_UV), v.number(BSR_MIN_S), v.number(BSR_WINDOW_S),
                v.number(FLAT_UV), v.number(CAUTERY_UV), v.number(BASELINE_S), v.choice(ALARM_PRESET),
                v.number(BETA_DROP_PCT), v.number(BETA_LOW_HZ), v.number(BETA_HIGH_HZ), v.number(ALPHA_REL_DROP_PCT),
                v.number(ADR_DROP_PCT), v.number(PERSISTENCE_S), v.flag(BSR_ALARM), v.number(BSR_ALARM_PCT));
        if (s.spectrumHighHz <= s.spectrumLowHz + 1) {
            throw new IllegalArgumentException(SPECTRUM_HIGH_HZ + " (" + s.spectrumHighHz + " Hz) must lie more than 1 Hz above "
                    + SPECTRUM_LOW_HZ + " (" + s.spectrumLowHz + " Hz)");
        }
        return s;
    }

    public static EegSettings defaults() {
        return from(Map.of());
    }

    /** Key/value text for provenance. */
    public Map<String, String> asText() {
        Map<String, String> m = new TreeMap<>();
        m.put(MONTAGE, montage.isBlank() ? "(every EEG channel as recorded)" : montage);
        m.put(EPOCH_S, num(epochSeconds));
        m.put(SPECTRUM_LOW_HZ, num(spectrumLowHz));
        m.put(SPECTRUM_HIGH_HZ, num(spectrumHighHz));
        m.put(BSR_THRESHOLD_UV, num(bsrThresholdUv));
        m.put(BSR_MIN_S, num(bsrMinSeconds));
        m.put(BSR_WINDOW_S, num(bsrWindowSeconds));
        m.put(FLAT_UV, num(flatUv));
        m.put(CAUTERY_UV, num(cauteryUv));
        m.put(BASELINE_S, num(baselineSeconds));
        m.put(ALARM_PRESET, alarmPreset);
        m.put(BETA_DROP_PCT, num(betaDropPct));
        m.put(BETA_LOW_HZ, num(betaLowHz));
        m.put(BETA_HIGH_HZ, num(betaHighHz));
        m.put(ALPHA_REL_DROP_PCT, num(alphaRelDropPct));
        m.put(ADR_DROP_PCT, num(alphaDeltaDropPct));
        m.put(PERSISTENCE_S, num(persistenceSeconds));
        m.put(BSR_ALARM, Boolean.toString(bsrAlarm));
        m.put(BSR_ALARM_PCT, num(bsrAlarmPct));
        m.put("bands", "delta 0.5-4, theta 4-8, alpha 8-13, beta 13-30 Hz (relative to the spectrum's limits)");
        return m;
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.3g", v);
    }
}
