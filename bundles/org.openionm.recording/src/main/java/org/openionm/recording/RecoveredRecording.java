package org.openionm.recording;

import java.nio.file.Path;

/**
 * What {@link RecordingRecovery} did with one interrupted file.
 *
 * @param file           the file
 * @param repaired       true: the file is valid now (or was removed); false: it could not be repaired and was
 *                       left as found
 * @param removed        true: the file was deleted because it held no complete data record, only a header
 *                       (no EDF reader opens a file without data, and there was no signal to keep)
 * @param records        complete data records the file holds
 * @param seconds        seconds of signal in those records
 * @param bytesDiscarded bytes of an incomplete last record removed from the end
 * @param message        for people, e.g. "Recovered 12 min 31 s of seg-003.bdf (interrupted recording);
 *                       3 412 bytes of an incomplete last record discarded"
 * @since 0.2.0
 */
public record RecoveredRecording(Path file, boolean repaired, boolean removed, long records, double seconds, long bytesDiscarded,
        String message) {
}
