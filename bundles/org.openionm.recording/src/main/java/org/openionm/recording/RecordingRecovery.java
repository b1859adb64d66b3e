package org.openionm.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.openionm.recording.internal.InterruptedFiles;

/**
 * Finds recordings a crash interrupted and repairs them in place, so that every EDF reader (EDFlib,
 * EDFbrowser, MNE) opens them.
 * <p>
 * A file is interrupted when its header still says record count -1 (the writer sets the count when
 * it closes the file) or more records than the file holds (truncated). The repair removes the
 * incomplete last record, writes the count of complete records, and marks the file EDF+D/BDF+D if
 * its records turn out not to be contiguous; the data of every complete record stays as written. A
 * file interrupted before its first complete record holds only a header: it is deleted (EDF readers
 * refuse a file without data records, and there is no signal to keep), and so is an empty file
 * (created, then interrupted before its header was written).
 * A complete file (count matching the length) is never touched, nor is a file that is not EDF or
 * whose complete records do not read back (it is reported, not changed). The repair is idempotent:
 * interrupting it and running it again gives the same file.
 *
 * @since 0.2.0
 */
public final class RecordingRecovery {

    private RecordingRecovery() {
    }

    /**
     * Repairs every interrupted {@code .edf}/{@code .bdf} file directly in {@code folder} (not in
     * sub-folders), in name order.
     *
     * @return one entry per interrupted file found; empty when all were complete
     * @since 0.2.0
     */
    public static List<RecoveredRecording> recoverFolder(Path folder) throws IOException {
        return InterruptedFiles.recoverFolder(folder);
    }

    /**
     * Repairs {@code file} if it is interrupted.
     *
     * @return empty when the file was complete (and left untouched)
     * @since 0.2.0
     */
    public static Optional<RecoveredRecording> recover(Path file) throws IOException {
        return InterruptedFiles.recover(file);
    }
}
