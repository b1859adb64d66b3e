package org.openionm.cases;

import java.util.List;

/** The append-only, hash-chained audit trail in the case database (see {@link AuditEntry}). */
public interface AuditTrail {

    /** Appends an entry, chained to the last one; safe from several threads and processes sharing the database. */
    AuditEntry append(String actor, String action, String caseId, String detail);

    /** Entries of one case (or all when {@code caseId} is null), oldest first. */
    List<AuditEntry> entries(String caseId);

    /**
     * Checks the whole chain (the chain is global, so deleting a case's entry is seen wherever it
     * was); with a {@code caseId} the result counts that case's entries but any break is reported.
     */
    AuditVerification verify(String caseId);
}
