package org.openionm.cases.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.openionm.cases.AuditTrail;
import org.openionm.cases.CaseDatabase;
import org.openionm.cases.CaseDetails;
import org.openionm.cases.CaseEvent;
import org.openionm.cases.CaseRecording;
import org.openionm.cases.CaseState;
import org.openionm.cases.CaseStore;
import org.openionm.cases.CaseWorkbench;
import org.openionm.cases.DataArea;
import org.openionm.cases.EventLog;
import org.openionm.cases.EventType;
import org.openionm.cases.MonitoringCase;
import org.openionm.cases.ProtocolTemplate;
import org.openionm.cases.Role;
import org.openionm.cases.User;
import org.openionm.cases.UserDirectory;
import org.openionm.cases.UserSession;

/**
 * TEST DOUBLE of the case service, in memory, for the UI tests only: the real {@code CaseWorkbench}
 * (database, users, recorder) is the cases bundle's. It keeps what the UI asked for (created details,
 * logged events) so tests can check the UI called the service with the right values; its rules
 * (MRN 4–20 letters or digits, birth date not in the future, family name required) stand in for the
 * store's; time in its session is what the caller passes, so a test moves the clock instead of waiting.
 */
final class TestCaseWorkbench implements CaseWorkbench {

    static final User DEMO = new User("demo", "Demo technologist", "", Set.of(Role.TECHNOLOGIST), true, true);
    static final User JANE = new User("jroe", "Jane Roe", "CNIM", Set.of(Role.TECHNOLOGIST), false, true);
    static final String JANE_PASSWORD = "correct horse";
    static final ProtocolTemplate SPINE = new ProtocolTemplate("spine-tcmep-ssep", "Spine: SSEP + TcMEP",
            List.of("posterior spinal fusion", "scoliosis correction"), List.of("ssep", "mep"),
            List.of("median.left", "median.right"), List.of("C3'-Fz"), Map.of("mep.alarm.preset", "spinal"), "built in");
    static final ProtocolTemplate CAROTID = new ProtocolTemplate("carotid-eeg-ssep", "Carotid: SSEP + EEG",
            List.of("carotid endarterectomy"), List.of("ssep"), List.of("median.left"), List.of("C3-Cz"), Map.of(), "built in");

    final List<CaseDetails> created = new CopyOnWriteArrayList<>();
    final List<CaseEvent> logged = new CopyOnWriteArrayList<>();
    final List<Listener> listeners = new CopyOnWriteArrayList<>();
    final List<MonitoringCase> cases = new CopyOnWriteArrayList<>();
    volatile boolean databaseOpen = true;
    volatile MonitoringCase current;
    volatile RecordingStatus recording = RecordingStatus.IDLE;
    volatile double caseTime = Double.NaN;
    volatile List<String> recovery = List.of();
    final Session session = new Session();
    final Store store = new Store();
    private int nextId = 1;

    @Override
    public Optional<CaseDatabase> database() {
        return databaseOpen ? Optional.of(new Database()) : Optional.empty();
    }

    @Override
    public String databaseStatus() {
        return databaseOpen ? "in-memory test double" : "Opening the case database…";
    }

    @Override
    public UserSession session() {
        return session;
    }

    @Override
    public Optional<MonitoringCase> currentCase() {
        return Optional.ofNullable(current);
    }

    @Override
    public synchronized MonitoringCase create(CaseDetails details, boolean demo) {
        MonitoringCase c = store.create(details, demo, session.actor());
        created.add(details);
        current = c;
        listeners.forEach(l -> l.caseChanged(currentCase()));
        return c;
    }

    @Override
    public MonitoringCase open(String caseId) {
        MonitoringCase c = store.moveTo(caseId, CaseState.IN_PROGRESS, session.actor());
        current = c;
        listeners.forEach(l -> l.caseChanged(currentCase()));
        return c;
    }

    /** Counts the calls: the demo login opens the demo case. */
    int demoCasesOpened;

