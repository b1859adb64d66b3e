package org.openionm.review;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

import org.openionm.cases.AuditTrail;
import org.openionm.cases.CaseEvent;
import org.openionm.cases.EventLog;
import org.openionm.cases.EventType;

/**
 * What a reader adds to a case in review, attributed and audit-logged: an annotation becomes an
 * event-log entry of the case at the cursor's case time (the event log writes its
 * {@code event.entered} audit entry in the same transaction, and the report lists it), and a
 * measurement read by hand is an audit entry {@value #MEASURED}. Without an open case nothing is
 * written anywhere: a file opened on its own has no record to add to.
 *
 * @since 0.2.0
 */
public final class ReviewJournal {

    /** Audit action of a latency/amplitude read by hand in review. */
    public static final String MEASURED = "review.measured";
    /** Text every review annotation starts with, so the log tells it from an entry made in the OR. */
    public static final String PREFIX = "Review: ";

    private final EventLog events;
    private final AuditTrail audit;
    private final String caseId;
    private final Clock clock;

    public ReviewJournal(EventLog events, AuditTrail audit, String caseId, Clock clock) {
        this.events = Objects.requireNonNull(events, "events");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.caseId = Objects.requireNonNull(caseId, "caseId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String caseId() {
        return caseId;
    }

    /**
     * Adds an annotation at {@code caseSeconds}, written by {@code author} (a username).
     *
     * @throws IllegalArgumentException for an empty text
     */
    public CaseEvent annotate(double caseSeconds, String text, String author) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an annotation needs a text");
        }
        return events.append(new CaseEvent(0, caseId, EventType.NOTE, Map.of(), PREFIX + text.strip(), caseSeconds, clock.instant(),
                author));
    }

    /** Audit-logs a measurement read by hand, in the name of {@code author}. */
    public void measured(HandMeasurement m, String author) {
        audit.append(author, MEASURED, caseId, m.describe());
    }
}
