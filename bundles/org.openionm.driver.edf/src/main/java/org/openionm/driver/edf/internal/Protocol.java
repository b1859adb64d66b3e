package org.openionm.driver.edf.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.stimulation.StimulationKind;

/**
 * How a recording made elsewhere maps onto OpenIONM: channel labels to roles (and, where the
 * processors need the field's names to tell left from right, to new labels), and stimulus
 * annotations to stimulation sites. Format: docs/protocol.md.
 *
 * @param channels file label → mapping
 * @param stimuli  rules tried in order on every annotation that is not already an OpenIONM STIM
 */
record Protocol(Map<String, ChannelMapping> channels, List<StimulusRule> stimuli) {

    /** Role and display label of one file channel. */
    record ChannelMapping(ChannelRole role, String label) {
    }

    /**
     * Annotation text (whole-text regular expression) → a stimulus of the rule's site and kind at its
     * onset; named groups of {@code match} give the site and the intensity from the text
     * ({@link AnnotationGroups}).
     *
     * @param where e.g. "stimulus rule 2 of protocol file x.yaml", for messages
     * @param site  the site, or null when the groups give it
     */
    record StimulusRule(Pattern match, String site, StimulationKind kind, double intensity, String unit,
            double pulseWidthMicros, int pulses, double interPulseIntervalMs, String where) {

        /**
         * @throws IllegalArgumentException when a named group does not read (naming the rule, the text and the group)
         */
        Optional<StimulusEvent> apply(String text, long sampleIndex) {
            Matcher m = match.matcher(text);
            if (!m.matches()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new StimulusEvent(AnnotationGroups.site(m, site), kind, sampleIndex,
                        AnnotationGroups.intensity(m, intensity), AnnotationGroups.unit(m, unit), pulseWidthMicros, pulses,
                        interPulseIntervalMs));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": annotation '" + text + "' matches, but its " + e.getMessage(), e);
            }
        }
    }

    static final Protocol NONE = new Protocol(Map.of(), List.of());

    Protocol {
        channels = Map.copyOf(channels);
        stimuli = List.copyOf(stimuli);
    }

    /** The stimulus the first matching rule makes of {@code text}, if any. */
    Optional<StimulusEvent> stimulus(String text, long sampleIndex) {
        for (StimulusRule rule : stimuli) {
            Optional<StimulusEvent> event = rule.apply(text, sampleIndex);
            if (event.isPresent()) {
                return event;
            }
        }
        return Optional.empty();
    }
}
