package org.openionm.cases;

/** Administrative sex as HL7 FHIR codes it ({@code female|male|other|unknown}), so an export needs no mapping. */
public enum Sex {
    FEMALE("female"), MALE("male"), OTHER("other"), UNKNOWN("unknown");

    private final String code;

    Sex(String code) {
        this.code = code;
    }

    /** The FHIR {@code AdministrativeGender} code. */
    public String code() {
        return code;
    }

    /** Reads a code or a name in any case ("F", "female", "MALE"); the message lists what is allowed. */
    public static Sex parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        for (Sex s : values()) {
            if (s.code.equals(t) || s.code.substring(0, 1).equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("sex must be female, male, other or unknown (or f, m, o, u), was '" + text + "'");
    }
}
