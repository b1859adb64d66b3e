package org.openionm.cases.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.openionm.cases.AuditActions;
import org.openionm.cases.CaseEvent;
import org.openionm.cases.DataArea;
import org.openionm.cases.EventLog;
import org.openionm.cases.EventType;
import org.openionm.cases.MonitoringCase;

/**
 * {@link EventLog} over plain JDBC (db/events.xml): the entry, its fields in a child table in the
 * order given, and its {@code event.entered} audit entry in one transaction.
 */
public final class JdbcEventLog implements EventLog {

    private final DataSource ds;
    private final DataArea area;
    private final AuditWriter audit;

    public JdbcEventLog(DataSource ds, DataArea area, AuditWriter audit) {
        this.ds = Objects.requireNonNull(ds, "ds");
        this.area = Objects.requireNonNull(area, "area");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    @Override
    public CaseEvent append(CaseEvent e) {
        Objects.requireNonNull(e, "event");
        if (e.author().isBlank()) {
            throw new IllegalArgumentException("event author is empty");
        }
        if (e.text().length() > 4000) {
            throw new IllegalArgumentException("event text is " + e.text().length() + " characters long, at most 4000 fit");
        }
        for (Map.Entry<String, String> f : e.fields().entrySet()) {
            if (f.getKey() == null || f.getKey().isBlank() || f.getKey().length() > 64) {
                throw new IllegalArgumentException("event field name '" + f.getKey() + "' must be 1–64 characters");
            }
            if (f.getValue() == null || f.getValue().length() > 1000) {
                throw new IllegalArgumentException("event field '" + f.getKey() + "' needs a value of at most 1000 characters");
            }
        }
        if (Double.isInfinite(e.caseTimeSeconds())) {
            throw new IllegalArgumentException("event case time must be finite or NaN, was " + e.caseTimeSeconds());
        }
        return Transactions.run(ds, c -> {
            MonitoringCase mc = JdbcCaseStore.load(c, e.caseId(), area)
                    .orElseThrow(() -> new IllegalArgumentException("no case '" + e.caseId() + "' in " + area.describeLocation()));
            JdbcCaseStore.refuseSigned(mc, "given events");
            long seq;
            try (PreparedStatement ps = c.prepareStatement("insert into ionm_case_event (case_id, event_type, entry_text, case_time,"
                    + " wall_clock, author) values (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, e.caseId());
                ps.setString(2, e.type().name());
                ps.setString(3, e.text());
                Transactions.setDouble(ps, 4, e.caseTimeSeconds());
                Transactions.setInstant(ps, 5, e.wallClock());
                ps.setString(6, e.author());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    seq = keys.getLong(1); // seq is the first column (PostgreSQL returns them all)
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into ionm_case_event_field (event_seq, pos, field_name, field_value) values (?, ?, ?, ?)")) {
                int pos = 0;
                for (Map.Entry<String, String> f : e.fields().entrySet()) {
                    ps.setLong(1, seq);
                    ps.setInt(2, pos++);
                    ps.setString(3, f.getKey());
                    ps.setString(4, f.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            CaseEvent stored = new CaseEvent(seq, e.caseId(), e.type(), e.fields(), e.text(), e.caseTimeSeconds(),
                    Transactions.micros(e.wallClock()), e.author());
            audit.append(c, e.author(), AuditActions.EVENT_ENTERED, e.caseId(), stored.annotationText());
            return stored;
        });
    }

    @Override
    public List<CaseEvent> events(String caseId) {
        return Transactions.run(ds, c -> events(c, caseId));
    }

    private static List<CaseEvent> events(Connection c, String caseId) throws SQLException {
        Map<Long, Map<String, String>> fields = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select f.event_seq, f.field_name, f.field_value from ionm_case_event_field f"
                + " join ionm_case_event e on e.seq = f.event_seq where e.case_id = ? order by f.event_seq, f.pos")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fields.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
        }
        List<CaseEvent> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select seq, event_type, entry_text, case_time, wall_clock, author"
                + " from ionm_case_event where case_id = ? order by seq")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong("seq");
                    out.add(new CaseEvent(seq, caseId, EventType.valueOf(rs.getString("event_type")),
                            fields.getOrDefault(seq, Map.of()), rs.getString("entry_text"), Transactions.getDouble(rs, "case_time"),
                            Transactions.getInstant(rs, "wall_clock"), rs.getString("author")));
                }
            }
        }
        return out;
    }
}
