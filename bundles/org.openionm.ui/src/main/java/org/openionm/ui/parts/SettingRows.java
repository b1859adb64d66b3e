package org.openionm.ui.parts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.openionm.core.processing.SettingDescriptor;

/**
 * What the modality settings table shows, without SWT: the alarm criteria first (keys starting with
 * {@code alarm.}, the convention of every processor), then the other settings, each group in the
 * processor's declared order, which keeps a preset beside its thresholds.
 */
final class SettingRows {

    static final String ALARM_PREFIX = "alarm.";
    static final String ALARM_HEADING = "Alarm criteria";
    static final String PROCESSING_HEADING = "Processing";
    /** Plain decimal numbers only: Double.parseDouble would also take "NaN", "1e3", "0x1p3" or "2d". */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    sealed interface Row permits Heading, Setting {
    }

    /** A group title; not editable. */
    record Heading(String title) implements Row {
    }

    /** One setting with the value the next acquisition starts with. */
    record Setting(SettingDescriptor descriptor, double value) implements Row {

        boolean changed() {
            return Double.compare(value, descriptor.defaultValue()) != 0;
        }
    }

    private SettingRows() {
    }

    static List<Row> of(List<SettingDescriptor> descriptors, Map<String, Double> effective) {
        List<Row> rows = new ArrayList<>();
        for (boolean alarm : new boolean[] { true, false }) {
            List<SettingDescriptor> group = descriptors.stream().filter(d -> d.key().startsWith(ALARM_PREFIX) == alarm).toList();
            if (!group.isEmpty()) {
                rows.add(new Heading(alarm ? ALARM_HEADING : PROCESSING_HEADING));
                group.forEach(d -> rows.add(new Setting(d, effective.getOrDefault(d.key(), d.defaultValue()))));
            }
        }
        return rows;
    }

    /**
     * The settings whose value differs from their default. {@code ProcessorHost.configure} replaces all
     * overrides, so an edit of one setting sends these plus the edited one.
     */
    static Map<String, Double> changed(List<SettingDescriptor> descriptors, Map<String, Double> effective) {
        Map<String, Double> changed = new TreeMap<>();
        for (SettingDescriptor d : descriptors) {
            Double value = effective.get(d.key());
            if (value != null && Double.compare(value, d.defaultValue()) != 0) {
                changed.put(d.key(), value);
            }
        }
        return changed;
    }

    /**
     * Reads what the user typed: a plain number, with a decimal point or comma, optionally followed by
     * the setting's unit; then validated against the setting's range and kind.
     *
     * @throws IllegalArgumentException naming the setting, and its range and unit when out of range
     */
    static double parse(SettingDescriptor descriptor, String text) {
        String number = text.strip();
        String unit = descriptor.unit();
        if (!unit.isEmpty() && number.endsWith(unit)) {
            number = number.substring(0, number.length() - unit.length()).strip();
        }
        number = number.replace(',', '.');
        if (!NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException(descriptor.label() + ": '" + text.strip() + "' is not a number");
        }
        return descriptor.validate(Double.parseDouble(number));
    }

    /** {@code text} broken into lines of at most about {@code width} characters, at spaces: for tooltips. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        for (String word : text.split(" ")) {
            if (out.length() > lineStart && out.length() - lineStart + 1 + word.length() > width) {
                out.append('\n');
                lineStart = out.length();
            } else if (out.length() > lineStart) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }

    static String range(SettingDescriptor d) {
        return SettingDescriptor.format(d.min()) + " – " + SettingDescriptor.format(d.max());
    }
}
