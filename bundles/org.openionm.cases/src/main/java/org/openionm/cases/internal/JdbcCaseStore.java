package org.openionm.cases.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.openionm.cases.AuditActions;
import org.openionm.cases.CaseDetails;
import org.openionm.cases.CaseRecording;
import org.openionm.cases.CaseState;
import org.openionm.cases.CaseStore;
import org.openionm.cases.DataArea;
import org.openionm.cases.MonitoringCase;
import org.openionm.cases.Patient;
import org.openionm.cases.Procedure;
import org.openionm.cases.ProtocolTemplate;
import org.openionm.cases.Sex;
import org.openionm.cases.Side;
import org.openionm.cases.TeamMember;
import org.openionm.cases.TeamRole;
import org.openionm.cases.User;

/**
 * {@link CaseStore} over plain JDBC (schema in db/cases.xml, described in docs/cases.md). Each change
 * and its audit entry are one transaction. Ids are {@code <local date>-<number of the day>}
 * ({@code 2026-12-04-001}); the next number is read and inserted in one transaction and the unique
 * constraint on (day, number) makes a writer that lost the race retry, so ids stay unique across
 * processes and workbenches sharing a server.
 */
public final class JdbcCaseStore implements CaseStore {

    private static final String CASE_COLUMNS = "id, patient_name, patient_mrn, patient_birth_date, patient_sex, procedure_type,"
            + " procedure_description, procedure_levels, procedure_side, scheduled_start, case_state, actual_start, actual_end,"
            + " created_at, created_by, demo, protocol_id, protocol_name, protocol_source";
    private static final String[] PROTOCOL_LISTS = { "procedure", "modality", "site", "montage" };

    private final DataSource ds;
    private final DataArea area;
    private final Clock clock;
    private final AuditWriter audit;
    private volatile SiteConfiguration site;

    public JdbcCaseStore(DataSource ds, DataArea area, Clock clock, AuditWriter audit) {
        this.ds = Objects.requireNonNull(ds, "ds");
        this.area = Objects.requireNonNull(area, "area");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** The site's rules, read on first use (a malformed site file then fails what needs it, not the database's opening). */
    public SiteConfiguration site() {
        SiteConfiguration s = site;
        if (s == null) {
            s = SiteConfiguration.load(area);
            site = s;
        }
        return s;
    }

    @Override
    public List<String> validate(CaseDetails details) {
        return CaseValidator.validate(details, site(), clock);
    }

