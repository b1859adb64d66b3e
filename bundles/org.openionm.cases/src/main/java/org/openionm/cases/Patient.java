package org.openionm.cases;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The monitored patient. {@code name} is in the HL7 v2 form {@code Family^Given} (as EDF+ and DICOM
 * write it), so it travels unchanged into recordings and exports. Validation (MRN format, birth date
 * not in the future) is the store's, against the site's rules, not this record's.
 */
public record Patient(String name, String mrn, LocalDate birthDate, Sex sex) {

    public Patient {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mrn, "mrn");
        Objects.requireNonNull(sex, "sex");
    }

    /** Family name (the part before {@code ^}). */
    public String familyName() {
        int caret = name.indexOf('^');
        return (caret < 0 ? name : name.substring(0, caret)).trim();
    }

    /** Given names (after the first {@code ^}), or empty. */
    public String givenName() {
        int caret = name.indexOf('^');
        return caret < 0 ? "" : name.substring(caret + 1).replace('^', ' ').trim();
    }

    /** Initials, given name first ("J.D."), as the status bar shows them: no full name on an OR screen. */
    public String initials() {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] { givenName(), familyName() }) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append('.');
            }
        }
        return sb.toString();
    }
}
