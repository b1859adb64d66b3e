package org.openionm.dsp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openionm.core.model.Channel;

/**
 * Checks sweeps of one channel: blanks the first {@code blankingMs} (the stimulus artifact is
 * time-locked, so averaging would keep it), then applies the rules in order; the first violation
 * rejects. Counts rejections per rule because too tight a threshold biases the average.
 */
public final class ArtifactRejector {

    private final Channel channel;
    private final double blankingMs;
    private final int blankSamples;
    private final List<ArtifactRule> rules;
    private final Map<String, Integer> rejected = new LinkedHashMap<>();
    private int accepted;

    public ArtifactRejector(Channel channel, double blankingMs, List<ArtifactRule> rules) {
        this.channel = Objects.requireNonNull(channel, "channel");
        if (!(blankingMs >= 0)) {
            throw new IllegalArgumentException("blanking must be >= 0 ms, was " + blankingMs);
        }
        this.blankingMs = blankingMs;
        this.blankSamples = (int) Math.ceil(blankingMs * channel.samplingRateHz() / 1000);
        this.rules = List.copyOf(rules);
    }

    public Verdict check(float[] sweep) {
        float[] out = sweep.clone();
        int from = Math.min(blankSamples, out.length);
        if (from > 0 && from < out.length) {
            // hold the first clean value: no step for the filters and no artifact in the average
            java.util.Arrays.fill(out, 0, from, out[from]);
        }
        for (ArtifactRule rule : rules) {
            String why = rule.violation(out, from, channel);
            if (why != null) {
                rejected.merge(rule.name(), 1, Integer::sum);
                return Verdict.reject(rule.name(), why, rule.pauses(), out);
            }
        }
        accepted++;
        return Verdict.accept(out);
    }

    public int acceptedCount() { return accepted; }

    /** Rejections by rule name, in the order they first happened. */
    public Map<String, Integer> rejectedCounts() { return Map.copyOf(rejected); }

    public String describe() {
        StringBuilder sb = new StringBuilder("artifact rejection on " + channel.label() + ": blank "
                + Butterworth.hz(blankingMs) + " ms");
        for (ArtifactRule r : rules) {
            sb.append(", ").append(text(r));
        }
        return sb.toString();
    }

    /** A rule as the provenance (and the screen) says it, not the record's toString (issue 16). */
    static String text(ArtifactRule rule) {
        return switch (rule) {
            case ArtifactRule.Saturation s -> "saturation within " + Butterworth.hz(s.marginPercent()) + " % of the rails";
            case ArtifactRule.AmplitudeThreshold a -> "amplitude above " + Butterworth.hz(a.thresholdUv()) + " µV";
            case ArtifactRule.Cautery c -> "electrocautery above " + Butterworth.hz(c.rmsThresholdUv()) + " µV rms over "
                    + Butterworth.hz(c.highPassHz()) + " Hz (pauses averaging)";
        };
    }
}
