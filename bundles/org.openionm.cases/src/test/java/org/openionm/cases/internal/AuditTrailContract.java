package org.openionm.cases.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openionm.cases.AuditEntry;
import org.openionm.cases.AuditVerification;
import org.openionm.cases.AuditVerification.Kind;
import org.openionm.cases.DataArea;

/**
 * The audit trail against a real database, tampered with by SQL as someone with database access
 * would. One subclass per database: {@link #area()} names it, each test starts from an empty trail.
 */
abstract class AuditTrailContract {

    /**
     * The database under test: the same area for every call within one test (the concurrency test
     * opens a second pool on it); the trail is emptied in set-up, so a database may be reused.
     */
    protected abstract DataArea area() throws Exception;

    JdbcCaseDatabase db;

    @BeforeEach
    void openAndEmpty() throws Exception {
        db = JdbcCaseDatabase.open(area());
        sql("delete from audit_log");
        sql("update audit_head set last_seq = 0, last_hash = ?", AuditChain.GENESIS);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Six entries: 1–6, cases A and B alternating. */
    List<AuditEntry> six() {
        List<AuditEntry> out = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            out.add(db.audit().append("jane", "event.entered", i % 2 == 1 ? "A" : "B", "entry " + i));
        }
        return out;
    }

    @Test
    void appendsAChainThatVerifies() {
        List<AuditEntry> e = six();
        assertEquals(AuditChain.GENESIS, e.get(0).previousHash());
        for (int i = 0; i < e.size(); i++) {
            assertEquals(i + 1, e.get(i).seq());
            assertEquals(AuditChain.hash(e.get(i)), e.get(i).hash());
            if (i > 0) {
                assertEquals(e.get(i - 1).hash(), e.get(i).previousHash());
            }
        }
        assertEquals(e, db.audit().entries(null), "what is read back is what was written, to the microsecond");
        assertEquals(List.of(e.get(1), e.get(3), e.get(5)), db.audit().entries("B"));
        AuditVerification all = db.audit().verify(null);
        assertTrue(all.intact(), () -> all.firstProblem().toString());
        assertEquals(6, all.entriesChecked());
        assertEquals(3, db.audit().verify("A").entriesChecked());
    }

    @Test
    void aChangedDetailIsAltered() throws Exception {
        six();
        sql("update audit_log set detail = 'entry 3 (edited)' where seq = 3");
        expect(Kind.ALTERED, 3);
    }

    @Test
    void aChangedTimeOrActorIsAltered() throws Exception {
        six();
        sql("update audit_log set actor = 'john' where seq = 2");
        expect(Kind.ALTERED, 2);
    }

    @Test
    void aRowDeletedInTheMiddleIsDeleted() throws Exception {
        six();
        sql("delete from audit_log where seq = 3");
        expect(Kind.DELETED, 3);
    }

    @Test
    void theLastRowsDeletedAreDeletedThanksToTheHead() throws Exception {
        six();
        sql("delete from audit_log where seq >= 5");
        expect(Kind.DELETED, 5);
    }

    @Test
    void aForgedRowAppendedWithoutTheHeadIsInserted() throws Exception {
        List<AuditEntry> e = six();
        forge(7, e.get(5).hash(), "forged: correctly linked, hash recomputed");
        expect(Kind.INSERTED, 7);
    }

    @Test
    void aForgedRowWithARecomputedHashButAWrongLinkIsInserted() throws Exception {
        List<AuditEntry> e = six();
        sql("delete from audit_log where seq = 4");
        forge(4, e.get(1).hash(), "forged: links to entry 2");
        expect(Kind.INSERTED, 4);
    }

    @Test
    void aRowReplacedByAForgeryLinkedToItsPredecessorBreaksTheNextLink() throws Exception {
        List<AuditEntry> e = six();
        sql("delete from audit_log where seq = 4");
        forge(4, e.get(2).hash(), "forged: links to entry 3 like the original");
        // entry 4 is self-consistent; entry 5 still points at the original 4
        expect(Kind.INSERTED, 5);
    }

    @Test
    void theLastRowReplacedByAForgeryIsInsertedThanksToTheHead() throws Exception {
        List<AuditEntry> e = six();
        sql("delete from audit_log where seq = 6");
        forge(6, e.get(4).hash(), "forged last entry");
        expect(Kind.INSERTED, 6);
    }

