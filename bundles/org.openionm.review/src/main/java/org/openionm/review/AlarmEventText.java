package org.openionm.review;

import java.util.Arrays;
import java.util.Set;

import org.openionm.core.processing.ScreenNames;

/**
 * The OR's alarm entries of the event log as Review shows them: the recording holds them with the
 * alarm's ids ({@code "Alarm raised alarm=HIGH mep tcmep.C4C3 APB-L amplitude 50 % (−62 %)"}, written by
 * the case workbench as priority, modality, site, channel, criterion and values), the overview's marker
 * reads {@code "Alarm raised HIGH TcMEP C4→C3 APB-L: amplitude 50 % (−62 %)"} (issue 16: no internal ids
 * on screen). The recording's text stays as it is; only the label changes.
 */
final class AlarmEventText {

    private static final Set<String> ALARM_EVENTS = Set.of("Alarm raised", "Alarm acknowledged");
    private static final String FIELD = " alarm=";
    private static final Set<String> PRIORITIES = Set.of("HIGH", "MEDIUM", "LOW");

    private AlarmEventText() {
    }

    /**
     * {@code eventText} (an event-log entry without its "EVENT " prefix) with the alarm's ids read as
     * names; any other text, or an alarm field too short to hold modality, site, channel and criterion,
     * as written.
     */
    static String readable(String eventText) {
        int field = eventText.indexOf(FIELD);
        if (field < 0 || !ALARM_EVENTS.contains(eventText.substring(0, field))) {
            return eventText;
        }
        // the workbench joins the key's parts with one space each, so an empty site or channel leaves an empty token
        String[] tokens = eventText.substring(field + FIELD.length()).split(" ", -1);
        int i = tokens.length > 0 && PRIORITIES.contains(tokens[0]) ? 1 : 0;
        if (tokens.length < i + 4) {
            return eventText;
        }
        String where = ScreenNames.where(tokens[i], tokens[i + 1], tokens[i + 2], "");
        String rest = String.join(" ", Arrays.copyOfRange(tokens, i + 3, tokens.length)).strip();
        return eventText.substring(0, field) + " " + (i == 1 ? tokens[0] + " " : "") + where + (rest.isEmpty() ? "" : ": " + rest);
    }
}
