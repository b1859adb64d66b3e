package org.openionm.ui.parts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.openionm.core.processing.SettingDescriptor;
import org.openionm.core.processing.SettingDescriptor.Kind;
import org.openionm.core.processing.SettingDescriptor.Option;

/**
 * What the modality settings table shows, without SWT: the alarm criteria first (keys starting with
 * {@code alarm.}, the convention of every processor), then the other settings, each group in the
 * processor's declared order, which keeps a preset beside its thresholds; and how each kind of value
 * is shown, offered and read (numbers and text are typed, a choice or an on/off setting is picked).
 */
final class SettingRows {

    static final String ALARM_PREFIX = "alarm.";
    static final String ALARM_HEADING = "Alarm criteria";
    static final String PROCESSING_HEADING = "Processing";
    static final String ON = "on";
    static final String OFF = "off";
    /** Plain decimal numbers only: Double.parseDouble would also take "NaN", "1e3", "0x1p3" or "2d". */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    sealed interface Row permits Heading, Setting {
    }

    /** A group title; not editable. */
    record Heading(String title) implements Row {
    }

    /** One setting with the value the next acquisition starts with, in the type of its kind. */
    record Setting(SettingDescriptor descriptor, Object value) implements Row {

        boolean changed() {
            return !value.equals(descriptor.defaultValue());
        }
    }

    private SettingRows() {
    }

    static List<Row> of(List<SettingDescriptor> descriptors, Map<String, ?> effective) {
        List<Row> rows = new ArrayList<>();
        for (boolean alarm : new boolean[] { true, false }) {
            List<SettingDescriptor> group = descriptors.stream().filter(d -> d.key().startsWith(ALARM_PREFIX) == alarm).toList();
            if (!group.isEmpty()) {
                rows.add(new Heading(alarm ? ALARM_HEADING : PROCESSING_HEADING));
                for (SettingDescriptor d : group) {
                    Object value = effective.get(d.key());
                    rows.add(new Setting(d, value == null ? d.defaultValue() : value));
                }
            }
        }
        return rows;
    }

    /**
     * The settings whose value differs from their default. {@code ProcessorHost.configure} replaces all
     * overrides, so an edit of one setting sends these plus the edited one.
     */
    static Map<String, Object> changed(List<SettingDescriptor> descriptors, Map<String, ?> effective) {
        Map<String, Object> changed = new TreeMap<>();
        for (SettingDescriptor d : descriptors) {
            Object value = effective.get(d.key());
            if (value != null && !value.equals(d.defaultValue())) {
                changed.put(d.key(), value);
            }
        }
        return changed;
    }

    /**
     * Reads what the user typed or picked. A number: plain, with a decimal point or comma, optionally
     * followed by the setting's unit; other kinds as the descriptor reads them (an option id,
     * true/false or on/off, a text). Then validated against the setting.
     *
     * @throws IllegalArgumentException naming the setting, and what it allows
     */
    static Object parse(SettingDescriptor descriptor, String text) {
        if (descriptor.kind() != Kind.NUMBER) {
            return descriptor.parse(text);
        }
        String number = text.strip();
        String unit = descriptor.unit();
        for (String written : new String[] { unit, org.openionm.core.processing.Units.display(unit) }) {
            // "20 uV" and "20 µV" alike: the screen spells the unit µV
            if (!written.isEmpty() && number.endsWith(written)) {
                number = number.substring(0, number.length() - written.length()).strip();
                break;
            }
        }
        number = number.replace(',', '.');
        if (!NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException(descriptor.label() + ": '" + text.strip() + "' is not a number");
        }
        return descriptor.validate(Double.parseDouble(number));
    }

    /** A value as its cell shows it: "40", the option id "brain", "on"/"off", or the text. */
    static String show(SettingDescriptor descriptor, Object value) {
        return descriptor.kind() == Kind.BOOLEAN ? (Boolean.TRUE.equals(value) ? ON : OFF) : SettingDescriptor.format(value);
    }

    /**
     * What the drop-down of a choice or an on/off setting offers, in order: the options' labels, or
     * on/off; empty for the kinds that are typed.
     */
    static List<String> items(SettingDescriptor descriptor) {
        return switch (descriptor.kind()) {
            case CHOICE -> descriptor.options().stream().map(Option::label).toList();
            case BOOLEAN -> List.of(ON, OFF);
            default -> List.of();
        };
    }

    /** The drop-down item of {@code value}, -1 when it has none. */
    static int itemOf(SettingDescriptor descriptor, Object value) {
        return switch (descriptor.kind()) {
            case CHOICE -> descriptor.options().stream().map(Option::id).toList().indexOf(value);
            case BOOLEAN -> Boolean.TRUE.equals(value) ? 0 : 1;
            default -> -1;
        };
    }

    /** The text {@link #parse} reads for drop-down item {@code index}: an option id, or true/false. */
    static String textOfItem(SettingDescriptor descriptor, int index) {
        return descriptor.kind() == Kind.CHOICE ? descriptor.options().get(index).id() : Boolean.toString(index == 0);
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

    /** The Range column: "10 – 100" (the unit has its own column), "spinal, brain", "on/off", or a text's limits. */
    static String range(SettingDescriptor d) {
        return switch (d.kind()) {
            case NUMBER -> SettingDescriptor.format(d.min()) + " – " + SettingDescriptor.format(d.max());
            case BOOLEAN -> ON + "/" + OFF;
            default -> d.allowed();
        };
    }
}
