package org.openionm.core.processing;

/**
 * The units results are published in, as UCUM case-sensitive codes (what FHIR and HL7 expect), and
 * how the screen spells them: one spelling everywhere, "µV" on screen and "uV" in files.
 *
 * @since 0.3.0
 */
public final class Units {

    public static final String MICROVOLT = "uV";
    public static final String MILLISECOND = "ms";
    public static final String SECOND = "s";
    public static final String MILLIAMPERE = "mA";
    public static final String VOLT = "V";
    public static final String HERTZ = "Hz";
    public static final String PERCENT = "%";
    /** A ratio or count without a unit. */
    public static final String ONE = "1";
    public static final String SQUARE_MICROVOLT = "uV2";

    private Units() {
    }

    /** The unit as a label on screen: "µV", "µV²"; a dimensionless value shows no unit. */
    public static String display(String ucum) {
        return switch (ucum) {
            case MICROVOLT -> "µV";
            case SQUARE_MICROVOLT -> "µV²";
            case ONE -> "";
            default -> ucum;
        };
    }
}
