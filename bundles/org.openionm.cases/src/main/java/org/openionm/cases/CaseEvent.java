package org.openionm.cases;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * One event-log entry. {@code caseTimeSeconds} is on the acquisition's case clock (NaN when no
 * acquisition was running); {@code wallClock} is when it was entered; {@code author} is the logged-in
 * user's name. {@code seq} is the store's order (0 before it is stored).
 */
public record CaseEvent(long seq, String caseId, EventType type, Map<String, String> fields, String text,
        double caseTimeSeconds, Instant wallClock, String author) {

    public CaseEvent {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(type, "type");
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        text = text == null ? "" : text;
        Objects.requireNonNull(wallClock, "wallClock");
        Objects.requireNonNull(author, "author");
    }

    /**
     * The one-line text written into the recording as an EDF+ annotation and shown in lists, e.g.
     * {@code "EVENT Screw placement level=L4 side=left: medial breach suspected"}. Only the type's own
     * fields that are filled in are written, in the type's order.
     */
    public String annotationText() {
        StringJoiner j = new StringJoiner(" ");
        j.add("EVENT " + type.label());
        for (String f : type.fields()) {
            String v = fields.get(f);
            if (v != null && !v.isBlank()) {
                j.add(f + "=" + v.trim());
            }
        }
        String s = j.toString();
        return text.isBlank() ? s : s + ": " + text.trim();
    }
}
