package org.openionm.core.model;

import java.util.Objects;

/**
 * A time-stamped note in the recording: a clinical event, a technical event, or the simulator's
 * ground truth. Written to EDF+ as a TAL annotation and read back from it.
 *
 * @param sampleIndex     onset on the acquisition's sample clock
 * @param durationSeconds duration, 0 for an instant
 * @param text            UTF-8 text, as the field writes it (e.g. "Clamp on", "Lead off Erb-L")
 * @param kind            who made it and why
 */
public record Annotation(long sampleIndex, double durationSeconds, String text, Kind kind) {

    /** Where an annotation comes from. */
    public enum Kind {
        /** Entered by the technologist or neurophysiologist (incision, screw L4-left, clamp on). */
        CLINICAL,
        /** Produced by the system: data gaps, overflows, out-of-range samples, amplifier events. */
        TECHNICAL,
        /** A scripted simulator event: what tests and trainees compare against. */
        GROUND_TRUTH
    }

    public Annotation {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        if (sampleIndex < 0) {
            throw new IllegalArgumentException("annotation sample index must be >= 0, was " + sampleIndex);
        }
        if (!(durationSeconds >= 0) || Double.isInfinite(durationSeconds)) {
            throw new IllegalArgumentException("annotation duration must be >= 0 s, was " + durationSeconds);
        }
    }
}
