package org.openionm.modality.emg.freerun.audio;

import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The loudspeaker of free-run EMG, as the workbench controls it (an OSGi service of the free-run EMG
 * bundle). Sound is off until a workbench turns it on: a headless analysis never plays.
 *
 * @since 0.2.0
 */
public interface EmgAudioControl {

    /** Turns the sound on or off (on: the system's default output, opened at once). */
    void enabled(boolean on);

    boolean enabled();

    /** Plays only these channels (labels); empty plays every free-run channel. */
    void select(Set<String> channels);

    /** Silences the sound for {@code seconds} of case time; it comes back by itself, like the alarm pause. */
    void mute(double seconds);

    void unmute();

    /** Case time the mute ends; -∞ when not muted. */
    double mutedUntil();

    /** The current case time as the EMG processor has it (end of its last block). */
    double now();

    /** "playing on …", "no sound device: …", "off". */
    String status();

    /**
     * Hears, on the processing thread, the end (acquisition sample index, exclusive) of each block of EMG
     * sound as it is handed to the loudspeaker's queue — while the sound is on, muted or not, with or
     * without a device; null removes it. For the end-to-end latency figure of {@code ./openionm bench emg}.
     *
     * @since 0.2.0
     */
    void soundMonitor(LongConsumer blockEnd);
}
