package org.openionm.io.edf;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The header of a file as read and validated.
 *
 * @param format                sample encoding
 * @param plus                  EDF+ / BDF+ (has an annotation signal and time-keeping TALs)
 * @param continuous            false for EDF+D / BDF+D, whose records may jump in time
 * @param patient               raw local patient identification (80 characters, trimmed)
 * @param recording             raw local recording identification (trimmed)
 * @param start                 start of the first data record: header date and time plus the
 *                              sub-second offset of the first time-keeping TAL
 * @param headerBytes           number of bytes in the header record
 * @param reserved              raw reserved field (trimmed), e.g. "EDF+C"
 * @param recordCount           data records in the file (derived from the size when the header says -1)
 * @param recordDurationSeconds duration of one data record
 * @param signals               data signals (annotation signals excluded)
 * @param annotationSignals     number of "EDF Annotations" / "BDF Annotations" signals
 * @param info                  EDF+ subfields (patient code, sex, birth date, name, admin code,
 *                              technician, equipment); null fields were X or absent
 */
public record EdfHeader(EdfFormat format, boolean plus, boolean continuous, String patient, String recording,
        LocalDateTime start, int headerBytes, String reserved, long recordCount, double recordDurationSeconds,
        List<EdfSignal> signals, int annotationSignals, EdfRecordingInfo info) {

    public EdfHeader {
        signals = List.copyOf(signals);
    }

    /** "EDF", "EDF+C", "EDF+D", "BDF", "BDF+C" or "BDF+D". */
    public String formatName() {
        return format.name() + (plus ? (continuous ? "+C" : "+D") : "");
    }
}
