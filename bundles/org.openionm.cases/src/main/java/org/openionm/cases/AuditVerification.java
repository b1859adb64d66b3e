package org.openionm.cases;

import java.util.Optional;

/**
 * The result of checking the audit trail's hash chain: how many entries were checked and the first
 * problem, if any — an entry whose content no longer matches its hash (ALTERED), a sequence number
 * that repeats or appears out of place (INSERTED), or a missing one / a broken link to the previous
 * hash (DELETED).
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
