package org.openionm.modality.emg.freerun.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openionm.core.processing.SettingDescriptor;
import org.openionm.core.processing.SettingDescriptor.Option;
import org.openionm.core.processing.SettingValues;

/**
 * The free-running EMG processor's settings: keys, descriptors (with the source of every default) and
 * the effective values of one acquisition. Numbers that have no published source say so: they are
 * OpenIONM's operational choices, tested against the simulator's ground truth, not clinical facts.
 */
public record FreeRunSettings(double highpassHz, double lowpassHz, int filterOrder, double blankPreMs,
        double blankPostMs, double blankTrainMs, double cauterySlopeUvPerMs, double cauteryHoldoffS, double detectK,
        double detectMinUv, double episodeGapMs, double neurotonicMinS, int neurotonicMinDischarges,
        double aTrainMinHz, double aTrainMaxHz, double aTrainMinUv, int aTrainMinHalfWaves, double aTrainGapMs,
        double clusterWindowMs, double clusterFraction, boolean excludeClusters, String preset, double prellMildS,
        double prellSevereS, double quotedS, boolean alarmATrain, boolean alarmNeurotonic, double publishS) {

    public static final String HIGHPASS_HZ = "filter.highpass.hz";
    public static final String LOWPASS_HZ = "filter.lowpass.hz";
    public static final String FILTER_ORDER = "filter.order";
    public static final String BLANK_PRE_MS = "blank.pre.ms";
    public static final String BLANK_POST_MS = "blank.post.ms";
    public static final String BLANK_TRAIN_MS = "blank.train.ms";
    public static final String CAUTERY_SLOPE = "cautery.slope.uvPerMs";
    public static final String CAUTERY_HOLDOFF_S = "cautery.holdoff.s";
    public static final String DETECT_K = "detect.k";
    public static final String DETECT_MIN_UV = "detect.minUv";
    public static final String EPISODE_GAP_MS = "episode.gap.ms";
    public static final String NEUROTONIC_MIN_S = "neurotonic.min.s";
    public static final String NEUROTONIC_MIN_DISCHARGES = "neurotonic.min.discharges";
    public static final String ATRAIN_MIN_HZ = "atrain.min.hz";
    public static final String ATRAIN_MAX_HZ = "atrain.max.hz";
    public static final String ATRAIN_MIN_UV = "atrain.minUv";
    public static final String ATRAIN_MIN_HALFWAVES = "atrain.min.halfwaves";
    public static final String ATRAIN_GAP_MS = "atrain.gap.ms";
    public static final String CLUSTER_WINDOW_MS = "cluster.window.ms";
    public static final String CLUSTER_FRACTION = "cluster.fraction";
    public static final String EXCLUDE_CLUSTERS = "traintime.excludeClusters";
    /** Train-time thresholds: {@link #PRELL_2007} or {@link #QUOTED}. */
    public static final String PRESET = "alarm.traintime.preset";
    public static final String PRELL_2007 = "prell2007";
    public static final String QUOTED = "quoted2.5";
    public static final String PRELL_MILD_S = "alarm.traintime.prell.mild.s";
    public static final String PRELL_SEVERE_S = "alarm.traintime.prell.severe.s";
    public static final String QUOTED_S = "alarm.traintime.quoted.s";
    public static final String ALARM_ATRAIN = "alarm.atrain.enabled";
    public static final String ALARM_NEUROTONIC = "alarm.neurotonic.enabled";
    public static final String PUBLISH_S = "publish.s";

    static final String PRELL = "Prell 2007, J Neurosurg 106:826 (facial nerve, vestibular schwannoma)";
    private static final String TEXTBOOK = "textbook (IONM reference, free-run EMG: 10–30 Hz to 3–5 kHz)";
    private static final String ROMSTOCK = "Romstöck 2000 via textbook values (~60–210 Hz, ~100–200 µV; the paper's"
            + " numeric definition was not retrieved)";
    private static final String RAMPP = "Rampp 2023 (A-train clusters: sudden A-trains in most channels at once)";
    private static final String OPENIONM = "OpenIONM choice (no published value), tested on the simulator";

    /** Every setting with unit, range, default and the source of the default. */
    public static final List<SettingDescriptor> DESCRIPTORS = List.of(
            SettingDescriptor.choice(PRESET, "Train-time thresholds", List.of(
                    new Option(PRELL_2007, "Facial nerve, Prell 2007: > 0.5 s mild, > 10 s severe deterioration"),
                    new Option(QUOTED, "2.5 s cut-off: commonly quoted, NOT sourced (no publication found)")),
                    PRELL_2007, PRELL),
            SettingDescriptor.number(PRELL_MILD_S, "Prell 2007: train time above which mild deterioration is likely",
                    "s", 0.1, 600, 0.5, false, PRELL),
            SettingDescriptor.number(PRELL_SEVERE_S, "Prell 2007: train time above which severe deterioration is likely"
                    + " (HIGH alarm)", "s", 0.1, 600, 10, false, PRELL),
            SettingDescriptor.number(QUOTED_S, "Quoted cut-off (HIGH alarm): no published source found", "s", 0.1, 600,
                    2.5, false, "commonly quoted; NOT sourced — no publication found for 2.5 s (see docs/emg.md)"),
            SettingDescriptor.flag(ALARM_ATRAIN, "MEDIUM alarm on an A-train", true, "issue 11 (MEDIUM by default)"),
            SettingDescriptor.flag(ALARM_NEUROTONIC, "MEDIUM alarm on a neurotonic discharge", true,
                    "issue 11 (MEDIUM by default)"),
            SettingDescriptor.flag(EXCLUDE_CLUSTERS, "Leave A-train clusters out of train time", true,
                    RAMPP + ": removing them improved outcome prediction, χ² 54.8 vs 51.3"),
            SettingDescriptor.number(HIGHPASS_HZ, "High-pass corner", "Hz", 1, 200, 30, false, TEXTBOOK),
            SettingDescriptor.number(LOWPASS_HZ, "Low-pass corner", "Hz", 500, 5000, 3000, false, TEXTBOOK),
            SettingDescriptor.number(FILTER_ORDER, "Butterworth order (causal)", "", 1, 4, 2, true,
                    OPENIONM + ": little ringing on spikes"),
            SettingDescriptor.number(BLANK_PRE_MS, "Stimulus blanking before each stimulus", "ms", 0, 5, 0.5, false,
                    OPENIONM),
            SettingDescriptor.number(BLANK_POST_MS, "Stimulus blanking after each pulse (stimulus rejection period)",
                    "ms", 0, 50, 5, false, "Medtronic NIM 'stimulus rejection period' (adjustable); 5 ms " + OPENIONM),
            SettingDescriptor.number(BLANK_TRAIN_MS, "Blanking after a train's last pulse (its evoked MEP)", "ms", 0,
                    300, 100, false, "the TcMEP analysis window (100 ms, textbook)"),
            SettingDescriptor.number(CAUTERY_SLOPE, "Electrocautery: RMS slope over 10 ms above", "uV/ms", 1000,
                    1_000_000, 20_000, false, OPENIONM + " (a 5 mV A-train at 210 Hz has 4.7 mV/ms)"),
            SettingDescriptor.number(CAUTERY_HOLDOFF_S, "Electrocautery: nothing judged until this long after it ends",
                    "s", 0, 10, 2, false, OPENIONM + " (amplifier recovery after saturation)"),
            SettingDescriptor.number(DETECT_K, "Discharge threshold: k × background (1.25 × mean |x|)", "", 2, 50, 6,
                    false, OPENIONM),
            SettingDescriptor.number(DETECT_MIN_UV, "Discharge threshold at least", "uV", 5, 5000, 30, false,
                    OPENIONM + " (NIM's thyroid event threshold is 100 µV)"),
            SettingDescriptor.number(EPISODE_GAP_MS, "Discharges closer than this form one episode", "ms", 20, 2000,
                    250, false, OPENIONM),
            SettingDescriptor.number(NEUROTONIC_MIN_S, "Neurotonic discharge: episode lasting at least", "s", 0.1, 30,
                    0.5, false, OPENIONM),
            SettingDescriptor.number(NEUROTONIC_MIN_DISCHARGES, "Neurotonic discharge: at least this many discharges",
                    "", 2, 1000, 5, true, OPENIONM),
            SettingDescriptor.number(ATRAIN_MIN_HZ, "A-train: lowest frequency", "Hz", 20, 500, 60, false, ROMSTOCK),
            SettingDescriptor.number(ATRAIN_MAX_HZ, "A-train: highest frequency", "Hz", 20, 1000, 210, false, ROMSTOCK),
            SettingDescriptor.number(ATRAIN_MIN_UV, "A-train: half-waves at least", "uV", 5, 5000, 50, false,
                    OPENIONM + ": half the ~100 µV lower bound of " + ROMSTOCK),
            SettingDescriptor.number(ATRAIN_MIN_HALFWAVES, "A-train: regular half-waves before it counts", "", 4, 100,
                    6, true, OPENIONM + " (3 cycles)"),
            SettingDescriptor.number(ATRAIN_GAP_MS, "A-train ends after this long without a regular half-wave", "ms", 5,
                    500, 25, false, OPENIONM),
            SettingDescriptor.number(CLUSTER_WINDOW_MS, "A-train cluster: onsets within", "ms", 10, 2000, 100, false,
                    RAMPP + "; 'at once' operationalised, " + OPENIONM),
            SettingDescriptor.number(CLUSTER_FRACTION, "A-train cluster: more than this fraction of the channels",
                    "", 0.1, 1, 0.5, false, RAMPP + " ('most channels')"),
            SettingDescriptor.number(PUBLISH_S, "Train time published at least every", "s", 0.5, 60, 5, false,
                    OPENIONM));

    /** Effective settings from a processor context's map; missing keys take their defaults. */
    public static FreeRunSettings from(Map<String, ?> values) {
        SettingValues v = SettingValues.of(DESCRIPTORS, values);
        return new FreeRunSettings(v.number(HIGHPASS_HZ), v.number(LOWPASS_HZ), (int) v.number(FILTER_ORDER),
                v.number(BLANK_PRE_MS), v.number(BLANK_POST_MS), v.number(BLANK_TRAIN_MS), v.number(CAUTERY_SLOPE),
                v.number(CAUTERY_HOLDOFF_S), v.number(DETECT_K), v.number(DETECT_MIN_UV), v.number(EPISODE_GAP_MS),
                v.number(NEUROTONIC_MIN_S), (int) v.number(NEUROTONIC_MIN_DISCHARGES), v.number(ATRAIN_MIN_HZ),
                v.number(ATRAIN_MAX_HZ), v.number(ATRAIN_MIN_UV), (int) v.number(ATRAIN_MIN_HALFWAVES),
                v.number(ATRAIN_GAP_MS), v.number(CLUSTER_WINDOW_MS), v.number(CLUSTER_FRACTION),
                v.flag(EXCLUDE_CLUSTERS), v.choice(PRESET), v.number(PRELL_MILD_S), v.number(PRELL_SEVERE_S),
                v.number(QUOTED_S), v.flag(ALARM_ATRAIN), v.flag(ALARM_NEUROTONIC), v.number(PUBLISH_S));
    }

    public static FreeRunSettings defaults() {
        return from(Map.of());
    }

    /** The train time (s) above which the HIGH alarm is raised under the chosen preset. */
    public double severeSeconds() {
        return QUOTED.equals(preset) ? quotedS : prellSevereS;
    }

    /** The train time (s) the display marks as "mild" (Prell 2007); the quoted preset has none: NaN. */
    public double mildSeconds() {
        return QUOTED.equals(preset) ? Double.NaN : prellMildS;
    }

    /** Human-readable name and source of the chosen preset, for alarms and provenance. */
    public String presetText() {
        return QUOTED.equals(preset)
                ? "train time > " + num(quotedS) + " s (commonly quoted cut-off, NOT sourced)"
                : "train time > " + num(prellSevereS) + " s (" + PRELL + ": severe deterioration)";
    }

    /** Every effective value as text, for provenance. */
    public Map<String, String> asText(Map<String, ?> values) {
        Map<String, String> text = new TreeMap<>();
        SettingValues.of(DESCRIPTORS, values).asMap().forEach((k, v) -> text.put(k, SettingDescriptor.format(v)));
        return text;
    }

    static String num(double value) {
        return SettingDescriptor.format(Math.round(value * 1000) / 1000.0);
    }
}
