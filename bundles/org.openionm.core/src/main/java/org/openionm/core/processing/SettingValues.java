package org.openionm.core.processing;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Effective setting values read by type, so processor code says what it expects:
 * {@code values.number("highpass.hz")}, {@code values.choice("alarm.preset")},
 * {@code values.flag("alarm.subcortical")}, {@code values.text(...)}. Immutable.
 *
 * @since 0.2.0
 */
public final class SettingValues {

    private final Map<String, Object> values;

    private SettingValues(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /**
     * Every declared setting's value: the one {@code given} (validated against its descriptor) or its
     * default. Keys that are not declared are ignored.
     *
     * @param given values by key (e.g. {@link ProcessorContext#settings()}); {@code null} for none
     * @throws IllegalArgumentException a given value the descriptor refuses (the message names the setting)
     */
    public static SettingValues of(List<SettingDescriptor> declared, Map<String, ?> given) {
        Map<String, Object> out = new TreeMap<>();
        for (SettingDescriptor d : declared) {
            Object v = given == null ? null : given.get(d.key());
            out.put(d.key(), v == null ? d.defaultValue() : d.validate(v));
        }
        return new SettingValues(out);
    }

    /** Values already validated, e.g. what the processor host hands over. */
    public static SettingValues wrap(Map<String, ?> values) {
        return new SettingValues(Map.copyOf(values));
    }

    /** @throws IllegalArgumentException no such setting, or it is no number */
    public double number(String key) {
        return get(key, Number.class, "a number").doubleValue();
    }

    /** A whole-number setting (e.g. a sweep count) as an int. */
    public int integer(String key) {
        return (int) Math.round(number(key));
    }

    /** The id of the chosen option. */
    public String choice(String key) {
        return get(key, String.class, "a choice");
    }

    /** An on/off setting. */
    public boolean flag(String key) {
        return get(key, Boolean.class, "on/off");
    }

    public String text(String key) {
        return get(key, String.class, "a text");
    }

    /** Every value by key, sorted: {@code Double}, {@code String} or {@code Boolean}. */
    public Map<String, Object> asMap() {
        return values;
    }

    private <T> T get(String key, Class<T> type, String what) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no setting '" + key + "'");
        }
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("setting '" + key + "' is not " + what + ": " + v);
        }
        return type.cast(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SettingValues other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
