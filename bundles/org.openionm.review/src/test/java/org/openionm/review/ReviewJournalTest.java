package org.openionm.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.cases.AuditEntry;
import org.openionm.cases.AuditTrail;
import org.openionm.cases.AuditVerification;
import org.openionm.cases.CaseEvent;
import org.openionm.cases.EventLog;
import org.openionm.cases.EventType;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Provenance;

/** Review annotations and hand measurements reach the case's event log and audit trail, attributed. */
class ReviewJournalTest {

    private final List<CaseEvent> logged = new ArrayList<>();
    private final List<String> audited = new ArrayList<>();

    private final EventLog events = new EventLog() {
        @Override
        public CaseEvent append(CaseEvent e) {
            CaseEvent stored = new CaseEvent(logged.size() + 1, e.caseId(), e.type(), e.fields(), e.text(), e.caseTimeSeconds(),
                    e.wallClock(), e.author());
            logged.add(stored);
            return stored;
        }

        @Override
        public List<CaseEvent> events(String caseId) {
            return logged;
        }
    };

    private final AuditTrail audit = new AuditTrail() {
        @Override
        public AuditEntry append(String actor, String action, String caseId, String detail) {
            audited.add(actor + " | " + action + " | " + caseId + " | " + detail);
            return null;
        }

        @Override
        public List<AuditEntry> entries(String caseId) {
            return List.of();
        }

        @Override
        public AuditVerification verify(String caseId) {
            throw new UnsupportedOperationException();
        }
    };

    private final Instant now = Instant.parse("2026-12-05T09:30:00Z");
    private final ReviewJournal journal = new ReviewJournal(events, audit, "C-2026-0042", Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void anAnnotationIsAnEventLogEntryAtTheCursorInTheReadersName() {
        CaseEvent e = journal.annotate(725.3, "  P40 loss is artefact: electrode re-applied at 12:10  ", "dr.reader");

        assertEquals(1, logged.size());
        assertEquals("C-2026-0042", e.caseId());
        assertEquals(EventType.NOTE, e.type());
        assertEquals("Review: P40 loss is artefact: electrode re-applied at 12:10", e.text());
        assertEquals(725.3, e.caseTimeSeconds());
        assertEquals(now, e.wallClock());
        assertEquals("dr.reader", e.author());
        assertEquals(Map.of(), e.fields());
        assertThrows(IllegalArgumentException.class, () -> journal.annotate(1, "  ", "dr.reader"));
        assertEquals(1, logged.size());
    }

    @Test
    void aHandMeasurementIsAuditLogged() {
        float[] uv = new float[300];
        uv[200] = 1.5f;
        uv[240] = -0.6f;
        AverageTrace a = new AverageTrace(720, "ssep", "tibial-L", "Cz'-Fz", uv, 5000, 200, 0, new Provenance("ssep", Map.of()));

        journal.measured(HandMeasurement.read(a, 40, 48), "dr.reader");

        assertEquals(List.of("dr.reader | review.measured | C-2026-0042 | ssep tibial-L Cz'-Fz at 0:12:00.0: latency 40.00 ms, "
                + "amplitude 2.10 µV (cursors at 40.00 and 48.00 ms)"), audited);
    }
}
