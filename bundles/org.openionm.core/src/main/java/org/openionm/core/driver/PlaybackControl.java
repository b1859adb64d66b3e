package org.openionm.core.driver;

/**
 * The transport of a driver that plays a recording (issue 16): where it is, pause, seek and speed.
 * The same pipeline runs as for an amplifier; only the pace of the blocks changes. The sample clock
 * only moves forward, so a seek ahead is a gap the engine reports like any other, and a seek back is
 * refused: the caller restarts the playback from there (the driver's start option).
 * Thread-safe: the UI calls it while the driver's thread plays.
 *
 * @since 0.3.0
 */
public interface PlaybackControl {

    /** Speed meaning "as fast as the consumers take it". */
    double AS_FAST_AS_POSSIBLE = Double.POSITIVE_INFINITY;

    /** The recording played, as the user knows it (its file name). */
    String sourceName();

    /** Seconds of the recording played so far (recording time of the next sample). */
    double positionSeconds();

    /** Length of the recording in seconds. */
    double durationSeconds();

    boolean isPaused();

    /** Holds the playback after the block being delivered; nothing more arrives until {@link #resume}. */
    void pause();

    void resume();

    /**
     * Continues at recording second {@code seconds}: the samples skipped are a gap.
     *
     * @throws IllegalArgumentException when {@code seconds} lies before the position or past the end
     */
    void seek(double seconds);

    /** Playback speed: 1 is real time, {@link #AS_FAST_AS_POSSIBLE} does not wait. */
    double speed();

    /**
     * @throws IllegalArgumentException for a speed that is not positive
     */
    void setSpeed(double speed);
}
