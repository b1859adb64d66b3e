package org.openionm.examples.tof;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.openionm.core.processing.SettingDescriptor;
import org.openionm.core.processing.SettingDescriptor.Option;
import org.openionm.core.processing.SettingValues;

/**
 * The TOF processor's settings: keys, typed descriptors (with where each default comes from) and the
 * effective values of one acquisition.
 *
 * @param windowMs        each pulse's CMAP is read in [pulse + blank, pulse + window]
 * @param blankMs         stimulus artefact left out after each pulse
 * @param responseMinUv   presence criterion: a Ti counts when its peak-to-peak amplitude reaches this
 * @param countRule       {@link #SEQUENTIAL} or {@link #ANY}
 * @param ratioFourOnly   the ratio is only stated when all four responses are present
 * @param channelLabels   channels read besides those of role {@link TofProcessor#MUSCLE}, by their label
 */
public record TofSettings(double windowMs, double blankMs, double responseMinUv, String countRule, boolean ratioFourOnly,
        Pattern channelLabels) {

    public static final String WINDOW_MS = "window.ms";
    public static final String BLANK_MS = "blank.ms";
    public static final String RESPONSE_MIN_UV = "response.minUv";
    public static final String COUNT_RULE = "count.rule";
    /** Option of {@link #COUNT_RULE}: responses fade from T4 backwards, so counting stops at the first absent one. */
    public static final String SEQUENTIAL = "sequential";
    /** Option of {@link #COUNT_RULE}: every present response counts, wherever it is. */
    public static final String ANY = "any";
    public static final String RATIO_FOUR_ONLY = "ratio.fourResponsesOnly";
    /**
     * A regular expression on channel labels. A recording states no roles: OpenIONM's EDF playback guesses
     * them from the labels and its protocol files name only the built-in roles, so an adductor pollicis
     * channel of a file arrives as {@code eeg}; this is how the plugin still finds it.
     */
    public static final String CHANNEL_LABELS = "channels.labels";

    private static final String TEXTBOOK = "textbook: adductor pollicis CMAP after ulnar stimulation at the wrist within ≈ 3–15 ms";
    private static final String CHOICE = "OpenIONM sample choice";

    public static final List<SettingDescriptor> DESCRIPTORS = List.of(
            SettingDescriptor.number(WINDOW_MS, "CMAP window after each pulse", "ms", 5, 100, 20, false, TEXTBOOK),
            SettingDescriptor.number(BLANK_MS, "Stimulus artefact blanking after each pulse", "ms", 0, 5, 2, false, CHOICE),
            SettingDescriptor.number(RESPONSE_MIN_UV, "Presence criterion: peak-to-peak amplitude at least", "µV", 1, 5000, 100,
                    false, CHOICE + " (above the noise of surface EMG at the thumb, tens of µV)"),
            SettingDescriptor.choice(COUNT_RULE, "TOF count", List.of(new Option(SEQUENTIAL, "T1 up to the first absent response"),
                    new Option(ANY, "Every present response")), SEQUENTIAL, "clinical TOF count: fade goes T4, T3, T2, T1"),
            SettingDescriptor.flag(RATIO_FOUR_ONLY, "TOF ratio only with four responses", true,
                    "clinical use: T4/T1 is quoted at count 4"),
            SettingDescriptor.text(CHANNEL_LABELS, "Also read channels whose label matches (regular expression)",
                    "(?i)(adp|adductor.?pollicis|tof)([^a-z].*)?", 200, null, CHOICE + ": adductor pollicis labels"));

    /** The values of {@code given} over the defaults, each validated by its descriptor. */
    public static TofSettings from(Map<String, ?> given) {
        SettingValues v = SettingValues.of(DESCRIPTORS, given);
        TofSettings s = new TofSettings(v.number(WINDOW_MS), v.number(BLANK_MS), v.number(RESPONSE_MIN_UV), v.choice(COUNT_RULE),
                v.flag(RATIO_FOUR_ONLY), labels(v.text(CHANNEL_LABELS)));
        if (s.blankMs >= s.windowMs) {
            throw new IllegalArgumentException(BLANK_MS + " (" + s.blankMs + " ms) must be shorter than " + WINDOW_MS + " ("
                    + s.windowMs + " ms)");
        }
        return s;
    }

    private static Pattern labels(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(CHANNEL_LABELS + " is not a regular expression: " + e.getDescription());
        }
    }

    /** The effective settings as the provenance states them. */
    public Map<String, String> asText() {
        Map<String, String> m = new TreeMap<>();
        m.put(WINDOW_MS, SettingDescriptor.format(windowMs));
        m.put(BLANK_MS, SettingDescriptor.format(blankMs));
        m.put(RESPONSE_MIN_UV, SettingDescriptor.format(responseMinUv));
        m.put(COUNT_RULE, countRule);
        m.put(RATIO_FOUR_ONLY, Boolean.toString(ratioFourOnly));
        m.put(CHANNEL_LABELS, channelLabels.pattern());
        return m;
    }
}
