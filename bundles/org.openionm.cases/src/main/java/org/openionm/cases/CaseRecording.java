package org.openionm.cases;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A recording file of a case (one segment of full-disclosure data). {@code recovered} is set when the
 * file was repaired after an interrupted recording; {@code note} then says what was recovered.
 */
public record CaseRecording(String caseId, int segment, Path file, Instant started, Instant ended, double seconds,
        long bytes, boolean recovered, String note) {
}