    @Override
    public MonitoringCase create(CaseDetails details, boolean demo, User actor) {
        requireValid(details);
        Instant now = Transactions.micros(clock.instant());
        LocalDate day = LocalDate.now(clock);
        return Transactions.run(ds, true, c -> {
            int number;
            try (PreparedStatement ps = c.prepareStatement("select max(id_number) from ionm_case where id_day = ?")) {
                ps.setString(1, day.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    number = rs.getInt(1) + 1;
                }
            }
            String id = String.format(Locale.ROOT, "%s-%03d", day, number);
            try (PreparedStatement ps = c.prepareStatement("insert into ionm_case (id, id_day, id_number, patient_name, patient_mrn,"
                    + " patient_birth_date, patient_sex, procedure_type, procedure_description, procedure_levels, procedure_side,"
                    + " scheduled_start, case_state, created_at, created_by, demo, protocol_id, protocol_name, protocol_source)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, day.toString());
                ps.setInt(3, number);
                int i = setDetails(ps, 4, details);
                ps.setString(i++, CaseState.PLANNED.name());
                Transactions.setInstant(ps, i++, now);
                ps.setString(i++, actor.username());
                ps.setBoolean(i++, demo);
                setProtocolHeader(ps, i, details.protocol());
                ps.executeUpdate();
            }
            insertChildren(c, id, details);
            createFolder(id);
            audit.append(c, actor.username(), AuditActions.CASE_CREATED, id, describe(details) + (demo ? " (demo)" : ""));
            return load(c, id).orElseThrow();
        });
    }

    @Override
    public MonitoringCase update(String caseId, CaseDetails details, User actor) {
        requireValid(details);
        return Transactions.run(ds, c -> {
            MonitoringCase before = require(c, caseId);
            refuseSigned(before, "edited");
            String changes = changes(before.details(), normalised(details));
            if (changes.isEmpty()) {
                return before;
            }
            try (PreparedStatement ps = c.prepareStatement("update ionm_case set patient_name = ?, patient_mrn = ?,"
                    + " patient_birth_date = ?, patient_sex = ?, procedure_type = ?, procedure_description = ?,"
                    + " procedure_levels = ?, procedure_side = ?, scheduled_start = ?, protocol_id = ?, protocol_name = ?,"
                    + " protocol_source = ? where id = ? and case_state = ?")) {
                int i = setDetails(ps, 1, details);
                i = setProtocolHeader(ps, i, details.protocol());
                ps.setString(i++, caseId);
                ps.setString(i, before.state().name());
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("case " + caseId + " changed state while being edited; try again");
                }
            }
            for (String table : new String[] { "ionm_case_team", "ionm_case_protocol" }) {
                try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where case_id = ?")) {
                    ps.setString(1, caseId);
                    ps.executeUpdate();
                }
            }
            insertChildren(c, caseId, details);
            audit.append(c, actor.username(), AuditActions.CASE_EDITED, caseId, changes);
            return load(c, caseId).orElseThrow();
        });
    }

    @Override
    public MonitoringCase moveTo(String caseId, CaseState state, User actor) {
        Objects.requireNonNull(state, "state");
        return Transactions.run(ds, c -> {
            MonitoringCase before = require(c, caseId);
            if (!before.state().canMoveTo(state)) {
                throw new IllegalStateException("case " + caseId + " is " + before.state().label() + " and cannot move to "
                        + state.label() + allowed(before.state()));
            }
            Instant now = Transactions.micros(clock.instant());
            String column = switch (state) {
                case IN_PROGRESS -> "actual_start";
                case CLOSED -> "actual_end";
                default -> null;
            };
            // the state in the where clause: of two concurrent moves only one applies
            try (PreparedStatement ps = c.prepareStatement("update ionm_case set case_state = ?"
                    + (column == null ? "" : ", " + column + " = ?") + " where id = ? and case_state = ?")) {
                int i = 1;
                ps.setString(i++, state.name());
                if (column != null) {
                    Transactions.setInstant(ps, i++, now);
                }
                ps.setString(i++, caseId);
                ps.setString(i, before.state().name());
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("case " + caseId + " changed state meanwhile; try again");
                }
            }
            audit.append(c, actor.username(), AuditActions.CASE_STATE, caseId, before.state().label() + " → " + state.label());
            return load(c, caseId).orElseThrow();
        });
    }

    @Override
    public Optional<MonitoringCase> find(String caseId) {
        return Transactions.run(ds, c -> load(c, caseId));
    }

    @Override
    public List<MonitoringCase> search(String query, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return Transactions.run(ds, c -> {
            List<String> ids = new ArrayList<>();
            String where = q.isEmpty() ? "" : " where lower(id) like ? escape '\\' or lower(patient_name) like ? escape '\\'"
                    + " or lower(patient_mrn) like ? escape '\\' or lower(procedure_type) like ? escape '\\'"
                    + " or lower(procedure_description) like ? escape '\\'";
            try (PreparedStatement ps = c.prepareStatement("select id from ionm_case" + where + " order by created_at desc, id desc")) {
                if (!q.isEmpty()) {
                    for (int i = 1; i <= 5; i++) {
                        ps.setString(i, like);
                    }
                }
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            List<MonitoringCase> cases = new ArrayList<>();
            for (String id : ids) {
                load(c, id).ifPresent(cases::add);
            }
            return cases;
        });
    }

    @Override
    public List<String> procedureTypes() {
        return site().procedureTypes();
    }

    @Override
    public List<ProtocolTemplate> templates() {
        return site().templates();
    }

    @Override
    public void putRecording(CaseRecording r, User actor) {
        Objects.requireNonNull(r, "recording");
        Objects.requireNonNull(r.file(), "file");
        if (r.segment() < 1) {
            throw new IllegalArgumentException("recording segment must be 1 or more, was " + r.segment());
        }
        String file = storedPath(r.file());
        Transactions.run(ds, true, c -> {
            refuseSigned(require(c, r.caseId()), "given recordings");
            Optional<CaseRecording> before = recordings(c, r.caseId()).stream().filter(x -> x.segment() == r.segment()).findFirst();
            String sql = before.isPresent()
                    ? "update ionm_case_recording set file_path = ?, started = ?, ended = ?, duration_seconds = ?, size_bytes = ?,"
                            + " recovered = ?, note = ? where case_id = ? and segment_no = ?"
                    : "insert into ionm_case_recording (file_path, started, ended, duration_seconds, size_bytes, recovered, note,"
                            + " case_id, segment_no) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, file);
                Transactions.setInstant(ps, 2, r.started());
                Transactions.setInstant(ps, 3, r.ended());
                ps.setDouble(4, r.seconds());
                ps.setLong(5, r.bytes());
                ps.setBoolean(6, r.recovered());
                ps.setString(7, r.note() == null ? "" : r.note());
                ps.setString(8, r.caseId());
                ps.setInt(9, r.segment());
                ps.executeUpdate();
            }
            String action = r.recovered() && before.map(b -> !b.recovered()).orElse(true) ? AuditActions.RECORDING_RECOVERED
                    : r.ended() != null ? AuditActions.RECORDING_STOPPED : AuditActions.RECORDING_STARTED;
            String detail = String.format(Locale.ROOT, "segment %d, %s, %.1f s, %d bytes", r.segment(), file, r.seconds(), r.bytes())
                    + (r.note() == null || r.note().isBlank() ? "" : ": " + r.note());
            audit.append(c, actor.username(), action, r.caseId(), detail);
            return null;
        });
    }

    @Override
    public List<CaseRecording> recordings(String caseId) {
        return Transactions.run(ds, c -> recordings(c, caseId));
    }

    // ---- reading

    /** The case, if it exists, read on the caller's connection. */
    static Optional<MonitoringCase> load(Connection c, String caseId, DataArea area) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + CASE_COLUMNS + " from ionm_case where id = ?")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Patient patient = new Patient(rs.getString("patient_name"), rs.getString("patient_mrn"),
                        rs.getObject("patient_birth_date", LocalDate.class), Sex.valueOf(rs.getString("patient_sex")));
                Procedure procedure = new Procedure(rs.getString("procedure_type"), rs.getString("procedure_description"),
                        rs.getString("procedure_levels"), Side.valueOf(rs.getString("procedure_side")));
                Instant scheduled = Transactions.getInstant(rs, "scheduled_start");
                String protocolId = rs.getString("protocol_id");
                String protocolName = rs.getString("protocol_name");
                String protocolSource = rs.getString("protocol_source");
                CaseState state = CaseState.valueOf(rs.getString("case_state"));
                Instant start = Transactions.getInstant(rs, "actual_start");
                Instant end = Transactions.getInstant(rs, "actual_end");
                Instant created = Transactions.getInstant(rs, "created_at");
                String createdBy = rs.getString("created_by");
                boolean demo = rs.getBoolean("demo");
                ProtocolTemplate protocol = protocolId == null ? null : protocol(c, caseId, protocolId, protocolName, protocolSource);
                CaseDetails details = new CaseDetails(patient, procedure, scheduled, team(c, caseId), protocol);
                return Optional.of(new MonitoringCase(caseId, details, state, start, end, created, createdBy,
                        area.caseFolder(caseId), demo));
            }
        }
    }

    private Optional<MonitoringCase> load(Connection c, String caseId) throws SQLException {
        return load(c, caseId, area);
    }

    private MonitoringCase require(Connection c, String caseId) throws SQLException {
        return load(c, caseId).orElseThrow(() -> new IllegalArgumentException("no case '" + caseId + "' in " + area.describeLocation()));
    }

    private static List<TeamMember> team(Connection c, String caseId) throws SQLException {
        List<TeamMember> team = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select team_role, member_name, credentials from ionm_case_team where case_id = ? order by pos")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    team.add(new TeamMember(TeamRole.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return team;
    }

    private static ProtocolTemplate protocol(Connection c, String caseId, String id, String name, String source)
            throws SQLException {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (String l : PROTOCOL_LISTS) {
            lists.put(l, new ArrayList<>());
        }
        Map<String, String> settings = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select list_name, item, item_value from ionm_case_protocol where case_id = ? order by list_name, pos")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String list = rs.getString(1);
                    if (list.equals("setting")) {
                        settings.put(rs.getString(2), rs.getString(3));
                    } else {
                        lists.get(list).add(rs.getString(2));
                    }
                }
            }
        }
        return new ProtocolTemplate(id, name, lists.get("procedure"), lists.get("modality"), lists.get("site"),
                lists.get("montage"), settings, source);
    }

    private List<CaseRecording> recordings(Connection c, String caseId) throws SQLException {
        List<CaseRecording> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select segment_no, file_path, started, ended, duration_seconds, size_bytes,"
                + " recovered, note from ionm_case_recording where case_id = ? order by segment_no")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CaseRecording(caseId, rs.getInt("segment_no"), area.root().resolve(rs.getString("file_path")),
                            Transactions.getInstant(rs, "started"), Transactions.getInstant(rs, "ended"),
                            rs.getDouble("duration_seconds"), rs.getLong("size_bytes"), rs.getBoolean("recovered"),
                            rs.getString("note")));
                }
            }
        }
        return out;
    }

    // ---- writing

    private static int setDetails(PreparedStatement ps, int i, CaseDetails d) throws SQLException {
        Patient p = d.patient();
        ps.setString(i++, p.name());
        ps.setString(i++, p.mrn());
        if (p.birthDate() == null) {
            ps.setNull(i++, Types.DATE);
        } else {
            ps.setObject(i++, p.birthDate());
        }
        ps.setString(i++, p.sex().name());
        ps.setString(i++, d.procedure().type());
        ps.setString(i++, d.procedure().description());
        ps.setString(i++, d.procedure().levels());
        ps.setString(i++, d.procedure().side().name());
        Transactions.setInstant(ps, i++, d.scheduledStart());
        return i;
    }

    private static int setProtocolHeader(PreparedStatement ps, int i, ProtocolTemplate t) throws SQLException {
        ps.setString(i++, t == null ? null : t.id());
        ps.setString(i++, t == null ? null : t.name());
        ps.setString(i++, t == null ? null : t.source());
        return i;
    }

    private static void insertChildren(Connection c, String id, CaseDetails d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into ionm_case_team (case_id, pos, team_role, member_name, credentials) values (?, ?, ?, ?, ?)")) {
            int pos = 0;
            for (TeamMember m : d.team()) {
                ps.setString(1, id);
                ps.setInt(2, pos++);
                ps.setString(3, m.role().name());
                ps.setString(4, m.name());
                ps.setString(5, m.credentials());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        ProtocolTemplate t = d.protocol();
        if (t == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into ionm_case_protocol (case_id, list_name, pos, item, item_value) values (?, ?, ?, ?, ?)")) {
            List<List<String>> lists = List.of(t.procedureTypes(), t.modalities(), t.stimulationSites(), t.montage());
            for (int l = 0; l < PROTOCOL_LISTS.length; l++) {
                int pos = 0;
                for (String item : lists.get(l)) {
                    addProtocolRow(ps, id, PROTOCOL_LISTS[l], pos++, item, null);
                }
            }
            int pos = 0;
            for (Map.Entry<String, String> s : new TreeMap<>(t.settings()).entrySet()) {
                addProtocolRow(ps, id, "setting", pos++, s.getKey(), s.getValue());
            }
            ps.executeBatch();
        }
    }

    private static void addProtocolRow(PreparedStatement ps, String id, String list, int pos, String item, String value)
            throws SQLException {
        ps.setString(1, id);
        ps.setString(2, list);
        ps.setInt(3, pos);
        ps.setString(4, item);
        ps.setString(5, value);
        ps.addBatch();
    }

    private void createFolder(String id) {
        try {
            Files.createDirectories(area.caseFolder(id));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the case folder " + area.caseFolder(id) + ": " + e.getMessage(), e);
        }
    }

    /** Inside the data area: relative to it, so a moved data area keeps its recordings. */
    private String storedPath(Path file) {
        Path f = file.toAbsolutePath().normalize();
        return f.startsWith(area.root()) ? area.root().relativize(f).toString().replace('\\', '/') : f.toString();
    }

    // ---- rules and words

    private void requireValid(CaseDetails details) {
        List<String> problems = validate(details);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    static void refuseSigned(MonitoringCase c, String what) {
        if (c.state() == CaseState.SIGNED) {
            throw new IllegalStateException("case " + c.id() + " is signed and cannot be " + what);
        }
    }

    private static String allowed(CaseState from) {
        StringJoiner j = new StringJoiner(", ");
        for (CaseState s : CaseState.values()) {
            if (from.canMoveTo(s)) {
                j.add(s.label());
            }
        }
        return j.length() == 0 ? " (it is final)" : " (allowed: " + j + ")";
    }

    /** How the details read back from the database (times at microseconds), to compare with what is stored. */
    private static CaseDetails normalised(CaseDetails d) {
        ProtocolTemplate t = d.protocol();
        return new CaseDetails(d.patient(), d.procedure(), Transactions.micros(d.scheduledStart()), d.team(), t);
    }

    static String describe(CaseDetails d) {
        return d.patient().name() + ", MRN " + d.patient().mrn() + ", " + d.procedure().summary()
                + (d.protocol() == null ? "" : ", protocol " + d.protocol().id());
    }

    /** "patient.mrn: 1234 → 5678; team: …" — every field that differs, old and new value. */
    static String changes(CaseDetails a, CaseDetails b) {
        StringJoiner j = new StringJoiner("; ");
        diff(j, "patient.name", a.patient().name(), b.patient().name());
        diff(j, "patient.mrn", a.patient().mrn(), b.patient().mrn());
        diff(j, "patient.birthDate", a.patient().birthDate(), b.patient().birthDate());
        diff(j, "patient.sex", a.patient().sex().code(), b.patient().sex().code());
        diff(j, "procedure.type", a.procedure().type(), b.procedure().type());
        diff(j, "procedure.description", a.procedure().description(), b.procedure().description());
        diff(j, "procedure.levels", a.procedure().levels(), b.procedure().levels());
        diff(j, "procedure.side", a.procedure().side().label(), b.procedure().side().label());
        diff(j, "scheduledStart", a.scheduledStart(), b.scheduledStart());
        diff(j, "team", team(a), team(b));
        diff(j, "protocol", a.protocol() == null ? null : a.protocol().id(), b.protocol() == null ? null : b.protocol().id());
        if (a.protocol() != null && b.protocol() != null && a.protocol().id().equals(b.protocol().id())
                && !sameProtocol(a.protocol(), b.protocol())) {
            j.add("protocol " + b.protocol().id() + ": contents changed");
        }
        return j.toString();
    }

    private static boolean sameProtocol(ProtocolTemplate a, ProtocolTemplate b) {
        return a.name().equals(b.name()) && a.procedureTypes().equals(b.procedureTypes()) && a.modalities().equals(b.modalities())
                && a.stimulationSites().equals(b.stimulationSites()) && a.montage().equals(b.montage())
                && a.settings().equals(b.settings()) && a.source().equals(b.source());
    }

    private static String team(CaseDetails d) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (TeamMember m : d.team()) {
            j.add(m.role().label() + ": " + m.name() + (m.credentials().isBlank() ? "" : " (" + m.credentials() + ")"));
        }
        return j.toString();
    }

    private static void diff(StringJoiner j, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            j.add(field + ": " + (a == null ? "—" : a) + " → " + (b == null ? "—" : b));
        }
    }
}
