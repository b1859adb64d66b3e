package org.openionm.recording;

/**
 * What a {@link Recorder} is doing.
 *
 * @since 0.2.0
 */
public enum RecorderState {
    /** A file is open and receiving the acquisition. */
    RECORDING,
    /** No file is open: before the first acquisition, after its end or after {@link Recorder#stopRecording()}. */
    STOPPED,
    /** Writing failed (disk full, I/O error); the file was closed valid up to its last complete record. */
    FAILED
}
