package org.openionm.io.edf;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openionm.core.model.StimulusEvent;
import org.openionm.core.stimulation.StimulationKind;

/**
 * The canonical annotation text of a stimulus, e.g. {@code STIM median.left 25mA 200us n=1 isi=0ms}
 * or {@code STIM screw.L4.left 3.2mA 200us n=1 isi=0ms kind=ramp}. Numbers are written in their
 * shortest exact decimal form, so {@link #parse} gives back the same doubles. The sample index is
 * not in the text: it is the TAL onset. Whitespace inside a site id or unit (never used by OpenIONM)
 * is written as '_'.
 * <p>
 * The declared kind is written as {@code kind=<kind>} only when it is not what a text without one
 * means ({@link #undeclaredKind}: several pulses a train, one pulse averaged). So recordings made
 * before kinds were recorded read as their programs declared them, and the common stimuli keep their
 * short text (the annotation channel holds about 2 kB per second).
 */
public final class StimulusAnnotations {

    public static final String PREFIX = "STIM ";

    private static final String NUMBER = "-?(?:\\d+(?:\\.\\d+)?(?:E-?\\d+)?|NaN|Infinity)";
    private static final Pattern TEXT = Pattern.compile("STIM (\\S+) (" + NUMBER + ")(\\S*) (" + NUMBER
            + ")us n=(\\d{1,9}) isi=(" + NUMBER + ")ms(?: kind=([a-z]+))?");

    private StimulusAnnotations() {
    }

    public static String format(StimulusEvent e) {
        return PREFIX + noSpace(e.siteId()) + " " + number(e.intensity()) + noSpace(e.intensityUnit()) + " "
                + number(e.pulseWidthMicros()) + "us n=" + e.pulseCount() + " isi=" + number(e.interPulseIntervalMs())
                + "ms" + (e.kind() == undeclaredKind(e.pulseCount()) ? "" : " kind=" + e.kind().token());
    }

    /** The stimulus an annotation text describes, at {@code sampleIndex}; empty for any other text. */
    public static Optional<StimulusEvent> parse(String text, long sampleIndex) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int pulses = Integer.parseInt(m.group(5));
            StimulationKind kind = m.group(7) != null ? StimulationKind.ofToken(m.group(7)) : undeclaredKind(pulses);
            return Optional.of(new StimulusEvent(m.group(1), kind, sampleIndex, Double.parseDouble(m.group(2)), m.group(3),
                    Double.parseDouble(m.group(4)), pulses, Double.parseDouble(m.group(6))));
        } catch (IllegalArgumentException e) { // numbers out of range for StimulusEvent, or a kind not known
            return Optional.empty();
        }
    }

    /**
     * The kind of a stimulus whose text has no {@code kind=}: a train when it has several pulses,
     * else averaged (read from the parameters, never from the site id).
     *
     * @since 0.2.0
     */
    public static StimulationKind undeclaredKind(int pulseCount) {
        return pulseCount > 1 ? StimulationKind.TRAIN : StimulationKind.AVERAGED;
    }

    private static String noSpace(String s) {
        return s.isEmpty() ? s : s.replaceAll("\\s", "_");
    }

    /** Shortest text that parses back to exactly {@code d} (Double.toString is the shortest unique form). */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        String plain = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        return plain.length() <= 24 ? plain : Double.toString(d);
    }
}
