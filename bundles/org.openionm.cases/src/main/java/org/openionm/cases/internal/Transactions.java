package org.openionm.cases.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

/**
 * Transactions over the pool and the value conversions both databases share. Times are stored as
 * UTC in {@code timestamp} columns (no zone: H2 and PostgreSQL then behave alike) at microsecond
 * precision, the finer of the two databases' limits.
 */
final class Transactions {

    /** SQLSTATEs after which the whole transaction is worth retrying: unique violation, serialization failure, deadlock, H2 lock timeout. */
    private static final java.util.Set<String> RETRYABLE = java.util.Set.of("23505", "40001", "40P01", "HYT00");

    private static final int ATTEMPTS = 50;

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Transactions() {
    }

    /** Runs {@code work} in one transaction; commits, or rolls back and rethrows. */
    static <T> T run(DataSource ds, Work<T> work) {
        return run(ds, false, work);
    }

    /**
     * Like {@link #run(DataSource, Work)}; with {@code retry} a transaction that lost a race (two
     * writers taking the same next id) is run again from the start with a fresh read.
     */
    static <T> T run(DataSource ds, boolean retry, Work<T> work) {
        for (int attempt = 1;; attempt++) {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                if (!(retry && e.getSQLState() != null && RETRYABLE.contains(e.getSQLState()) && attempt < ATTEMPTS)) {
                    throw new IllegalStateException("case database: " + JdbcCaseDatabase.rootMessage(e), e);
                }
            }
        }
    }

    static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.TIMESTAMP);
        } else {
            ps.setObject(i, LocalDateTime.ofInstant(micros(t), ZoneOffset.UTC));
        }
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    static void setDouble(PreparedStatement ps, int i, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    static double getDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }
}
