package org.openionm.modality.emg.freerun.audio;

import java.util.Set;

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
}