    @Override
    public synchronized MonitoringCase openDemoCase() {
        demoCasesOpened++;
        return current;
    }

    @Override
    public void closeCase() {
        if (current != null) {
            store.moveTo(current.id(), CaseState.CLOSED, session.actor());
            current = null;
            listeners.forEach(l -> l.caseChanged(Optional.empty()));
        }
    }

    @Override
    public CaseEvent log(EventType type, Map<String, String> fields, String text) {
        if (current == null) {
            throw new IllegalStateException("no case is open");
        }
        CaseEvent e = new CaseEvent(logged.size() + 1, current.id(), type, fields, text, caseTime, Instant.now(),
                session.actor().displayName());
        logged.add(e);
        listeners.forEach(l -> l.eventLogged(e));
        return e;
    }

    @Override
    public List<CaseEvent> events() {
        return current == null ? List.of() : logged.stream().filter(e -> e.caseId().equals(current.id())).toList();
    }

    @Override
    public RecordingStatus recording() {
        return recording;
    }

    @Override
    public List<String> recoveryMessages() {
        return recovery;
    }

    @Override
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** A case as the store would have it, for filling the list. */
    MonitoringCase addCase(CaseDetails details, CaseState state, Instant createdAt) {
        return addCase(details, state, createdAt, false);
    }

    MonitoringCase addCase(CaseDetails details, CaseState state, Instant createdAt, boolean demo) {
        MonitoringCase c = new MonitoringCase(String.format(Locale.ROOT, "C%04d", nextId++), details, state,
                state == CaseState.PLANNED ? null : createdAt, state == CaseState.CLOSED ? createdAt.plusSeconds(4 * 3600) : null,
                createdAt, "jroe", Path.of("/tmp/cases"), demo);
        cases.add(0, c);
        return c;
    }

    /** An entry as if logged earlier in the case (no session needed), for the workbench test's picture. */
    CaseEvent seed(EventType type, Map<String, String> fields, String text, double caseTimeSeconds, Instant at, String author) {
        CaseEvent e = new CaseEvent(logged.size() + 1, current.id(), type, fields, text, caseTimeSeconds, at, author);
        logged.add(e);
        return e;
    }

    final class Store implements CaseStore {

        @Override
        public List<String> validate(CaseDetails d) {
            List<String> problems = new ArrayList<>();
            if (d.patient().familyName().isBlank()) {
                problems.add("patient family name must not be empty");
            }
            if (!d.patient().mrn().matches("[A-Za-z0-9]{4,20}")) {
                problems.add("MRN must be 4–20 letters or digits, was '" + d.patient().mrn() + "'");
            }
            if (d.patient().birthDate() != null && d.patient().birthDate().isAfter(LocalDate.now())) {
                problems.add("birth date " + d.patient().birthDate() + " is in the future");
            }
            return problems;
        }

        @Override
        public synchronized MonitoringCase create(CaseDetails details, boolean demo, User actor) {
            List<String> problems = validate(details);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            return addCase(details, CaseState.PLANNED, Instant.now());
        }

        @Override
        public MonitoringCase update(String caseId, CaseDetails details, User actor) {
            throw new UnsupportedOperationException("not used by the UI");
        }

        @Override
        public synchronized MonitoringCase moveTo(String caseId, CaseState state, User actor) {
            MonitoringCase c = find(caseId).orElseThrow();
            MonitoringCase moved = new MonitoringCase(c.id(), c.details(), state, c.actualStart(), c.actualEnd(), c.created(),
                    c.createdBy(), c.folder(), c.demo());
            cases.set(cases.indexOf(c), moved);
            return moved;
        }

        @Override
        public Optional<MonitoringCase> find(String caseId) {
            return cases.stream().filter(c -> c.id().equals(caseId)).findFirst();
        }

