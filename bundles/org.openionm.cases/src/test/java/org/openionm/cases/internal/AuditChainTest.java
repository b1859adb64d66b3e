package org.openionm.cases.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openionm.cases.AuditEntry;
import org.openionm.cases.AuditVerification;
import org.openionm.cases.AuditVerification.Kind;

/** The chain rule on rows in memory: what SQL cannot do while seq is the primary key (a repeated seq). */
class AuditChainTest {

    @Test
    void hashIsSha256OfTheCanonicalTextWithSeparatorsEscaped() {
        AuditEntry e = new AuditEntry(1, Instant.parse("2025-03-04T05:06:07.123456Z"), "jane", "case.created", "C-1",
                "MRN: 123 \\ a\u001fb", AuditChain.GENESIS, null);
        assertEquals("1\u001f2025-03-04T05:06:07.123456Z\u001fjane\u001fcase.created\u001fC-1\u001fMRN: 123 \\\\ a\\u001fb\u001f"
                + "0".repeat(64), e.canonical());
        // python3: hashlib.sha256(canonical.encode()).hexdigest()
        assertEquals("c7591dd63c2085f21b8cd017fae9796ab2d192baba195b7c8ca350b539ecef75", AuditChain.hash(e));
    }

    @Test
    void anEmptyTrailWithAnEmptyHeadIsIntact() {
        assertTrue(AuditChain.verify(List.of(), 0, AuditChain.GENESIS, null).intact());
    }

    @Test
    void aRepeatedSeqIsAnInsertion() {
        List<AuditEntry> rows = chain(4);
        AuditEntry copy = rows.get(2);
        rows.add(3, copy);
        AuditVerification v = AuditChain.verify(rows, 4, rows.get(4).hash(), null);
        assertEquals(Kind.INSERTED, v.firstProblem().orElseThrow().kind());
        assertEquals(3, v.firstProblem().orElseThrow().seq());
    }

    @Test
    void countsOnlyTheCasesEntriesButReportsABreakAnywhere() {
        List<AuditEntry> rows = chain(4);
        AuditVerification ok = AuditChain.verify(rows, 4, rows.get(3).hash(), "case-b");
        assertEquals(2, ok.entriesChecked());
        assertTrue(ok.intact());
        rows.remove(0); // entry 1 belongs to case-a
        AuditVerification broken = AuditChain.verify(rows, 4, rows.get(2).hash(), "case-b");
        assertEquals(Kind.DELETED, broken.firstProblem().orElseThrow().kind());
        assertEquals(1, broken.firstProblem().orElseThrow().seq());
    }

    /** A valid chain of n entries alternating between case-a and case-b. */
    static List<AuditEntry> chain(int n) {
        List<AuditEntry> out = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            AuditEntry draft = new AuditEntry(seq, Instant.ofEpochSecond(1_700_000_000L + seq), "jane", "event.entered",
                    seq % 2 == 1 ? "case-a" : "case-b", "entry " + seq, previous, null);
            String hash = AuditChain.hash(draft);
            out.add(new AuditEntry(seq, draft.at(), draft.actor(), draft.action(), draft.caseId(), draft.detail(), previous, hash));
            previous = hash;
        }
        return out;
    }
}
