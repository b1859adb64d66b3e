package org.openionm.driver.simulator.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * One scripted event of a scenario. {@link #truth()} is the ground-truth annotation written at the
 * onset; events with a duration also write {@link #endTruth()} at their end.
 */
sealed interface ScenarioEvent {

    /** Onset in seconds from the start of the acquisition. */
    double atSeconds();

    /** Duration of the event itself (0 for a step or a ramp's change of target). */
    default double durationSeconds() {
        return 0;
    }

    /** Seconds the annotation spans: the event's duration or its ramp. */
    default double annotationSeconds() {
        return durationSeconds();
    }

    String truth();

    /** Text at the end of an event with a duration, or null. */
    default String endTruth() {
        return null;
    }

    /** SSEP amplitude and/or latency of components of one site move to new values over {@code rampSeconds}. */
    record SsepChange(double atSeconds, String site, List<String> components, Double amplitudePercent,
            Double latencyShiftMs, Double latencyPercent, double rampSeconds) implements ScenarioEvent {
        @Override
        public double annotationSeconds() {
            return rampSeconds;
        }

        @Override
        public String truth() {
            String what = components.isEmpty() ? "all components" : String.join(",", components);
            return "TRUTH " + site + " " + what + changes(amplitudePercent, latencyShiftMs, latencyPercent) + ramp(rampSeconds);
        }
    }

    /** MEP amplitude and/or threshold of muscles move to new values. */
    record MepChange(double atSeconds, List<String> muscles, Double amplitudePercent, Double thresholdShiftV,
            double rampSeconds) implements ScenarioEvent {
        @Override
        public double annotationSeconds() {
            return rampSeconds;
        }

        @Override
        public String truth() {
            String text = "TRUTH MEP " + String.join(",", muscles);
            if (amplitudePercent != null) {
                text += " amplitude " + signed(amplitudePercent) + "%";
            }
            if (thresholdShiftV != null) {
                text += (amplitudePercent != null ? "," : "") + " threshold " + signed(thresholdShiftV) + " V";
            }
            return text + ramp(rampSeconds);
        }
    }

    /** A sinusoidal A-train on one channel. */
    record ATrain(double atSeconds, String channel, double durationSeconds, double frequencyHz, double amplitudeUv)
            implements ScenarioEvent {
        @Override
        public String truth() {
            return "TRUTH A-train " + channel + " " + num(frequencyHz) + " Hz " + num(amplitudeUv) + " uV for "
                    + num(durationSeconds) + " s";
        }

        @Override
        public String endTruth() {
            return "TRUTH end A-train " + channel;
        }
    }

    /**
     * Irregular motor-unit spikes (irritation) on one channel: Poisson times at {@code rateHz}, never
     * closer than {@code minIntervalMs} (0: pure Poisson), so a scenario can script spikes that stay
     * isolated.
     */
    record EmgSpikes(double atSeconds, String channel, double durationSeconds, double rateHz, double amplitudeUv,
            double minIntervalMs) implements ScenarioEvent {
        @Override
        public String truth() {
            return "TRUTH EMG spikes " + channel + " " + num(rateHz) + "/s " + num(amplitudeUv) + " uV for "
                    + num(durationSeconds) + " s" + (minIntervalMs > 0 ? " (isolated, >= " + num(minIntervalMs) + " ms apart)" : "");
        }

        @Override
        public String endTruth() {
            return "TRUTH end EMG spikes " + channel;
        }
    }

    /** A burst: {@code count} motor-unit spikes crowded into {@code durationSeconds} (a short, polyphasic discharge). */
    record EmgBurst(double atSeconds, String channel, double durationSeconds, int count, double amplitudeUv)
            implements ScenarioEvent {
        @Override
        public String truth() {
            return "TRUTH EMG burst " + channel + " " + count + " spikes " + num(amplitudeUv) + " uV for "
                    + num(durationSeconds) + " s";
        }

        @Override
        public String endTruth() {
            return "TRUTH end EMG burst " + channel;
        }
    }

    /**
     * A neurotonic discharge: repetitive, irregular motor-unit discharges at {@code rateHz} (Poisson, at
     * least 5 ms apart) for {@code durationSeconds} — what traction or heat of a nerve provokes.
     */
    record Neurotonic(double atSeconds, String channel, double durationSeconds, double rateHz, double amplitudeUv)
            implements ScenarioEvent {
        @Override
        public String truth() {
            return "TRUTH neurotonic discharge " + channel + " " + num(rateHz) + "/s " + num(amplitudeUv) + " uV for "
                    + num(durationSeconds) + " s";
        }

        @Override
        public String endTruth() {
            return "TRUTH end neurotonic discharge " + channel;
        }
    }

    /**
     * An A-train cluster (Rampp 2023): A-trains that start at the same moment on several channels, each
     * at its own frequency ({@code frequencyHz} + 7 Hz per further channel, so they are not one signal).
     */
    record ATrainCluster(double atSeconds, List<String> channels, double durationSeconds, double frequencyHz,
            double amplitudeUv) implements ScenarioEvent {
        @Override
        public String truth() {
            return "TRUTH A-train cluster " + String.join(",", channels) + " " + num(frequencyHz) + " Hz "
                    + num(amplitudeUv) + " uV for " + num(durationSeconds) + " s";
        }

        @Override
        public String endTruth() {
            return "TRUTH end A-train cluster";
        }
    }

    /** The stimulation threshold of a pedicle screw from now on. */
    record ScrewThreshold(double atSeconds, String site, double thresholdMa, List<String> muscles) implements ScenarioEvent {
        @Override
        public String truth() {
            return "TRUTH " + site + " threshold " + num(thresholdMa) + " mA";
        }
    }

    /** Electrocautery: broadband interference beyond the rails, then a recovery tail. */
    record Cautery(double atSeconds, double durationSeconds, List<String> channels) implements ScenarioEvent {
        @Override
        public String truth() {
            return "TRUTH cautery for " + num(durationSeconds) + " s" + (channels.isEmpty() ? "" : " on " + String.join(",", channels));
        }

        @Override
        public String endTruth() {
            return "TRUTH end cautery";
        }
    }

    /** An electrode comes off: flat line or positive rail; {@code durationSeconds} 0 = until a lead-on. */
    record LeadOff(double atSeconds, String channel, double durationSeconds, boolean rail) implements ScenarioEvent {
        @Override
        public String truth() {
            return "TRUTH lead off " + channel + " (" + (rail ? "rail" : "flat") + ")";
        }

        @Override
        public String endTruth() {
            return durationSeconds > 0 ? "TRUTH lead on " + channel : null;
        }
    }

    /** An electrode is reattached. */
    record LeadOn(double atSeconds, String channel) implements ScenarioEvent {
        @Override
        public String truth() {
            return "TRUTH lead on " + channel;
        }
    }

    /** Burst suppression starts (with a target suppression percentage) or ends. */
    record BurstSuppression(double atSeconds, boolean enabled, double suppressionPercent, boolean annotateSuppressions)
            implements ScenarioEvent {
        @Override
        public String truth() {
            return enabled ? "TRUTH burst suppression on (" + num(suppressionPercent) + "% suppressed)"
                    : "TRUTH burst suppression off";
        }
    }

    /** Alpha of one or both hemispheres changes (carotid clamp: ipsilateral loss), optionally with delta. */
    record AlphaChange(double atSeconds, MontageChannel.Side hemisphere, double amplitudePercent, double deltaMicrovolts,
            double fastPercent, double rampSeconds) implements ScenarioEvent {
        @Override
        public double annotationSeconds() {
            return rampSeconds;
        }

        @Override
        public String truth() {
            String where = hemisphere == MontageChannel.Side.MIDLINE ? "both hemispheres"
                    : hemisphere.name().toLowerCase(java.util.Locale.ROOT) + " hemisphere";
            return "TRUTH EEG alpha " + where + " " + signed(amplitudePercent) + "%"
                    + (deltaMicrovolts > 0 ? ", delta " + num(deltaMicrovolts) + " uV" : "")
                    + (fastPercent != 0 ? ", fast activity " + signed(fastPercent) + "%" : "") + ramp(rampSeconds);
        }
    }

    /** Free text for the ground truth (e.g. "clamp on"). */
    record Note(double atSeconds, String text) implements ScenarioEvent {
        @Override
        public String truth() {
            return "TRUTH " + text;
        }
    }

    /** A number without trailing zeros: 3.2, 20, 0.5. */
    static String num(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String signed(double value) {
        return (value > 0 ? "+" : "") + num(value);
    }

    private static String ramp(double seconds) {
        return seconds > 0 ? " over " + num(seconds) + " s" : "";
    }

    private static String changes(Double amplitudePercent, Double latencyShiftMs, Double latencyPercent) {
        String text = "";
        if (amplitudePercent != null) {
            text += " amplitude " + signed(amplitudePercent) + "%";
        }
        if (latencyShiftMs != null) {
            text += (text.isEmpty() ? "" : ",") + " latency " + signed(latencyShiftMs) + " ms";
        }
        if (latencyPercent != null) {
            text += (text.isEmpty() ? "" : ",") + " latency " + signed(latencyPercent) + "%";
        }
        return text;
    }
}
