package org.openionm.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.cases.internal.JdbcCaseDatabase;
import org.openionm.cases.internal.JdbcCaseStore;

/**
 * The case store and event log against a real database; {@link H2CaseStoreTest} and
 * {@link PostgresCaseStoreTest} run the same tests on H2 and PostgreSQL. The store runs on a clock
 * the test sets, so ids and stored times are known exactly.
 */
abstract class CaseStoreContract {

    static final Instant T0 = Instant.parse("2026-12-04T08:30:00Z");
    static final User TECH = new User("tech1", "Terry Tech", "CNIM", Set.of(Role.TECHNOLOGIST), false, true);

    @TempDir
    Path dir;

    DataArea area;
    JdbcCaseDatabase db;
    TestAuditWriter audit;
    MutableClock clock;
    JdbcCaseStore store;

    /** A data area at {@code root} with an empty database. */
    abstract DataArea newArea(Path root) throws Exception;

    @BeforeEach
    void open() throws Exception {
        area = newArea(dir);
        audit = new TestAuditWriter();
        db = JdbcCaseDatabase.open(area, audit);
        TestAuditWriter.createTable(db.dataSource());
        clock = new MutableClock(T0);
        store = new JdbcCaseStore(db.dataSource(), area, clock, audit);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    static CaseDetails details(String name, String mrn, String procedure) {
        ProtocolTemplate spine = new ProtocolTemplate("spine", "Spine", List.of("posterior spinal fusion"), List.of("ssep", "mep"),
                List.of("median.left", "tibial.left", "tcmep.C3C4"), List.of("CP3-Fpz", "TA-L", "APB-L"),
                Map.of("mep.alarm.preset", "spinal", "ssep.alarm.subcortical", "true"), "built-in");
        return new CaseDetails(new Patient(name, mrn, LocalDate.of(1961, 3, 14), Sex.FEMALE),
                new Procedure(procedure, "revision, 2 levels", "T10–L2", Side.BILATERAL),
                Instant.parse("2026-12-04T07:45:00.123456Z"),
                List.of(new TeamMember(TeamRole.SURGEON, "Dr. Sam Cutter", "MD"),
                        new TeamMember(TeamRole.ANESTHESIOLOGIST, "Dr. Ann Esthe", "MD"),
                        new TeamMember(TeamRole.TECHNOLOGIST, "Terry Tech", "CNIM"),
                        new TeamMember(TeamRole.NEUROPHYSIOLOGIST, "Dr. Neil Reader", "MD, DABNM")),
                spine);
    }

    static CaseDetails jane() {
        return details("Doe^Jane", "ABC123", "posterior spinal fusion");
    }

    @Test
    void createStoresEveryFieldAndFindReadsItBack() throws Exception {
        CaseDetails d = jane();
        MonitoringCase created = store.create(d, true, TECH);

        assertEquals("2026-12-04-001", created.id());
        assertEquals(d, created.details(), "patient, procedure, scheduled start, team and protocol as entered");
        assertEquals(CaseState.PLANNED, created.state());
        assertNull(created.actualStart());
        assertNull(created.actualEnd());
        assertEquals(T0, created.created());
        assertEquals("tech1", created.createdBy());
        assertTrue(created.demo());
        assertEquals(area.caseFolder("2026-12-04-001"), created.folder());
        assertTrue(Files.isDirectory(created.folder()), "the case folder is created with the case");
        assertEquals(created, store.find(created.id()).orElseThrow());
        assertEquals("J.D. · MRN ABC123 · posterior spinal fusion T10–L2", created.label());
        assertEquals(List.of("tech1 case.created 2026-12-04-001: Doe^Jane, MRN ABC123, posterior spinal fusion T10–L2, protocol spine (demo)"),
                TestAuditWriter.entries(db.dataSource()));
    }

    @Test
    void optionalFieldsRoundTripAsAbsent() {
        CaseDetails d = new CaseDetails(new Patient("Roe^Richard", "R-0001", null, Sex.UNKNOWN),
                new Procedure("thyroidectomy", null, null, null), null, List.of(), null);
        MonitoringCase c = store.create(d, false, TECH);
        MonitoringCase back = store.find(c.id()).orElseThrow();
        assertEquals(d, back.details());
        assertNull(back.details().protocol());
        assertNull(back.details().scheduledStart());
        assertNull(back.patient().birthDate());
        assertEquals(Side.NOT_APPLICABLE, back.details().procedure().side());
        assertFalse(back.demo());
    }

    @Test
    void timesAreKeptToTheMicrosecond() {
        CaseDetails d = jane();
        CaseDetails nanos = new CaseDetails(d.patient(), d.procedure(), Instant.parse("2026-12-04T07:45:00.123456789Z"), d.team(),
                d.protocol());
        clock.set(Instant.parse("2026-12-04T08:30:00.987654321Z"));
        MonitoringCase c = store.create(nanos, false, TECH);
        assertEquals(Instant.parse("2026-12-04T07:45:00.123456Z"), store.find(c.id()).orElseThrow().details().scheduledStart());
        assertEquals(Instant.parse("2026-12-04T08:30:00.987654Z"), store.find(c.id()).orElseThrow().created());
    }

    @Test
    void idsNumberTheCasesOfEachLocalDay() {
        assertEquals("2026-12-04-001", store.create(jane(), false, TECH).id());
        assertEquals("2026-12-04-002", store.create(jane(), false, TECH).id());
        clock.set(Instant.parse("2026-12-05T00:00:01Z"));
        assertEquals("2026-12-05-001", store.create(jane(), false, TECH).id());
        assertEquals("2026-12-05-002", store.create(jane(), false, TECH).id());
    }

    @Test
    void concurrentCreationThroughTwoPoolsGivesUniqueConsecutiveIds() throws Exception {
        try (JdbcCaseDatabase second = JdbcCaseDatabase.open(area, audit)) {
            JdbcCaseStore other = new JdbcCaseStore(second.dataSource(), area, clock, audit);
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<String>> ids = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    JdbcCaseStore s = i % 2 == 0 ? store : other;
                    Callable<String> create = () -> s.create(jane(), false, TECH).id();
                    ids.add(pool.submit(create));
                }
                Set<String> distinct = new TreeSet<>();
                for (Future<String> f : ids) {
                    distinct.add(f.get(120, TimeUnit.SECONDS));
                }
                Set<String> expected = new TreeSet<>();
                for (int n = 1; n <= 30; n++) {
                    expected.add(String.format("2026-12-04-%03d", n));
                }
                assertEquals(expected, distinct, "30 creations, 30 different ids, no number skipped");
            } finally {
                pool.shutdownNow();
            }
        }
        assertEquals(30, TestAuditWriter.entries(db.dataSource()).size(), "one audit entry per case, none for a lost race");
    }

    @Test
    void validationNamesTheFieldAndTheValue() {
        LocalDate today = LocalDate.of(2026, 12, 4);
        CaseDetails bad = new CaseDetails(new Patient("Jane Doe", "12 3", today.plusDays(1), Sex.FEMALE),
                new Procedure("knee arthroscopy", "", "", Side.LEFT), null,
                List.of(new TeamMember(TeamRole.SURGEON, " ", "MD")), null);
        List<String> problems = store.validate(bad);
        assertEquals(5, problems.size(), problems.toString());
        assertEquals("patient name must be Family^Given (e.g. Doe^Jane), was 'Jane Doe'", problems.get(0));
        assertEquals("MRN must be 4–20 letters, digits or hyphens, was '12 3'", problems.get(1));
        assertEquals("birth date 2026-12-05 is in the future (today is 2026-12-04)", problems.get(2));
        assertTrue(problems.get(3).startsWith("procedure type 'knee arthroscopy' is not one of the site's types (posterior spinal fusion, "),
                problems.get(3));
        assertEquals("team member 1 (Surgeon) has no name", problems.get(4));

        CaseDetails ancient = new CaseDetails(new Patient("Doe^Jane", "ABC123", LocalDate.of(1896, 12, 3), Sex.FEMALE),
                new Procedure("Posterior Spinal Fusion", "", "", null), null, List.of(), null);
        assertEquals(List.of("birth date 1896-12-03 is more than 130 years ago"), store.validate(ancient),
                "procedure type matched regardless of letter case");
        assertEquals(List.of("patient name must be Family^Given (e.g. Doe^Jane), was 'Doe^'"),
                store.validate(details("Doe^", "ABC123", "posterior spinal fusion")));
        assertEquals(List.of("MRN must be 4–20 letters, digits or hyphens, was 'ABC'"),
                store.validate(details("Doe^Jane", "ABC", "posterior spinal fusion")));
        assertEquals(List.of(), store.validate(jane()));
    }

    @Test
    void anInvalidCaseIsNotCreated() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.create(details("Doe^Jane", "12 3", "posterior spinal fusion"), false, TECH));
        assertEquals("MRN must be 4–20 letters, digits or hyphens, was '12 3'", e.getMessage());
        assertEquals(List.of(), store.search("", 10));
        assertEquals(List.of(), TestAuditWriter.entries(db.dataSource()));
    }

    @Test
    void aFailingAuditWriteRollsTheChangeBack() throws Exception {
        audit.failNextWith("audit trail unavailable");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.create(jane(), false, TECH));
        assertTrue(e.getMessage().contains("audit trail unavailable"), e.getMessage());
        assertEquals(List.of(), store.search("", 10), "no case without its audit entry");

        MonitoringCase c = store.create(jane(), false, TECH);
        assertEquals("2026-12-04-001", c.id(), "the rolled-back case took no number");
        audit.failNextWith("audit trail unavailable");
        assertThrows(IllegalStateException.class, () -> store.moveTo(c.id(), CaseState.IN_PROGRESS, TECH));
        assertEquals(CaseState.PLANNED, store.find(c.id()).orElseThrow().state());
        audit.failNextWith("audit trail unavailable");
        assertThrows(IllegalStateException.class, () -> db.events().append(event(c.id(), EventType.INCISION, Map.of(), Double.NaN)));
        assertEquals(List.of(), db.events().events(c.id()));
        assertEquals(1, TestAuditWriter.entries(db.dataSource()).size());
    }

    @Test
    void statesMoveForwardOnlyAndSetTheActualTimes() throws Exception {
        String id = store.create(jane(), false, TECH).id();
        Instant start = clock.advance(Duration.ofMinutes(20));
        MonitoringCase running = store.moveTo(id, CaseState.IN_PROGRESS, TECH);
        assertEquals(CaseState.IN_PROGRESS, running.state());
        assertEquals(start, running.actualStart());
        assertNull(running.actualEnd());

        IllegalStateException back = assertThrows(IllegalStateException.class, () -> store.moveTo(id, CaseState.PLANNED, TECH));
        assertEquals("case 2026-12-04-001 is in progress and cannot move to planned (allowed: closed)", back.getMessage());

        Instant end = clock.advance(Duration.ofHours(3));
        MonitoringCase closed = store.moveTo(id, CaseState.CLOSED, TECH);
        assertEquals(start, closed.actualStart());
        assertEquals(end, closed.actualEnd());

        MonitoringCase signed = store.moveTo(id, CaseState.SIGNED, TECH);
        assertEquals(CaseState.SIGNED, signed.state());
        assertEquals(end, signed.actualEnd());
        IllegalStateException fin = assertThrows(IllegalStateException.class, () -> store.moveTo(id, CaseState.CLOSED, TECH));
        assertEquals("case 2026-12-04-001 is signed and cannot move to closed (it is final)", fin.getMessage());
        IllegalStateException edit = assertThrows(IllegalStateException.class,
                () -> store.update(id, details("Doe^Jane", "XYZ999", "posterior spinal fusion"), TECH));
        assertEquals("case 2026-12-04-001 is signed and cannot be edited", edit.getMessage());
        assertThrows(IllegalStateException.class, () -> db.events().append(event(id, EventType.NOTE, Map.of(), 1)));
        assertEquals("ABC123", store.find(id).orElseThrow().patient().mrn());

        assertEquals(List.of("tech1 case.created " + id + ": Doe^Jane, MRN ABC123, posterior spinal fusion T10–L2, protocol spine",
                "tech1 case.state " + id + ": planned → in progress", "tech1 case.state " + id + ": in progress → closed",
                "tech1 case.state " + id + ": closed → signed"), TestAuditWriter.entries(db.dataSource()));

        // a planned case may be closed without starting (cancelled): no actual times
        String cancelled = store.create(jane(), false, TECH).id();
        MonitoringCase c = store.moveTo(cancelled, CaseState.CLOSED, TECH);
        assertNull(c.actualStart());
        assertEquals(end, c.actualEnd());
        assertThrows(IllegalArgumentException.class, () -> store.moveTo("2026-01-01-999", CaseState.CLOSED, TECH));
    }

    @Test
    void updateReplacesTheDetailsAndAuditsWhatChanged() throws Exception {
        MonitoringCase c = store.create(jane(), false, TECH);
        CaseDetails d = c.details();
        CaseDetails edited = new CaseDetails(new Patient("Doe^Jane", "XYZ999", d.patient().birthDate(), Sex.FEMALE),
                d.procedure(), d.scheduledStart(), List.of(d.team().get(0), new TeamMember(TeamRole.TECHNOLOGIST, "Tom Other", "")),
                d.protocol());
        MonitoringCase after = store.update(c.id(), edited, TECH);
        assertEquals(edited, after.details());
        assertEquals(edited, store.find(c.id()).orElseThrow().details());
        assertEquals(c.created(), after.created());
        assertEquals(CaseState.PLANNED, after.state());
        List<String> entries = TestAuditWriter.entries(db.dataSource());
        assertEquals("tech1 case.edited " + c.id() + ": patient.mrn: ABC123 → XYZ999; team: [Surgeon: Dr. Sam Cutter (MD),"
                + " Anesthesiologist: Dr. Ann Esthe (MD), Technologist: Terry Tech (CNIM), Interpreting neurophysiologist:"
                + " Dr. Neil Reader (MD, DABNM)] → [Surgeon: Dr. Sam Cutter (MD), Technologist: Tom Other]", entries.get(1));

        store.update(c.id(), edited, TECH);
        assertEquals(2, TestAuditWriter.entries(db.dataSource()).size(), "an edit that changes nothing is not audited");
        assertThrows(IllegalArgumentException.class, () -> store.update(c.id(), details("Doe^Jane", "1", "posterior spinal fusion"), TECH));
    }

    @Test
    void searchMatchesIdNameMrnAndProcedureNewestFirst() {
        MonitoringCase a = store.create(details("Doe^Jane", "ABC123", "posterior spinal fusion"), false, TECH);
        clock.advance(Duration.ofMinutes(1));
        MonitoringCase b = store.create(details("Smith^John", "XY-91", "carotid endarterectomy"), false, TECH);
        clock.advance(Duration.ofMinutes(1));
        MonitoringCase c = store.create(details("Doe^John", "Q1234", "thyroidectomy"), false, TECH);

        assertEquals(List.of(c, b, a), store.search("", 10));
        assertEquals(List.of(c, b), store.search("", 2));
        assertEquals(List.of(c, a), store.search("doe", 10));
        assertEquals(List.of(c, b), store.search("JOHN", 10));
        assertEquals(List.of(b), store.search("Carotid", 10));
        assertEquals(List.of(b), store.search("xy-9", 10));
        assertEquals(List.of(a), store.search("abc1", 10));
        assertEquals(List.of(b), store.search(b.id(), 10));
        assertEquals(List.of(), store.search("_", 10), "_ is a character, not a wildcard");
        assertEquals(List.of(), store.search("%", 10), "% is a character, not a wildcard");
        assertEquals(List.of(c, b, a), store.search("revision", 10), "the procedure's free text is searched too");
        assertEquals(List.of(), store.search("nobody", 10));
    }

    @Test
    void recordingsAreRegisteredAndUpdated() throws Exception {
        MonitoringCase c = store.create(jane(), false, TECH);
        Path file = c.folder().resolve("segment-01.bdf");
        Instant started = Instant.parse("2026-12-04T09:00:00.5Z");
        store.putRecording(new CaseRecording(c.id(), 1, file, started, null, 0, 0, false, ""), TECH);
        assertEquals(List.of(new CaseRecording(c.id(), 1, file, started, null, 0, 0, false, "")), store.recordings(c.id()));

        Instant ended = Instant.parse("2026-12-04T10:00:00Z");
        CaseRecording done = new CaseRecording(c.id(), 1, file, started, ended, 3599.5, 123_456_789_012L, false, "");
        store.putRecording(done, TECH);
        CaseRecording recovered = new CaseRecording(c.id(), 2, c.folder().resolve("segment-02.bdf"), ended, null, 12.25, 4096, true,
                "header record count repaired, 0.4 s partial record dropped");
        store.putRecording(recovered, TECH);
        assertEquals(List.of(done, recovered), store.recordings(c.id()));

        List<String> audited = TestAuditWriter.entries(db.dataSource());
        String folder = "cases/" + c.id() + "/";
        assertEquals(List.of("tech1 recording.started " + c.id() + ": segment 1, " + folder + "segment-01.bdf, 0.0 s, 0 bytes",
                "tech1 recording.stopped " + c.id() + ": segment 1, " + folder + "segment-01.bdf, 3599.5 s, 123456789012 bytes",
                "tech1 recording.recovered " + c.id() + ": segment 2, " + folder
                        + "segment-02.bdf, 12.3 s, 4096 bytes: header record count repaired, 0.4 s partial record dropped"),
                audited.subList(1, 4));
        assertEquals(List.of(), store.recordings("2026-01-01-999"));
        assertThrows(IllegalArgumentException.class,
                () -> store.putRecording(new CaseRecording("2026-01-01-999", 1, file, started, null, 0, 0, false, ""), TECH));
    }

    static CaseEvent event(String caseId, EventType type, Map<String, String> fields, double caseTime) {
        return new CaseEvent(0, caseId, type, fields, "", caseTime, Instant.parse("2026-12-04T09:15:00Z"), "tech1");
    }

    @Test
    void eventsKeepTypeFieldsTimesAndAuthorInOrder() throws Exception {
        MonitoringCase c = store.create(jane(), false, TECH);
        MonitoringCase other = store.create(jane(), false, TECH);
        Map<String, String> screw = new LinkedHashMap<>();
        screw.put("side", "left");
        screw.put("level", "L4");
        screw.put("extra", "stimulated at 7 mA");
        CaseEvent e1 = new CaseEvent(0, c.id(), EventType.SCREW_PLACEMENT, screw, "medial breach suspected", 1234.5678,
                Instant.parse("2026-12-04T09:20:00.123456789Z"), "tech1");
        CaseEvent e2 = new CaseEvent(0, c.id(), EventType.SURGEON_INFORMED,
                Map.of("informed", "Dr. Sam Cutter", "by", "Terry Tech", "response", "screw redirected"), "", Double.NaN,
                Instant.parse("2026-12-04T09:21:00Z"), "tech1");
        CaseEvent s1 = db.events().append(e1);
        db.events().append(event(other.id(), EventType.INCISION, Map.of(), 0));
        CaseEvent s2 = db.events().append(e2);

        assertTrue(s1.seq() > 0 && s2.seq() > s1.seq(), s1.seq() + " then " + s2.seq());
        assertEquals(Instant.parse("2026-12-04T09:20:00.123456Z"), s1.wallClock());
        List<CaseEvent> back = db.events().events(c.id());
        assertEquals(List.of(s1, s2), back);
        CaseEvent r1 = back.get(0);
        assertEquals(EventType.SCREW_PLACEMENT, r1.type());
        assertEquals(List.of("side", "level", "extra"), List.copyOf(r1.fields().keySet()), "fields in the order entered");
        assertEquals("L4", r1.fields().get("level"));
        assertEquals(1234.5678, r1.caseTimeSeconds());
        assertEquals("medial breach suspected", r1.text());
        assertTrue(Double.isNaN(back.get(1).caseTimeSeconds()), "no acquisition: NaN case time stays NaN");
        assertEquals(1, db.events().events(other.id()).size());
        assertTrue(TestAuditWriter.entries(db.dataSource()).contains("tech1 event.entered " + c.id()
                + ": EVENT Screw placement level=L4 side=left: medial breach suspected"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> db.events().append(event("2026-01-01-999", EventType.NOTE, Map.of(), 0)));
        assertTrue(missing.getMessage().startsWith("no case '2026-01-01-999'"), missing.getMessage());
    }

    @Test
    void theWiredStoreOfTheDatabaseWorks() {
        LocalDate before = LocalDate.now();
        MonitoringCase c = db.cases().create(jane(), false, TECH);
        LocalDate after = LocalDate.now();
        assertEquals(c, db.cases().find(c.id()).orElseThrow());
        assertTrue(c.id().equals(before + "-001") || c.id().equals(after + "-001"), "ids from the system clock's local date: " + c.id());
    }

    @Test
    void migratingAgainChangesNothingAndKeepsTheData() throws Exception {
        MonitoringCase c = store.create(jane(), false, TECH);
        List<String> before = changeSets();
        assertTrue(before.contains("cases-1") && before.contains("events-1"), before.toString());
        try (JdbcCaseDatabase again = JdbcCaseDatabase.open(area, audit)) {
            assertEquals(c, again.cases().find(c.id()).orElseThrow());
        }
        assertEquals(before, changeSets());
    }

    private List<String> changeSets() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id from databasechangelog order by orderexecuted")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
