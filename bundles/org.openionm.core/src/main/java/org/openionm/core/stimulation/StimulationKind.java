package org.openionm.core.stimulation;

/**
 * What a stimulation site is for, declared by whoever builds the program (a factory method of
 * {@link PeriodicStimulation}, a scenario, a protocol) and carried by every {@code StimulusEvent}
 * it delivers. The scheduler's {@link TrainGuard} and the processors go by this declaration, never by
 * the site's id.
 *
 * @since 0.2.0
 */
public enum StimulationKind {

    /** Responses averaged over many stimuli at a steady rate (SSEP): paused around every {@link #TRAIN}. */
    AVERAGED,
    /** A single-trial train (transcranial MEP), periodic or on demand: {@link #AVERAGED} sites pause around it. */
    TRAIN,
    /** An intensity ramp (triggered EMG): never paused, a skipped step would change the ramp. */
    RAMP,
    /** Single trials that neither pause others nor are paused, e.g. an on-demand single pulse. */
    SINGLE;

    /** Lower-case name as files and the user interface write it ({@code averaged}, {@code train} …). */
    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The kind written as {@link #token()}; an {@link IllegalArgumentException} names the known ones. */
    public static StimulationKind ofToken(String token) {
        for (StimulationKind k : values()) {
            if (k.token().equals(token)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown stimulation kind '" + token + "'; known: averaged, train, ramp, single");
    }
}
