package org.openionm.recording;

/**
 * Told what a {@link Recorder} does. Called on the recorder's thread (the engine's consumer thread,
 * or the caller of {@link Recorder#startRecording()}/{@link Recorder#stopRecording()}): return quickly
 * and never call back into the recorder from here.
 *
 * @since 0.2.0
 */
public interface RecorderListener {

    /**
     * A file was opened or closed ({@link RecorderStatus#state()} RECORDING or STOPPED).
     *
     * @since 0.2.0
     */
    default void stateChanged(RecorderStatus status) {
    }

    /**
     * Recording stopped because writing failed (typically a full disk): the case layer raises a HIGH
     * technical alarm. {@link RecorderStatus#failure()} says why and what the file holds; the
     * acquisition and every other consumer go on.
     *
     * @since 0.2.0
     */
    default void failed(RecorderStatus status) {
    }

    /**
     * Less recording time than the spec's {@link RecordingSpec#lowDiskWarning()} fits on the volume,
     * e.g. "about 40 min of recording left on /data (1.2 GB free, 0.49 MB/s)". Said once when the
     * estimate falls below the threshold, again only after it rose well above (space was freed).
     *
     * @since 0.2.0
     */
    default void lowDisk(RecorderStatus status, String message) {
    }
}
