package org.openionm.cases.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.openionm.cases.AuditEntry;
import org.openionm.cases.AuditTrail;
import org.openionm.cases.AuditVerification;

/**
 * The audit trail in the {@code audit_log} table. Every append locks the one-row {@code audit_head}
 * ({@code SELECT … FOR UPDATE}) in the transaction of its insert, so appenders in other threads and
 * other processes wait for each other and seq and previous hash can never fork; the head also keeps
 * the last seq and hash, so deleting the last entries is seen.
 */
public final class JdbcAuditTrail implements AuditTrail, AuditWriter {

    private static final String COLUMNS = "seq, at, actor, action, case_id, detail, previous_hash, hash";

    private final DataSource dataSource;
    private final Clock clock;

    public JdbcAuditTrail(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public AuditEntry append(String actor, String action, String caseId, String detail) {
        return inTransaction(c -> append(c, actor, action, caseId, detail));
    }

    @Override
    public AuditEntry append(Connection c, String actor, String action, String caseId, String detail) throws SQLException {
        require(actor, "actor", 64);
        require(action, "action", 64);
        if (caseId != null && caseId.length() > 100) {
            throw new IllegalArgumentException("audit case id is longer than 100 characters: '" + caseId + "'");
        }
        if (c.getAutoCommit()) {
            throw new IllegalStateException("audit append needs a transaction: the connection is in auto-commit mode, "
                    + "so the head lock would not cover the insert");
        }
        long lastSeq;
        String lastHash;
        try (PreparedStatement head = c.prepareStatement("select last_seq, last_hash from audit_head where id = 1 for update");
                ResultSet rs = head.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("the audit_head row is missing: the audit trail cannot be appended to");
            }
            lastSeq = rs.getLong(1);
            lastHash = rs.getString(2);
        }
        // the database keeps microseconds; hashing the stored value keeps verify reproducible
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditEntry draft = new AuditEntry(lastSeq + 1, at, actor, action, caseId, detail, lastHash, null);
        AuditEntry entry = new AuditEntry(draft.seq(), at, actor, action, draft.caseId(), draft.detail(), lastHash,
                AuditChain.hash(draft));
        try (PreparedStatement ins = c.prepareStatement("insert into audit_log (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ins.setLong(1, entry.seq());
            ins.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            ins.setString(3, entry.actor());
            ins.setString(4, entry.action());
            ins.setString(5, entry.caseId());
            ins.setString(6, entry.detail());
            ins.setString(7, entry.previousHash());
            ins.setString(8, entry.hash());
            ins.executeUpdate();
        }
        try (PreparedStatement up = c.prepareStatement("update audit_head set last_seq = ?, last_hash = ? where id = 1")) {
            up.setLong(1, entry.seq());
            up.setString(2, entry.hash());
            up.executeUpdate();
        }
        return entry;
    }

    @Override
    public List<AuditEntry> entries(String caseId) {
        String sql = "select " + COLUMNS + " from audit_log" + (caseId == null ? "" : " where case_id = ?") + " order by seq";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (caseId != null) {
                ps.setString(1, caseId);
            }
            return read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the head (locked, so no append lands between reading it and reading the rows) and every
     * row, ordered by seq, then the hash so a repeated seq reads the same way each time.
     */
    @Override
    public AuditVerification verify(String caseId) {
        return inTransaction(c -> {
            long headSeq;
            String headHash;
            try (PreparedStatement head = c.prepareStatement("select last_seq, last_hash from audit_head where id = 1 for update");
                    ResultSet rs = head.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the audit_head row is missing: the end of the trail cannot be checked");
                }
                headSeq = rs.getLong(1);
                headHash = rs.getString(2);
            }
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from audit_log order by seq, hash")) {
                return AuditChain.verify(read(ps), headSeq, headHash, caseId);
            }
        });
    }

    private static List<AuditEntry> read(PreparedStatement ps) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
            }
        }
        return out;
    }

    private static void require(String value, String name, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException("audit " + name + " must be 1–" + max + " characters, was '" + value + "'");
        }
    }

    /** Work in one transaction of a pooled connection. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T inTransaction(Work<T> work) {
        return inTransaction(dataSource, work);
    }

    static <T> T inTransaction(DataSource dataSource, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("case database: " + e.getMessage(), e);
        }
    }
}
