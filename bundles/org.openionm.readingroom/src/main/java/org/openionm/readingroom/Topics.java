package org.openionm.readingroom;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reading room's MQTT topic scheme (docs/reading-room.md). Every topic of a case lies under
 * {@code openionm/v1/case/<caseId>/}, so one broker ACL line per case grants or withholds all of it;
 * the case id is the store's id (e.g. {@code C-2026-0042}), never a patient identifier.
 *
 * @since 0.2.0
 */
public final class Topics {

    /** Version 1 of the scheme; a reader refuses payloads of another {@code v}. */
    public static final String ROOT = "openionm/v1";
    public static final String CASES = ROOT + "/case/";

    /** Retained: case id, procedure, room, modalities, team (QoS 1). */
    public static final String DESCRIPTOR = "descriptor";
    /** Retained: channels (label, unit, rate, role) of the running acquisition (QoS 1). */
    public static final String CHANNELS = "channels";
    /** Retained: "live" while the OR is connected, "offline" as its MQTT will, "closed" at the end (QoS 1). */
    public static final String STATUS = "status";
    /** Decimated trace frames, min/max per display column (QoS 0: a lost frame is a gap, not a resend). */
    public static final String TRACE = "trace";
    public static final String AVERAGE = "average";
    public static final String MEASUREMENT = "measurement";
    public static final String TREND = "trend";
    public static final String ALARM = "alarm";
    /** Event-log entries and detected events (EMG discharges, EEG bursts). */
    public static final String EVENT = "event";
    /** Chat, both directions; kept in the case's event log at the OR. */
    public static final String CHAT = "chat";
    /** Alarm acknowledgements from a reader, to the OR's alarm manager and audit trail. */
    public static final String ACK = "ack";
    /** Requests to the OR (history, raw on demand): MQTT 5 request/response. */
    public static final String REQUEST = "request";

    private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Topics() {
    }

    /** The case id checked: letters, digits, '.', '_', '-' (no MQTT wildcard or level separator). */
    public static String checkCaseId(String caseId) {
        if (caseId == null || !CASE_ID.matcher(caseId).matches()) {
            throw new IllegalArgumentException("case id '" + caseId
                    + "' is not usable in a topic: 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return caseId;
    }

    public static String caseTopic(String caseId, String stream) {
        return CASES + checkCaseId(caseId) + "/" + stream;
    }

    /** Everything of one case (a reader's subscription). */
    public static String caseFilter(String caseId) {
        return CASES + checkCaseId(caseId) + "/#";
    }

    /** Where a reader's responses arrive: one topic per MQTT client id ({@code %c} in a Mosquitto ACL pattern). */
    public static String responseTopic(String clientId) {
        return ROOT + "/reader/" + clientId + "/response";
    }

    /** The (case id, stream) of a case topic, or empty for any other topic. */
    public static Optional<String[]> parse(String topic) {
        if (!topic.startsWith(CASES)) {
            return Optional.empty();
        }
        String rest = topic.substring(CASES.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1 || rest.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new String[] { rest.substring(0, slash), rest.substring(slash + 1) });
    }

    /** QoS of a stream as documented: 0 for trace frames, 1 for everything else. */
    public static int qos(String stream) {
        return TRACE.equals(stream) ? 0 : 1;
    }
}
