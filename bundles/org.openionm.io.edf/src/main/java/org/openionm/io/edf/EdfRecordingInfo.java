package org.openionm.io.edf;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * What the EDF+ header says about the patient and the recording. {@code null} means unknown and is
 * written as {@code X}; spaces inside a field become {@code _} and non-ASCII letters lose their
 * accents, because the header is ASCII.
 *
 * @param patientCode hospital patient code, or null
 * @param sex         "M", "F", or null (X)
 * @param birthdate   birth date, or null
 * @param patientName name as "Last_First", or null
 * @param adminCode   hospital administration code of the investigation, or null
 * @param technician  code of the responsible technologist, or null
 * @param equipment   equipment code, or null
 * @param start       date and time of the first sample (kept to 100 ns)
 */
public record EdfRecordingInfo(String patientCode, String sex, LocalDate birthdate, String patientName,
        String adminCode, String technician, String equipment, LocalDateTime start) {

    public EdfRecordingInfo {
        Objects.requireNonNull(start, "start");
    }

    /** No patient data: every patient field is X; equipment is OpenIONM. */
    public static EdfRecordingInfo anonymous(LocalDateTime start) {
        return new EdfRecordingInfo(null, null, null, null, null, null, "OpenIONM", start);
    }
}
