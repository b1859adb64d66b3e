package org.openionm.modality.ssep.internal;

/**
 * A named alarm criterion with its source. Thresholds here are the preset's defaults; the
 * effective values are settings and may be edited.
 *
 * @param confirmations consecutive averages that must meet the criterion before the alarm
 */
public record AlarmPreset(String name, String source, double amplitudeDecreasePercent,
        double latencyIncreasePercent, int confirmations) {

    public static final AlarmPreset ASNM_2024 = new AlarmPreset("ASNM 2024",
            "ASNM 2024 (Toleikis et al., doi 10.1007/s10877-024-01201-x)", 50, 10, 2);

    /** Criterion text with the effective thresholds, e.g. for {@code AlarmCondition.criterion}. */
    public String describe(double amplitudePercent, double latencyPercent, int n) {
        return String.format(java.util.Locale.ROOT,
                "%s: amplitude decrease >= %.0f %% and/or latency increase >= %.0f %%, confirmed on %d consecutive averages",
                source, amplitudePercent, latencyPercent, n);
    }
}
