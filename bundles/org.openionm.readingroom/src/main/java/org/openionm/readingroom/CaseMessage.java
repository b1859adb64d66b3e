package org.openionm.readingroom;

import java.util.Map;
import java.util.Objects;

/**
 * One message of a case stream as a reader received it: the stream ({@link Topics#ALARM} …), the
 * publisher session ({@code epoch}: a restarted OR starts its numbering again) and the sequence
 * number within it, case time (s; NaN when nothing was acquiring), wall time (ms since the epoch),
 * and the body's fields as decoded JSON (strings, numbers as Double, booleans, lists, maps).
 *
 * @since 0.2.0
 */
public record CaseMessage(String caseId, String stream, String epoch, long sequence, double caseSeconds, long wallMillis,
        Map<String, Object> body) {

    public CaseMessage {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(epoch, "epoch");
        body = Map.copyOf(body);
    }

    /** One line of JSON: case, stream, epoch, seq, t (when known), wall, body (the {@code watch} command's output). */
    public String toJson() {
        return org.openionm.readingroom.internal.Envelopes.line(this);
    }

    /** A body field as text ("" when absent). */
    public String text(String field) {
        Object v = body.get(field);
        return v == null ? "" : v.toString();
    }

    /** A body field as a number (NaN when absent or not a number). */
    public double number(String field) {
        return body.get(field) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
