package org.openionm.cases;

import java.time.Instant;
import java.util.Objects;

/**
 * One audit-trail entry. The trail is append-only and hash-chained: {@code hash} is the SHA-256 (hex)
 * of this entry's canonical text ({@link #canonical()}), which includes {@code previousHash}, the
 * hash of the entry before it (64 zeros for the first). Changing, inserting or deleting a row breaks
 * the chain at that point, which {@link AuditTrail#verify} reports.
 *
 * @param seq order in the trail, 1, 2, 3… without gaps
 * @param at wall-clock time of the action
 * @param actor username of who did it ("system" for the workbench itself)
 * @param action what was done, one of {@link AuditActions}
 * @param caseId the case concerned, or empty
 * @param detail what changed, in words and values ("mep.alarm.preset: spinal → brain")
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String caseId, String detail,
        String previousHash, String hash) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        caseId = caseId == null ? "" : caseId;
        detail = detail == null ? "" : detail;
    }

    /** The text the hash is computed over: every field but the hash, unambiguously separated. */
    public String canonical() {
        return seq + "\u001f" + at + "\u001f" + esc(actor) + "\u001f" + esc(action) + "\u001f" + esc(caseId) + "\u001f"
                + esc(detail) + "\u001f" + previousHash;
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\u001f", "\\u001f");
    }
}
