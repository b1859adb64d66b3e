package org.openionm.core.processing;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A setting a processor declares, so that one generic editor can show and validate it and a report
 * can say where its default came from. Four kinds, each with its own value type, so a value never has
 * to be a number in disguise ("0 spinal cord, 1 brain"):
 * <ul>
 * <li>{@link Kind#NUMBER} — a {@code Double} with unit, range and whether only whole numbers make sense;</li>
 * <li>{@link Kind#CHOICE} — the {@code String} id of one of its ordered, labelled {@link Option}s;</li>
 * <li>{@link Kind#BOOLEAN} — a {@code Boolean} (on/off);</li>
 * <li>{@link Kind#TEXT} — a {@code String}, optionally bounded in length or by a pattern.</li>
 * </ul>
 * Values are these immutable Java objects; {@link #validate(Object)} checks one and returns it in its
 * canonical type, {@link #parse(String)} reads one from text (a settings file, {@code --set}) and
 * {@link #format(Object)} writes it back — the one place where a value meets text.
 *
 * @see SettingValues
 */
public final class SettingDescriptor {

    /**
     * What kind of value a setting takes.
     *
     * @since 0.2.0
     */
    public enum Kind {
        NUMBER, CHOICE, BOOLEAN, TEXT
    }

    /**
     * One allowed value of a {@link Kind#CHOICE}: a stable id (what is saved and given to
     * {@code --set}) and a label for people.
     *
     * @param id    stable, e.g. {@code "spinal"}; no spaces, never reused for another meaning
     * @param label shown to the user, e.g. "Spinal cord (MacDonald 2017: amplitude ↓ > 80 %)"
     * @since 0.2.0
     */
    public record Option(String id, String label) {

        public Option {
            Objects.requireNonNull(label, "label");
            if (id == null || !ID.matcher(id).matches()) {
                throw new IllegalArgumentException("option id '" + id + "' must be letters, digits, '.', '_' or '-'");
            }
        }
    }

    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    /** Decimal numbers as people and {@link #format(double)} write them; not "NaN", "0x1p3" or "2d". */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final List<String> TRUE = List.of("true", "on", "yes", "1");
    private static final List<String> FALSE = List.of("false", "off", "no", "0");

    private final String key;
    private final String label;
    private final Kind kind;
    private final String unit;
    private final double min;
    private final double max;
    private final boolean integer;
    private final List<Option> options;
    private final int maxLength;
    private final String pattern;
    private final Object defaultValue;
    private final String provenance;

    /**
     * A numeric setting.
     *
     * @param key          stable key, e.g. {@code "highpass.hz"}
     * @param label        shown to the user
     * @param unit         e.g. {@code "Hz"}, {@code "ms"}, {@code "%"}; empty when dimensionless
     * @param min          lowest accepted value (inclusive)
     * @param max          highest accepted value (inclusive)
     * @param defaultValue value used unless the site or user changes it
     * @param integer      true when only whole numbers are meaningful (e.g. sweep counts)
     * @param provenance   source of the default, e.g. "ACNS Guideline 11B" or "textbook"
     * @see #number
     */
    public SettingDescriptor(String key, String label, String unit, double min, double max, double defaultValue,
            boolean integer, String provenance) {
        this(key, label, Kind.NUMBER, unit, min, max, integer, List.of(), 0, null, defaultValue, provenance);
        if (!(min <= max)) {
            throw new IllegalArgumentException("setting " + key + ": min " + min + " > max " + max);
        }
        if (defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException("setting " + key + ": default " + defaultValue
                    + " outside [" + min + ", " + max + "]");
        }
    }

    private SettingDescriptor(String key, String label, Kind kind, String unit, double min, double max, boolean integer,
            List<Option> options, int maxLength, String pattern, Object defaultValue, String provenance) {
        this.key = Objects.requireNonNull(key, "key");
        this.label = Objects.requireNonNull(label, "label");
        this.kind = kind;
        this.unit = Objects.requireNonNull(unit, "unit");
        this.min = min;
        this.max = max;
        this.integer = integer;
        this.options = List.copyOf(options);
        this.maxLength = maxLength;
        this.pattern = pattern;
        this.defaultValue = kind == Kind.NUMBER ? (Object) ((Number) defaultValue).doubleValue() : defaultValue;
        this.provenance = Objects.requireNonNull(provenance, "provenance");
    }

    /**
     * A numeric setting; the same as the constructor.
     *
     * @since 0.2.0
     */
    public static SettingDescriptor number(String key, String label, String unit, double min, double max,
            double defaultValue, boolean integer, String provenance) {
        return new SettingDescriptor(key, label, unit, min, max, defaultValue, integer, provenance);
    }

    /**
     * A choice among {@code options}, shown and offered in their order.
     *
     * @param defaultId the id of the option used unless the site or user changes it
     * @throws IllegalArgumentException no options, a duplicate id, or an unknown default
     * @since 0.2.0
     */
    public static SettingDescriptor choice(String key, String label, List<Option> options, String defaultId,
            String provenance) {
        Set<String> ids = new HashSet<>();
        for (Option o : options) {
            if (!ids.add(o.id())) {
                throw new IllegalArgumentException("setting " + key + ": option id '" + o.id() + "' twice");
            }
        }
        if (!ids.contains(defaultId)) {
            throw new IllegalArgumentException("setting " + key + ": default '" + defaultId + "' is not one of " + ids);
        }
        return new SettingDescriptor(key, label, Kind.CHOICE, "", Double.NaN, Double.NaN, false, options, 0, null,
                defaultId, provenance);
    }

    /**
     * An on/off setting.
     *
     * @since 0.2.0
     */
    public static SettingDescriptor flag(String key, String label, boolean defaultValue, String provenance) {
        return new SettingDescriptor(key, label, Kind.BOOLEAN, "", Double.NaN, Double.NaN, false, List.of(), 0, null,
                defaultValue, provenance);
    }

    /**
     * A free text setting.
     *
     * @param maxLength longest accepted text, in characters; 0 for no limit
     * @param pattern   a regular expression the whole text must match, or {@code null} for any text
     * @throws IllegalArgumentException the default does not fit, or the pattern is not a regular expression
     * @since 0.2.0
     */
    public static SettingDescriptor text(String key, String label, String defaultValue, int maxLength, String pattern,
            String provenance) {
        if (maxLength < 0) {
            throw new IllegalArgumentException("setting " + key + ": maxLength " + maxLength + " < 0");
        }
        try {
            if (pattern != null) {
                Pattern.compile(pattern);
            }
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("setting " + key + ": pattern " + e.getMessage(), e);
        }
        SettingDescriptor d = new SettingDescriptor(key, label, Kind.TEXT, "", Double.NaN, Double.NaN, false, List.of(),
                maxLength, pattern, Objects.requireNonNull(defaultValue, "defaultValue"), provenance);
        d.validate(defaultValue);
        return d;
    }

    /**
     * This setting with another default, e.g. the one a site configured: the value is checked as any
     * value is, and {@code source} says where it comes from (shown beside the default).
     *
     * @throws IllegalArgumentException the value is not acceptable for this setting
     * @since 0.2.0
     */
    public SettingDescriptor withDefault(Object value, String source) {
        return new SettingDescriptor(key, label, kind, unit, min, max, integer, options, maxLength, pattern,
                validate(value), source);
    }

    /** Stable key, e.g. {@code "highpass.hz"}. */
    public String key() {
        return key;
    }

    /** Shown to the user. */
    public String label() {
        return label;
    }

    /**
     * What kind of value the setting takes.
     *
     * @since 0.2.0
     */
    public Kind kind() {
        return kind;
    }

    /** E.g. {@code "Hz"}; empty when dimensionless and for every kind but {@link Kind#NUMBER}. */
    public String unit() {
        return unit;
    }

    /** Lowest accepted number (inclusive); NaN unless {@link Kind#NUMBER}. */
    public double min() {
        return min;
    }

    /** Highest accepted number (inclusive); NaN unless {@link Kind#NUMBER}. */
    public double max() {
        return max;
    }

    /** True when only whole numbers are meaningful (e.g. sweep counts). */
    public boolean integer() {
        return integer;
    }

    /**
     * The allowed values of a {@link Kind#CHOICE}, in the order to offer them; empty for other kinds.
     *
     * @since 0.2.0
     */
    public List<Option> options() {
        return options;
    }

    /**
     * Longest accepted {@link Kind#TEXT}, in characters; 0 for no limit.
     *
     * @since 0.2.0
     */
    public int maxLength() {
        return maxLength;
    }

    /**
     * The regular expression a {@link Kind#TEXT} must match, or {@code null}.
     *
     * @since 0.2.0
     */
    public String pattern() {
        return pattern;
    }

    /**
     * Value used unless the site or user changes it: a {@code Double}, a {@code Boolean} or a
     * {@code String} (an option id or a text), by {@link #kind()}. Before 0.2.0 this was a {@code double}.
     */
    public Object defaultValue() {
        return defaultValue;
    }

    /** Source of the default, e.g. "ACNS Guideline 11B" or "textbook". */
    public String provenance() {
        return provenance;
    }

    /**
     * Returns the number {@code value} if acceptable.
     *
     * @throws IllegalArgumentException naming the setting, its unit and its range; or the setting is no number
     */
    public double validate(double value) {
        return (Double) validate((Object) value);
    }

    /**
     * Returns {@code value} in the kind's canonical type (any {@code Number} becomes a {@code Double})
     * if acceptable.
     *
     * @throws IllegalArgumentException naming the setting and what it allows
     * @since 0.2.0
     */
    public Object validate(Object value) {
        switch (kind) {
            case NUMBER -> {
                if (!(value instanceof Number n)) {
                    throw new IllegalArgumentException(label + " must be a number, was " + describe(value));
                }
                double v = n.doubleValue();
                if (Double.isNaN(v) || v < min || v > max) {
                    throw new IllegalArgumentException(label + " must be between " + format(min) + " and " + format(max)
                            + (unit.isEmpty() ? "" : " " + unit) + ", was " + format(v));
                }
                if (integer && v != Math.rint(v)) {
                    throw new IllegalArgumentException(label + " must be a whole number, was " + format(v));
                }
                return v;
            }
            case CHOICE -> {
                if (value instanceof String id && options.stream().anyMatch(o -> o.id().equals(id))) {
                    return id;
                }
                throw new IllegalArgumentException(label + " must be one of " + allowed() + ", was " + describe(value));
            }
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    return b;
                }
                throw new IllegalArgumentException(label + " must be " + allowed() + ", was " + describe(value));
            }
            default -> {
                if (!(value instanceof String text)) {
                    throw new IllegalArgumentException(label + " must be a text, was " + describe(value));
                }
                if (maxLength > 0 && text.length() > maxLength) {
                    throw new IllegalArgumentException(label + " must be at most " + maxLength + " characters, was "
                            + text.length());
                }
                if (pattern != null && !text.matches(pattern)) {
                    throw new IllegalArgumentException(label + " must match " + pattern + ", was '" + text + "'");
                }
                return text;
            }
        }
    }

    /**
     * Reads a value from text — a settings file line, {@code --set} — and validates it. A number is
     * written in decimal ("40", "2.5", "1.0E-4"); a choice as an option id, or as the option's position
     * (0, 1, …: how a choice that used to be a number was saved before 0.2.0); a boolean as
     * true/false, on/off, yes/no or 1/0 (also "1.0"/"0.0", as numbers were saved before 0.2.0); a text
     * as it is.
     *
     * @throws IllegalArgumentException naming the setting and what it allows
     * @since 0.2.0
     */
    public Object parse(String text) {
        String t = text.strip();
        switch (kind) {
            case NUMBER -> {
                if (!NUMBER.matcher(t).matches()) {
                    throw new IllegalArgumentException(label + ": '" + t + "' is not a number");
                }
                return validate(Double.parseDouble(t));
            }
            case CHOICE -> {
                for (Option o : options) {
                    if (o.id().equals(t)) {
                        return o.id();
                    }
                }
                Integer index = wholeNumber(t);
                if (index != null && index >= 0 && index < options.size()) {
                    return options.get(index).id();
                }
                throw new IllegalArgumentException(label + " must be one of " + allowed() + ", was '" + t + "'");
            }
            case BOOLEAN -> {
                String lower = t.toLowerCase(Locale.ROOT);
                Integer number = wholeNumber(t);
                if (TRUE.contains(lower) || Integer.valueOf(1).equals(number)) {
                    return true;
                }
                if (FALSE.contains(lower) || Integer.valueOf(0).equals(number)) {
                    return false;
                }
                throw new IllegalArgumentException(label + " must be " + allowed() + ", was '" + t + "'");
            }
            default -> {
                return validate(text);
            }
        }
    }

    /**
     * What the setting allows, for messages and the editor's Range column: "10 – 100 %" for a number,
     * the option ids for a choice ("spinal, brain"), "true or false (on/off)" for a boolean, "any text"
     * or its limits for a text.
     *
     * @since 0.2.0
     */
    public String allowed() {
        return switch (kind) {
            case NUMBER -> format(min) + " – " + format(max) + (unit.isEmpty() ? "" : " " + unit);
            case CHOICE -> String.join(", ", options.stream().map(Option::id).toList());
            case BOOLEAN -> "true or false (on/off)";
            case TEXT -> (maxLength > 0 ? "at most " + maxLength + " characters" : "any text")
                    + (pattern == null ? "" : " matching " + pattern);
        };
    }

    /**
     * The label of the option {@code id} of a choice, or {@code id} itself when there is none.
     *
     * @since 0.2.0
     */
    public String optionLabel(String id) {
        return options.stream().filter(o -> o.id().equals(id)).map(Option::label).findFirst().orElse(id);
    }

    private static Integer wholeNumber(String t) {
        if (!NUMBER.matcher(t).matches()) {
            return null;
        }
        double v = Double.parseDouble(t);
        return v == Math.rint(v) && Math.abs(v) < Integer.MAX_VALUE ? (int) v : null;
    }

    private static String describe(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    /**
     * A value as text, the form {@link #parse(String)} reads back: a number as people write it
     * ({@link #format(double)}), a boolean as "true"/"false", an option id or a text as it is.
     *
     * @since 0.2.0
     */
    public static String format(Object value) {
        return value instanceof Number n ? format(n.doubleValue()) : String.valueOf(value);
    }

    /**
     * A value as people write it, independent of the locale: "50" rather than "50.0", "0.5", "2.25".
     */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.isFinite(value) ? BigDecimal.valueOf(value).toPlainString() : Double.toString(value);
    }

    @Override
    public String toString() {
        return "SettingDescriptor[" + key + " " + kind + " " + allowed() + ", default " + format(defaultValue) + "]";
    }
}
