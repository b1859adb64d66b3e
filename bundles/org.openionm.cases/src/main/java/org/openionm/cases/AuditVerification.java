package org.openionm.cases;

import java.util.Optional;

/**
 * The result of checking the audit trail's hash chain: how many entries were checked and the first
 * problem, if any — an entry whose content no longer matches its hash (ALTERED); a row the trail did
 * not write there: a repeated seq, a seq after the head's last one, a well-formed entry whose previous
 * hash is not its predecessor's hash, a last entry that is not the head's (INSERTED); a missing seq,
 * inside the trail or at its end (DELETED). The full rule is in docs/audit.md.
 */
public record AuditVerification(long entriesChecked, Optional<Problem> firstProblem) {

    public enum Kind { ALTERED, INSERTED, DELETED }

    /** @param seq the sequence number where the chain breaks */
    public record Problem(long seq, Kind kind, String message) {
    }

    public boolean intact() {
        return firstProblem.isEmpty();
    }
}
