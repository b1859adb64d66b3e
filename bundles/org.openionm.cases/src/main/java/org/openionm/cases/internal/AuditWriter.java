package org.openionm.cases.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.openionm.cases.AuditEntry;

/**
 * Appends an audit-trail entry on a connection the caller holds, so a change and its audit entry
 * commit or roll back together (the case store and the event log call it inside their transactions).
 * The audit trail implements it; the caller owns the transaction (no commit or rollback here).
 */
public interface AuditWriter {

    AuditEntry append(Connection c, String actor, String action, String caseId, String detail) throws SQLException;
}