        @Override
        public List<MonitoringCase> search(String query, int limit) {
            String q = query.toLowerCase(Locale.ROOT);
            return cases.stream().filter(c -> (c.id() + " " + c.patient().name() + " " + c.patient().mrn() + " "
                    + c.details().procedure().summary()).toLowerCase(Locale.ROOT).contains(q)).limit(limit).toList();
        }

        @Override
        public List<String> procedureTypes() {
            return List.of("posterior spinal fusion", "scoliosis correction", "carotid endarterectomy", "thyroidectomy");
        }

        @Override
        public List<ProtocolTemplate> templates() {
            return List.of(SPINE, CAROTID);
        }

        @Override
        public void putRecording(CaseRecording recording, User actor) {
        }

        @Override
        public List<CaseRecording> recordings(String caseId) {
            return List.of();
        }
    }

    /** Only {@link #cases()} is used by the UI. */
    final class Database implements CaseDatabase {
        @Override
        public DataArea area() {
            return DataArea.embedded(Path.of("/tmp/openionm-test"));
        }

        @Override
        public CaseStore cases() {
            return store;
        }

        @Override
        public EventLog events() {
            throw new UnsupportedOperationException();
        }

        @Override
        public UserDirectory users() {
            throw new UnsupportedOperationException();
        }

        @Override
        public AuditTrail audit() {
            throw new UnsupportedOperationException();
        }

        @Override
        public UserSession newSession(boolean demoLoginAllowed, Duration inactivityLimit) {
            throw new UnsupportedOperationException("the UI uses CaseWorkbench.session()");
        }

        @Override
        public String describe() {
            return "in-memory test double";
        }

        @Override
        public void close() {
        }
    }

    /** Jane Roe with {@link #JANE_PASSWORD}; the demo login when {@link #demoAllowed}; locks after 10 min idle. */
    final class Session implements UserSession {
        volatile boolean demoAllowed = true;
        volatile User user;
        volatile boolean locked;
        volatile Instant lastActivity = Instant.EPOCH;
        final List<Instant> touches = new CopyOnWriteArrayList<>();

        @Override
        public Optional<User> login(String username, char[] password, Instant now) {
            if (username.equals(JANE.username()) && Arrays.equals(password, JANE_PASSWORD.toCharArray())) {
                user = JANE;
                locked = false;
                lastActivity = now;
                listeners.forEach(l -> l.sessionChanged(user(), false));
                return user();
            }
            return Optional.empty();
        }

        @Override
        public User loginDemo(Instant now) {
            if (!demoAllowed) {
                throw new IllegalStateException("the site does not allow the demo login");
            }
            user = DEMO;
            lastActivity = now;
            return DEMO;
        }

        @Override
        public void logout(Instant now) {
            user = null;
        }

        @Override
        public Optional<User> user() {
            return Optional.ofNullable(user);
        }

        @Override
        public User actor() {
            if (user == null || locked) {
                throw new IllegalStateException(user == null ? "nobody is logged in" : "the session is locked");
            }
            return user;
        }

        @Override
        public void touch(Instant now) {
            touches.add(now);
            if (now.isAfter(lastActivity)) {
                lastActivity = now;
            }
        }

        @Override
        public boolean lockIfIdle(Instant now) {
            if (user != null && !locked && !now.isBefore(lastActivity.plus(inactivityLimit()))) {
                locked = true;
                listeners.forEach(l -> l.sessionChanged(user(), true));
            }
            return locked;
        }

        @Override
        public boolean locked() {
            return locked;
        }

        @Override
        public boolean unlock(char[] password, Instant now) {
            String expected = user == JANE ? JANE_PASSWORD : "demo";
            if (!Arrays.equals(password, expected.toCharArray())) {
                return false;
            }
            locked = false;
            lastActivity = now;
            listeners.forEach(l -> l.sessionChanged(user(), false));
            return true;
        }

        @Override
        public Duration inactivityLimit() {
            return Duration.ofMinutes(10);
        }
    }
}
