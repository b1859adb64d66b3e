package org.openionm.io.edf;

import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openionm.core.model.DriverHealth;

/**
 * The annotation text of an amplifier's technical report, e.g.
 * {@code HEALTH LEAD_OFF start Erb-L: impedance 48 kOhm} or {@code HEALTH DISCONNECTED start device}.
 * A recording keeps what the amplifier said, so a replay raises the same technical alarms as the
 * live case did. The channel is named by its label (readable, and independent of signal order);
 * the sample index is the TAL onset.
 */
public final class HealthAnnotations {

    public static final String PREFIX = "HEALTH ";
    /** Written in place of a channel label for a whole-device condition. */
    public static final String DEVICE = "device";

    private static final Pattern TEXT = Pattern.compile("HEALTH (LEAD_OFF|SATURATION|DISCONNECTED) (start|end) (.+?)(?:: (.*))?");

    private HealthAnnotations() {
    }

    /** @param channelLabel the label of {@code health.channel()}, ignored for a whole-device report */
    public static String format(DriverHealth health, String channelLabel) {
        String where = health.channel() == DriverHealth.WHOLE_DEVICE ? DEVICE : channelLabel;
        String text = PREFIX + health.condition().name() + (health.active() ? " start " : " end ") + where;
        return health.detail().isBlank() ? text : text + ": " + health.detail();
    }

    /**
     * The report an annotation text describes, at {@code sampleIndex}; empty for any other text, and
     * for a channel label that {@code channelIndex} does not know (it returns a negative index).
     */
    public static Optional<DriverHealth> parse(String text, long sampleIndex, ToIntFunction<String> channelIndex) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int channel = DriverHealth.WHOLE_DEVICE;
        if (!DEVICE.equals(m.group(3))) {
            channel = channelIndex.applyAsInt(m.group(3));
            if (channel < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(new DriverHealth(DriverHealth.Condition.valueOf(m.group(1)), channel, m.group(2).equals("start"),
                sampleIndex, m.group(4) == null ? "" : m.group(4)));
    }
}
