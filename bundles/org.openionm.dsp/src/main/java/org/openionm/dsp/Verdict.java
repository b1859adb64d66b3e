package org.openionm.dsp;

/**
 * Outcome of artifact checking for one sweep. A rejected sweep always says which rule and why, so
 * nothing is dropped silently; {@code pauseAveraging} asks the caller to hold averaging (cautery).
 *
 * @param sweep the sweep to average if accepted: the input with the stimulus artifact blanked
 */
public record Verdict(boolean accepted, String rule, String reason, boolean pauseAveraging, float[] sweep) {

    static Verdict accept(float[] sweep) {
        return new Verdict(true, "", "accepted", false, sweep);
    }

    static Verdict reject(String rule, String reason, boolean pause, float[] sweep) {
        return new Verdict(false, rule, reason, pause, sweep);
    }
}
