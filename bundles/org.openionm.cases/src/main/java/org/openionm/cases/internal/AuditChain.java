package org.openionm.cases.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.openionm.cases.AuditEntry;
import org.openionm.cases.AuditVerification;
import org.openionm.cases.AuditVerification.Kind;
import org.openionm.cases.AuditVerification.Problem;

/**
 * The hash chain of the audit trail, without a database: the hash of an entry and the check of a
 * whole trail against its head (the last seq and hash the trail wrote). The rule that classifies a
 * problem is in docs/audit.md.
 */
public final class AuditChain {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** SHA-256 of the entry's canonical text (UTF-8), lower-case hex. */
    public static String hash(AuditEntry e) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(e.canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", x);
        }
    }

    /**
     * Checks a trail.
     *
     * @param rows every row of the trail ordered by seq
     * @param headSeq the last seq the trail wrote (kept in the head row)
     * @param headHash the hash of that entry
     * @param caseId count only this case's entries (null: all); a break anywhere is reported regardless
     */
    public static AuditVerification verify(List<AuditEntry> rows, long headSeq, String headHash, String caseId) {
        long checked = caseId == null ? rows.size() : rows.stream().filter(e -> e.caseId().equals(caseId)).count();
        return new AuditVerification(checked, firstProblem(rows, headSeq, headHash));
    }

    private static Optional<Problem> firstProblem(List<AuditEntry> rows, long headSeq, String headHash) {
        long expected = 1;
        String previous = GENESIS;
        for (AuditEntry e : rows) {
            if (e.seq() < expected) {
                return problem(e.seq(), Kind.INSERTED, "entry " + e.seq() + " appears more than once");
            }
            if (e.seq() > expected) {
                return problem(expected, Kind.DELETED, "entr" + missing(expected, e.seq() - 1) + " missing before entry " + e.seq());
            }
            if (e.seq() > headSeq) {
                return problem(e.seq(), Kind.INSERTED, "entry " + e.seq() + " comes after the last entry the trail wrote ("
                        + headSeq + ")");
            }
            if (!hash(e).equals(e.hash())) {
                return problem(e.seq(), Kind.ALTERED, "entry " + e.seq() + " no longer matches its hash: its content was changed");
            }
            if (!e.previousHash().equals(previous)) {
                return problem(e.seq(), Kind.INSERTED, "entry " + e.seq() + " is not chained to entry " + (e.seq() - 1)
                        + ": it was inserted, or the entry before it was replaced");
            }
            previous = e.hash();
            expected++;
        }
        if (expected - 1 < headSeq) {
            return problem(expected, Kind.DELETED, "entr" + missing(expected, headSeq) + " missing at the end (the trail wrote "
                    + headSeq + " entries)");
        }
        if (!previous.equals(headHash)) {
            return problem(headSeq, Kind.INSERTED, "entry " + headSeq + " is not the entry the trail wrote last: it was replaced");
        }
        return Optional.empty();
    }

    private static String missing(long from, long to) {
        return from == to ? "y " + from + " is" : "ies " + from + "–" + to + " are";
    }

    private static Optional<Problem> problem(long seq, Kind kind, String message) {
        return Optional.of(new Problem(seq, kind, message));
    }
}