    @Test
    void twoRowsReorderedAreAlteredAtTheFirst() throws Exception {
        six();
        sql("update audit_log set seq = -1 where seq = 2");
        sql("update audit_log set seq = 2 where seq = 3");
        sql("update audit_log set seq = 3 where seq = -1");
        expect(Kind.ALTERED, 2);
    }

    @Test
    void aCaseVerificationReportsABreakInAnotherCasesEntry() throws Exception {
        six();
        sql("update audit_log set detail = 'changed' where seq = 1");
        AuditVerification v = db.audit().verify("B");
        assertEquals(3, v.entriesChecked());
        assertEquals(Kind.ALTERED, v.firstProblem().orElseThrow().kind());
        assertEquals(1, v.firstProblem().orElseThrow().seq());
    }

    @Test
    void anAppendInACallersTransactionCommitsOrRollsBackWithIt() throws Exception {
        six();
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            AuditEntry e = db.auditWriter().append(c, "jane", "case.created", "C", "rolled back");
            assertEquals(7, e.seq());
            c.rollback();
            c.setAutoCommit(true);
        }
        assertEquals(6, db.audit().entries(null).size());
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            db.auditWriter().append(c, "jane", "case.created", "C", "committed");
            c.commit();
            c.setAutoCommit(true);
        }
        List<AuditEntry> all = db.audit().entries(null);
        assertEquals(7, all.get(6).seq());
        assertEquals("committed", all.get(6).detail());
        assertTrue(db.audit().verify(null).intact());
    }

    @Test
    void anAppendOnAnAutoCommitConnectionIsRefused() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            assertTrue(c.getAutoCommit());
            IllegalStateException x = assertThrows(IllegalStateException.class,
                    () -> db.auditWriter().append(c, "jane", "case.created", "C", ""));
            assertTrue(x.getMessage().contains("auto-commit"), x.getMessage());
        }
        assertTrue(db.audit().entries(null).isEmpty());
    }

    /** Threads on two pools (as two workbench processes would be) append at once: one valid chain. */
    @Test
    void concurrentAppendersFromTwoPoolsMakeOneChain() throws Exception {
        int threads = 6;
        int each = 20;
        try (JdbcCaseDatabase other = JdbcCaseDatabase.open(area())) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<List<AuditEntry>>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    JdbcCaseDatabase target = t % 2 == 0 ? db : other;
                    String actor = "writer" + t;
                    Callable<List<AuditEntry>> job = () -> {
                        List<AuditEntry> mine = new ArrayList<>();
                        for (int i = 0; i < each; i++) {
                            mine.add(target.audit().append(actor, "event.entered", "C", "n" + i));
                        }
                        return mine;
                    };
                    futures.add(pool.submit(job));
                }
                List<Long> seqs = new ArrayList<>();
                for (Future<List<AuditEntry>> f : futures) {
                    f.get(120, TimeUnit.SECONDS).forEach(e -> seqs.add(e.seq()));
                }
                seqs.sort(null);
                List<Long> expected = new ArrayList<>();
                for (long s = 1; s <= threads * each; s++) {
                    expected.add(s);
                }
                assertEquals(expected, seqs, "every append got its own seq, none skipped");
            } finally {
                pool.shutdownNow();
            }
        }
        AuditVerification v = db.audit().verify(null);
        assertTrue(v.intact(), () -> v.firstProblem().toString());
        assertEquals(threads * each, v.entriesChecked());
    }

    private void expect(Kind kind, long seq) {
        AuditVerification v = db.audit().verify(null);
        assertFalse(v.intact(), "tampering must be seen");
        assertEquals(kind, v.firstProblem().orElseThrow().kind(), v.firstProblem().orElseThrow().message());
        assertEquals(seq, v.firstProblem().orElseThrow().seq(), v.firstProblem().orElseThrow().message());
    }

    /** Inserts a self-consistent row (hash recomputed over its canonical text) with the given link. */
    private void forge(long seq, String previousHash, String detail) throws SQLException {
        OffsetDateTime at = OffsetDateTime.of(2030, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        AuditEntry draft = new AuditEntry(seq, at.toInstant(), "mallory", "event.entered", "A", detail, previousHash, null);
        sql("insert into audit_log (seq, at, actor, action, case_id, detail, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?)",
                seq, at, draft.actor(), draft.action(), draft.caseId(), detail, previousHash, AuditChain.hash(draft));
    }

    void sql(String sql, Object... params) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
