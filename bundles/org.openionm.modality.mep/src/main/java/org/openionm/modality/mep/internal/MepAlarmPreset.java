package org.openionm.modality.mep.internal;

import org.openionm.core.processing.AlarmCondition.Priority;

/**
 * TcMEP warning criteria as named presets, each with its priority and source. Labels carry the
 * effective (possibly edited) numbers so an alarm states the rule that actually fired.
 */
public enum MepAlarmPreset {

    LOSS("loss of response (all-or-none)", Priority.HIGH,
            "MacDonald 2017, J Clin Neurophysiol 34:4: loss of response is always a major warning"),
    AMPLITUDE_SPINAL("amplitude ↓ > %s %% (spinal cord)", Priority.HIGH,
            "MacDonald 2017, J Clin Neurophysiol 34:4: spinal cord, amplitude decrease > 80 %"),
    AMPLITUDE_BRAIN("amplitude ↓ > %s %% (brain, brainstem, facial)", Priority.HIGH,
            "MacDonald 2017, J Clin Neurophysiol 34:4: brain, brainstem and facial, amplitude decrease > 50 %"),
    THRESHOLD("threshold ↑ ≥ %s V", Priority.MEDIUM,
            "MacDonald 2017, J Clin Neurophysiol 34:4: sustained threshold increase >= 100 V (minor/moderate)"),
    MORPHOLOGY("morphology simplification (phases ↓ ≥ %s %% or to 1)", Priority.LOW,
            "OpenIONM rule after MacDonald 2017, J Clin Neurophysiol 34:4 (morphology is a minor criterion)");

    private final String pattern;
    private final Priority priority;
    private final String source;

    MepAlarmPreset(String pattern, Priority priority, String source) {
        this.pattern = pattern;
        this.priority = priority;
        this.source = source;
    }

    public Priority priority() {
        return priority;
    }

    /** Where the rule and its default come from. */
    public String source() {
        return source;
    }

    /** The rule with the effective threshold, e.g. "amplitude ↓ > 80 % (spinal cord)". */
    public String label(MepSettings s) {
        return switch (this) {
            case LOSS -> pattern;
            case AMPLITUDE_SPINAL -> pattern.formatted(MepSettings.num(s.amplitudeSpinalPct()));
            case AMPLITUDE_BRAIN -> pattern.formatted(MepSettings.num(s.amplitudeBrainPct()));
            case THRESHOLD -> pattern.formatted(MepSettings.num(s.thresholdRiseV()));
            case MORPHOLOGY -> pattern.formatted(MepSettings.num(s.morphologyDropPct()));
        };
    }

    /** Criterion text for an {@code AlarmCondition}: rule and source. */
    public String criterion(MepSettings s) {
        return "TcMEP " + label(s) + " [" + source + "]";
    }
}
