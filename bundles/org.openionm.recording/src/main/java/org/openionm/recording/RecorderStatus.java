package org.openionm.recording;

import java.nio.file.Path;
import java.util.List;

/**
 * A snapshot of a {@link Recorder}.
 *
 * @param state           recording, stopped or failed
 * @param file            the file being written, or the last one written; null before the first
 * @param segments        every file this recorder started, in order
 * @param bytesWritten    bytes of {@code file} written so far (header and complete records)
 * @param samplesWritten  samples per channel in {@code file}
 * @param secondsRecorded seconds of signal in {@code file}
 * @param stimuli         stimuli written to {@code file}
 * @param annotations     annotations (including health reports and {@link Recorder#annotate} texts) written to {@code file}
 * @param bytesPerSecond  file growth of the current recording (data records / record duration); 0 when unknown
 * @param freeBytes       usable bytes on the volume of the recording folder at the last check; -1 when unknown
 * @param secondsLeft     recording time that still fits on the volume at this rate; NaN when unknown
 * @param failure         why recording failed (state FAILED), else null
 * @param warnings        problems the EDF writer reported for {@code file} once it was closed (clamped samples…)
 * @since 0.2.0
 */
public record RecorderStatus(RecorderState state, Path file, List<Path> segments, long bytesWritten, long samplesWritten,
        double secondsRecorded, int stimuli, int annotations, double bytesPerSecond, long freeBytes, double secondsLeft,
        String failure, List<String> warnings) {

    /** @since 0.2.0 */
    public RecorderStatus {
        segments = List.copyOf(segments);
        warnings = List.copyOf(warnings);
    }
}
