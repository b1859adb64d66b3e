package org.openionm.modality.ssep.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openionm.core.processing.SettingDescriptor;
import org.openionm.core.processing.SettingValues;

/** Setting keys, their descriptors (unit, range, default, source) and the effective values. */
final class SsepSettings {

    static final String UPPER_WINDOW = "upper.window.ms";
    static final String LOWER_WINDOW = "lower.window.ms";
    static final String UPPER_SWEEPS = "upper.sweeps";
    static final String LOWER_SWEEPS = "lower.sweeps";
    static final String CORTICAL_HP = "cortical.highpass.hz";
    static final String CORTICAL_LP = "cortical.lowpass.hz";
    static final String SUBCORTICAL_HP = "subcortical.highpass.hz";
    static final String SUBCORTICAL_LP = "subcortical.lowpass.hz";
    static final String FILTER_ORDER = "filter.order";
    static final String BLANKING = "reject.blanking.ms";
    static final String SATURATION = "reject.saturation.margin.percent";
    static final String AMPLITUDE = "reject.amplitude.uv";
    static final String CAUTERY_HP = "reject.cautery.highpass.hz";
    static final String CAUTERY_RMS = "reject.cautery.rms.uv";
    static final String UPDATE_SWEEPS = "average.update.sweeps";
    static final String PEAK_K = "peak.prominence.k";
    static final String TRACK_K = "peak.tracking.k";
    static final String TRACK_MS = "peak.tracking.margin.ms";
    static final String ALARM_AMPLITUDE = "alarm.amplitude.decrease.percent";
    static final String ALARM_LATENCY = "alarm.latency.increase.percent";
    static final String ALARM_CONFIRM = "alarm.confirmations";
    static final String ALARM_SUBCORTICAL = "alarm.subcortical";
    static final String AMPLITUDE_METHOD = "alarm.amplitude.method";
    static final String METHOD_PROJECTION = "projection";
    static final String METHOD_PEAK = "peak";
    static final String CLEAR_AMPLITUDE = "alarm.clear.amplitude.decrease.percent";
    static final String CLEAR_LATENCY = "alarm.clear.latency.increase.percent";
    static final String CLEAR_CONFIRM = "alarm.clear.confirmations";
    static final String SEQUENTIAL = "sequential.enabled";
    static final String SEQUENTIAL_DROP = "sequential.drop.percent";
    static final String SEQUENTIAL_THRESHOLD = "sequential.false.flag.sweeps";

    private static final String TEXTBOOK = "textbook (IONM-REFERENCE.md, SSEP)";
    private static final String OWN = "OpenIONM engineering default";

    private SsepSettings() {
    }

