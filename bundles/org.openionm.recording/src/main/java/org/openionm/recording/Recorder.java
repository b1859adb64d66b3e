package org.openionm.recording;

import java.time.Duration;

import org.openionm.acquisition.SampleConsumer;

/**
 * The full-disclosure recorder: an engine consumer that writes every acquisition it receives to
 * EDF+/BDF+ (all channels at the full rate, gaps, stimuli, annotations, amplifier health as
 * {@code HEALTH} annotations). The workbench and the command line use this one.
 * <p>
 * Crash-safe: data records last at most 0.5 s where the rate allows (else the shortest exact
 * duration up to 1 s), each is written as soon as it is complete, and the file is forced to disk at
 * least every 0.5 s; after a crash {@link RecordingRecovery} makes the file valid again. A write
 * failure (full disk) closes the file valid up to its last complete record and turns the recorder
 * {@link RecorderState#FAILED} without disturbing the engine.
 * <p>
 * Thread-safe: the engine calls the {@link SampleConsumer} methods on its consumer thread, any other
 * thread may annotate, stop, start and ask for the status.
 *
 * @since 0.2.0
 */
public interface Recorder extends SampleConsumer {

    /**
     * Writes {@code text} into the recording as an EDF+ annotation at {@code sampleIndex} (the
     * acquisition's sample clock): case events, event-log entries. Ignored (returns false) when no
     * file is open.
     *
     * @since 0.2.0
     */
    boolean annotate(String text, long sampleIndex);

    /**
     * Closes the current file (valid and complete); the acquisition goes on unrecorded until
     * {@link #startRecording()}. Also clears a failure.
     *
     * @since 0.2.0
     */
    void stopRecording();

    /**
     * Starts recording again: a new numbered file from the next block on (never the previous one), or
     * from the start of the next acquisition when none is running.
     *
     * @throws IllegalStateException for a single-file spec that already wrote its file
     * @since 0.2.0
     */
    void startRecording();

    /** @since 0.2.0 */
    RecorderStatus status();

    /** @since 0.2.0 */
    void addListener(RecorderListener listener);

    /** @since 0.2.0 */
    void removeListener(RecorderListener listener);

    /**
     * Waits until the recorder has handled the end of an acquisition ({@link #onStop}): its file is
     * then closed. For a command that runs one acquisition and exits.
     *
     * @return false on timeout
     * @since 0.2.0
     */
    boolean awaitAcquisitionEnd(Duration timeout) throws InterruptedException;
}
