package org.openionm.core.processing;

import java.util.Objects;

/**
 * A numeric setting a processor declares, so that one generic editor can show and validate it and
 * a report can say where its default came from.
 *
 * @param key          stable key, e.g. {@code "highpass.hz"}
 * @param label        shown to the user
 * @param unit         e.g. {@code "Hz"}, {@code "ms"}, {@code "%"}; empty when dimensionless
 * @param min          lowest accepted value (inclusive)
 * @param max          highest accepted value (inclusive)
 * @param defaultValue value used unless the site or user changes it
 * @param integer      true when only whole numbers are meaningful (e.g. sweep counts)
 * @param provenance   source of the default, e.g. "ACNS Guideline 11B" or "textbook"
 */
public record SettingDescriptor(String key, String label, String unit, double min, double max,
        double defaultValue, boolean integer, String provenance) {

    public SettingDescriptor {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(provenance, "provenance");
        if (!(min <= max)) {
            throw new IllegalArgumentException("setting " + key + ": min " + min + " > max " + max);
        }
        if (defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException("setting " + key + ": default " + defaultValue
                    + " outside [" + min + ", " + max + "]");
        }
    }

    /**
     * Returns {@code value} if acceptable.
     *
     * @throws IllegalArgumentException naming the setting, its unit and its range
     */
    public double validate(double value) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw new IllegalArgumentException(label + " must be between " + format(min) + " and " + format(max)
                    + (unit.isEmpty() ? "" : " " + unit) + ", was " + format(value));
        }
        if (integer && value != Math.rint(value)) {
            throw new IllegalArgumentException(label + " must be a whole number, was " + format(value));
        }
        return value;
    }

    /**
     * A value as people write it, independent of the locale: "50" rather than "50.0", "0.5", "2.25".
     */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.isFinite(value) ? java.math.BigDecimal.valueOf(value).toPlainString() : Double.toString(value);
    }
}