    static List<SettingDescriptor> descriptors() {
        AlarmPreset asnm = AlarmPreset.ASNM_2024;
        List<SettingDescriptor> list = new ArrayList<>(List.of(
                new SettingDescriptor(UPPER_WINDOW, "Sweep window, upper limb", "ms", 20, 200, 50, false,
                        TEXTBOOK + ": median 40–60 ms"),
                new SettingDescriptor(LOWER_WINDOW, "Sweep window, lower limb", "ms", 40, 300, 100, false,
                        TEXTBOOK + ": tibial 80–100 ms"),
                // 300 left the simulated N20–P25 wandering ±45 % over an hour of moving averages
                // (one false −50 % alarm per hour); 500 is also what the lower limb uses
                new SettingDescriptor(UPPER_SWEEPS, "Sweeps per average, upper limb", "", 2, 4000, 500, true,
                        TEXTBOOK + ": 300 sweeps at 4.7 Hz take 64 s; OpenIONM default 500 (158 s at 3.17 Hz)"),
                new SettingDescriptor(LOWER_SWEEPS, "Sweeps per average, lower limb", "", 2, 4000, 500, true,
                        "MacDonald 2005 (Clin Neurophysiol 116:1858): standard P37 512 sweeps"),
                // every 15 sweeps ≈ 4.7 s at 3.17 Hz; set it to the sweep count for block averages
                new SettingDescriptor(UPDATE_SWEEPS, "New average every", "sweeps", 1, 4000, 15, true,
                        OWN + ": moving average, so a change shows within one window"),
                new SettingDescriptor(CORTICAL_HP, "Cortical high-pass", "Hz", 1, 300, 30, false,
                        TEXTBOOK + ": cortical 10–30 Hz"),
                new SettingDescriptor(CORTICAL_LP, "Cortical low-pass", "Hz", 100, 5000, 1000, false,
                        TEXTBOOK + ": cortical 500–1000 Hz"),
                new SettingDescriptor(SUBCORTICAL_HP, "Subcortical/peripheral high-pass", "Hz", 1, 300, 30, false,
                        TEXTBOOK + ": subcortical/peripheral 30 Hz"),
                new SettingDescriptor(SUBCORTICAL_LP, "Subcortical/peripheral low-pass", "Hz", 100, 5000, 3000, false,
                        TEXTBOOK + ": subcortical/peripheral 1–3 kHz"),
                new SettingDescriptor(FILTER_ORDER, "Butterworth band-pass order (zero-phase)", "", 1, 8, 2, true,
                        "IONM-REFERENCE.md, Filters and latency: 4th-order Butterworth, zero-phase"),
                new SettingDescriptor(BLANKING, "Stimulus artifact blanking", "ms", 0, 5, 2, false,
                        TEXTBOOK + ": blank the first 1–3 ms"),
                new SettingDescriptor(SATURATION, "Saturation margin from the rails", "%", 0, 50, 5, false,
                        TEXTBOOK + ": reject at ~90–95 % of full scale"),
                new SettingDescriptor(AMPLITUDE, "Amplitude rejection threshold", "uV", 5, 5000, 100, false,
                        TEXTBOOK + ": 50–100 uV cortical"),
                new SettingDescriptor(CAUTERY_HP, "Electrocautery detector high-pass", "Hz", 200, 10000, 2000, false,
                        OWN + ": above EP energy, cautery is broadband"),
                new SettingDescriptor(CAUTERY_RMS, "Electrocautery detector threshold", "uV", 1, 1000, 30, false, OWN),
                // k = 3 let pure noise through in 10 of 30 seeded 9 ms windows (max 4.8): a false N20 is
                // false reassurance, so the default is stricter than the reference's example
                new SettingDescriptor(PEAK_K, "Peak prominence over noise", "", 1, 10, 5, false,
                        "IONM-REFERENCE.md, Peak detection: prominence > k x noise (+/- average), e.g. 3;"
                                + " OpenIONM default 5 (k = 3 passed noise-only windows in 10 of 30 simulations)"),
                new SettingDescriptor(TRACK_K, "Peak prominence over noise, tracking a baseline peak", "", 0, 10, 2,
                        false, OWN + ": the latency is known from the baseline, so less evidence is needed;"
                                + " a lost response still reads as an amplitude drop"),
                new SettingDescriptor(TRACK_MS, "Tracking window margin around the baseline latency", "ms", 0.5, 10,
                        5, false, OWN + ": about a component's width, so its prominence is judged against"
                                + " the trace around it"),
                new SettingDescriptor(ALARM_AMPLITUDE, "Alarm: amplitude decrease", "%", 10, 100,
                        asnm.amplitudeDecreasePercent(), false, asnm.source()),
                new SettingDescriptor(ALARM_LATENCY, "Alarm: latency increase", "%", 1, 50,
                        asnm.latencyIncreasePercent(), false, asnm.source()),
                new SettingDescriptor(ALARM_CONFIRM, "Alarm: consecutive averages to confirm", "", 1, 10,
                        asnm.confirmations(), true, asnm.source() + " (confirmed on a repeat average)"),
                SettingDescriptor.flag(ALARM_SUBCORTICAL, "Alarm on subcortical N13/N34 too", false,
                        OWN + ": cortical responses carry the criteria; cervical ones are small and noisy"),
                // peak picking on noise reads a small response too large (-78 % for a true -85 %, issue 17);
                // the projection on the baseline waveform is unbiased. Aligned by the noisy peak latency it
                // raised one false -51 % alarm (simulator seed 6); aligned by cross-correlation cross-fitted
                // on the odd/even half-averages it does not — but through the engine on the stable cautery
                // scenario (ScenarioAlarmsIntegrationTest, seed 2) it read -52 % on tibial.left where the peak read
                // -36 %: the peak stays the default until that is understood (docs/evoked-alarms.md)
                SettingDescriptor.choice(AMPLITUDE_METHOD, "Alarm: amplitude measured by", List.of(
                        new SettingDescriptor.Option(METHOD_PROJECTION, "projection on the baseline waveform"),
                        new SettingDescriptor.Option(METHOD_PEAK, "peak-to-peak of the picked peaks")),
                        METHOD_PEAK, OWN + ": the projection is within 5 points of the truth for -50…-90 % (peak-to-peak:"
                                + " -79 % for a true -90 %) but read one stable site -52 % through the engine; both are in every"
                                + " measurement's provenance"),
                // hysteresis: a value hovering at the criterion must not clear and recur every few seconds
                new SettingDescriptor(CLEAR_AMPLITUDE, "Alarm clears when the amplitude decrease is below", "%", 0,
                        100, 40, false, OWN + ": 10 points inside the -50 % criterion (issue 17), about 3 SD of a"
                                + " 500-sweep average's projected amplitude"),
                new SettingDescriptor(CLEAR_LATENCY, "Alarm clears when the latency increase is below", "%", 0, 50, 8,
                        false, OWN + ": 2 points inside the 10 % criterion, several SD of a tracked latency"),
                new SettingDescriptor(CLEAR_CONFIRM, "Alarm: consecutive recovered averages to clear", "", 1, 20, 3,
                        true, OWN + ": about 14 s of moving averages renewed every 15 sweeps"),
                SettingDescriptor.flag(SEQUENTIAL, "Early 'possible change' (sequential test on single sweeps)", false,
                        OWN + ": CUSUM (Page 1954) of each sweep's projection on the baseline waveform; off by default"
                                + " — at the simulator's single-sweep SNR it flags after the moving average and, over"
                                + " a stable hour at 10 kHz, falsely on 2 sites (docs/evoked-alarms.md)"),
                new SettingDescriptor(SEQUENTIAL_DROP, "Possible change: amplitude decrease the test looks for", "%",
                        10, 90, 50, false, "ASNM 2024 amplitude criterion (Toleikis et al. 2024)"),
                new SettingDescriptor(SEQUENTIAL_THRESHOLD, "Possible change: mean sweeps between false flags",
                        "sweeps", 1e4, 1e9, SequentialDetector.DEFAULT_FALSE_FLAG_SWEEPS, false, OWN
                                + ": 1e7 ≈ 880 h of one site at 3.17 Hz; sets the CUSUM threshold (Siegmund)")));
        for (ComponentNorm c : ComponentNorm.ALL) {
            list.add(new SettingDescriptor(c.fromKey(), c.name() + " window start", "ms", 1, 150, c.fromMs(), false,
                    c.source()));
            list.add(new SettingDescriptor(c.toKey(), c.name() + " window end", "ms", 2, 200, c.toMs(), false,
                    c.source()));
        }
        return List.copyOf(list);
    }

    /** Defaults overlaid with the context's values, each validated against its descriptor. */
    static SettingValues effective(Map<String, ?> given) {
        return SettingValues.of(descriptors(), given);
    }

    /** The number settings of {@code values} (filters, windows, thresholds…), as the analysis reads them. */
    static Map<String, Double> numbers(SettingValues values) {
        Map<String, Double> out = new HashMap<>();
        for (SettingDescriptor d : descriptors()) {
            if (d.kind() == SettingDescriptor.Kind.NUMBER) {
                out.put(d.key(), values.number(d.key()));
            }
        }
        return Map.copyOf(out);
    }
}
