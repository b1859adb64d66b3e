package org.openionm.cases.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.EngineState;
import org.openionm.alarm.AlarmManager;
import org.openionm.cases.AuditActions;
import org.openionm.cases.CaseDatabase;
import org.openionm.cases.CaseDatabases;
import org.openionm.cases.CaseDetails;
import org.openionm.cases.CaseEvent;
import org.openionm.cases.CaseState;
import org.openionm.cases.CaseWorkbench;
import org.openionm.cases.DataArea;
import org.openionm.cases.EventType;
import org.openionm.cases.MonitoringCase;
import org.openionm.cases.User;
import org.openionm.cases.UserSession;
import org.openionm.processing.ProcessorHost;

/**
 * The workbench's case side (see {@link CaseWorkbench}). Plain Java: {@link CaseWorkbenchComponent}
 * publishes it as a DS service, the {@code record} command and the tests construct it. The database
 * opens on a background thread; what the acquisition, processing and alarm threads report (alarms,
 * baselines, settings changes) is written to the database on this object's own thread, so they never
 * wait for a disk or a server.
 */
public final class DefaultCaseWorkbench implements CaseWorkbench {

    private static final Logger LOG = Logger.getLogger(DefaultCaseWorkbench.class.getName());
    /** The author of entries the workbench makes by itself (an alarm raised). */
    static final String SYSTEM = "system";

    private final DataArea area;
    private final boolean demoLoginAllowed;
    private final AcquisitionEngine engine;
    private final ProcessorHost host;
    private final AlarmManager alarms;
    private final Clock clock;
    private final DeferredSession session = new DeferredSession();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<String> recovered = new CopyOnWriteArrayList<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "openionm-cases");
        t.setDaemon(true);
        return t;
    });
    private final MonitoringHooks hooks;
    private final CaseRecorder recorder;
    private org.openionm.acquisition.ConsumerRegistration recording;
    private volatile CaseDatabase db;
    private volatile String dbStatus = "Opening the case database…";
    private volatile MonitoringCase current;

    /**
     * @param engine the acquisition engine whose acquisitions are recorded into the open case and
     *               whose case clock stamps events; null for a workbench without one (tests)
     * @param host   the processor host whose settings changes and baselines are audited; may be null
     * @param alarms the alarm manager whose alarms and acknowledgements enter the event log; may be null
     */
    public DefaultCaseWorkbench(DataArea area, boolean demoLoginAllowed, AcquisitionEngine engine, ProcessorHost host,
            AlarmManager alarms, Clock clock) {
        this.area = area;
        this.demoLoginAllowed = demoLoginAllowed;
        this.engine = engine;
        this.host = host;
        this.alarms = alarms;
        this.clock = clock;
        this.hooks = new MonitoringHooks(this);
        this.recorder = new CaseRecorder(this, alarms);
        if (engine != null) {
            // recording must not miss data: a deep queue (about 20 s of 10 ms blocks) before blocks are missed
            recording = engine.addConsumer("case recording", recorder, 2000);
        }
    }

    /** Opens the database in the background; listeners hear {@code sessionChanged} once it is usable. */
    public void start() {
        start(0);
    }

    /**
     * As {@link #start()}, after {@code delayMs}: the workbench lets its first trace reach the screen
     * before Liquibase's first use takes a core for seconds (this machine has two).
     */
    public void start(long delayMs) {
        Thread opener = new Thread(() -> {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            openDatabase();
        }, "openionm-cases-open");
        opener.setDaemon(true);
        opener.start();
    }

    /** Opens the database on the calling thread (commands, tests); throws when it cannot. */
    public void startNow() {
        openDatabase();
        if (db == null) {
            throw new IllegalStateException(dbStatus);
        }
    }

    private void openDatabase() {
        try {
            CaseDatabase opened = CaseDatabases.open(area);
            session.ready(((JdbcCaseDatabase) opened).newSession(demoLoginAllowed));
            db = opened;
            dbStatus = opened.describe();
            hooks.attach(host, alarms);
            LOG.info("case database: " + dbStatus);
            recoverInterruptedRecordings(opened);
        } catch (RuntimeException e) {
            dbStatus = "The case database could not be opened: " + e.getMessage();
            session.failed(e.getMessage());
            LOG.log(Level.SEVERE, dbStatus, e);
        }
        fire(l -> l.sessionChanged(session.user(), session.locked()));
    }

    public void dispose() {
        recorder.caseClosed();
        if (recording != null) {
            recording.close();
        }
        hooks.detach(host, alarms);
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        CaseDatabase d = db;
        db = null;
        if (d != null) {
            d.close();
        }
    }

    @Override
    public Optional<CaseDatabase> database() {
        return Optional.ofNullable(db);
    }

    @Override
    public String databaseStatus() {
        return dbStatus;
    }

    @Override
    public UserSession session() {
        return session;
    }

    /** Tells listeners the session changed (the UI calls it after a login, a lock or an unlock). */
    public void sessionChanged() {
        fire(l -> l.sessionChanged(session.user(), session.locked()));
    }

    @Override
    public Optional<MonitoringCase> currentCase() {
        return Optional.ofNullable(current);
    }

    @Override
    public MonitoringCase create(CaseDetails details, boolean demo) {
        MonitoringCase created = open().cases().create(details, demo, session.actor());
        return open(created.id());
    }

    @Override
    public synchronized MonitoringCase open(String caseId) {
        CaseDatabase d = open();
        User actor = session.actor();
        MonitoringCase c = d.cases().find(caseId).orElseThrow(() -> new IllegalArgumentException("no case '" + caseId + "'"));
        if (c.state() == CaseState.PLANNED) {
            c = d.cases().moveTo(caseId, CaseState.IN_PROGRESS, actor);
        } else if (c.state() != CaseState.IN_PROGRESS) {
            throw new IllegalStateException("case " + caseId + " is " + c.state().label() + ": it can be reviewed, not monitored");
        }
        current = c;
        applyProtocolSettings(c);
        recorder.caseOpened(c);
        MonitoringCase opened = c;
        fire(l -> l.caseChanged(Optional.of(opened)));
        return c;
    }

    /**
     * The case's protocol template sets the modality settings it names (alarm presets and other
     * overrides), on top of the department's; the next acquisition starts with them. A setting for a
     * modality that is not installed, or one it refuses, is reported and skipped, never half-applied.
     */
    private void applyProtocolSettings(MonitoringCase c) {
        org.openionm.cases.ProtocolTemplate template = c.details().protocol();
        if (host == null || template == null || template.settings().isEmpty()) {
            return;
        }
        Map<String, Map<String, Object>> byProcessor = new java.util.TreeMap<>();
        template.settings().forEach((key, value) -> {
            int dot = key.indexOf('.');
            if (dot > 0) {
                byProcessor.computeIfAbsent(key.substring(0, dot), k -> new java.util.TreeMap<>()).put(key.substring(dot + 1), value);
            }
        });
        byProcessor.forEach((processor, values) -> {
            if (!host.processorIds().contains(processor)) {
                LOG.warning("protocol " + template.name() + " sets " + processor + " settings, but " + processor + " is not installed");
                return;
            }
            Map<String, Object> merged = new java.util.HashMap<>(host.overrides(processor));
            try {
                Map<String, org.openionm.core.processing.SettingDescriptor> declared = new java.util.HashMap<>();
                host.settings(processor).forEach(d -> declared.put(d.key(), d));
                for (Map.Entry<String, Object> v : values.entrySet()) {
                    org.openionm.core.processing.SettingDescriptor d = declared.get(v.getKey());
                    if (d == null) {
                        throw new IllegalArgumentException(processor + " has no setting '" + v.getKey() + "'");
                    }
                    Object value = d.parse(String.valueOf(v.getValue()));
                    if (!value.equals(host.effectiveSettings(processor).get(v.getKey()))) {
                        merged.put(v.getKey(), value); // what the protocol asks and is not so already
                    }
                }
                if (!merged.equals(host.overrides(processor))) {
                    host.configure(processor, merged);
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                LOG.warning("protocol " + template.name() + ": " + processor + " settings not applied: " + e.getMessage());
            }
        });
    }

    @Override
    public synchronized MonitoringCase openDemoCase() {
        CaseDatabase d = open();
        java.util.Optional<MonitoringCase> running = d.cases().search("", 200).stream()
                .filter(c -> c.demo() && c.state() == CaseState.IN_PROGRESS).findFirst();
        return running.isPresent() ? open(running.get().id()) : create(DemoCase.details(d.cases()), true);
    }

    @Override
    public synchronized void closeCase() {
        MonitoringCase c = current;
        if (c == null) {
            return;
        }
        User actor = session.actor();
        recorder.caseClosed();
        current = null;
        open().cases().moveTo(c.id(), CaseState.CLOSED, actor);
        fire(l -> l.caseChanged(Optional.empty()));
    }

    @Override
    public CaseEvent log(EventType type, Map<String, String> fields, String text) {
        MonitoringCase c = current;
        if (c == null) {
            throw new IllegalStateException("no case is open: open or create one in Setup ▸ Cases first");
        }
        return append(c, type, fields, text, session.actor().username());
    }

    /** Stores an entry stamped with the case clock (NaN when nothing is acquiring) and tells listeners. */
    CaseEvent append(MonitoringCase c, EventType type, Map<String, String> fields, String text, String author) {
        CaseEvent stored = open().events().append(new CaseEvent(0, c.id(), type, fields, text, caseTimeNow(),
                clock.instant(), author));
        recorder.annotate(stored.annotationText(), stored.caseTimeSeconds());
        fire(l -> l.eventLogged(stored));
        return stored;
    }

    /** The case time of an acquisition running now, NaN otherwise. */
    double caseTimeNow() {
        if (engine == null || engine.status().state() != EngineState.RUNNING) {
            return Double.NaN;
        }
        return engine.caseClock().now();
    }

    @Override
    public List<CaseEvent> events() {
        MonitoringCase c = current;
        CaseDatabase d = db;
        return c == null || d == null ? List.of() : d.events().events(c.id());
    }

    @Override
    public RecordingStatus recording() {
        return recorder.status();
    }

    /** Waits until the recording of an acquisition that was stopped is closed (for commands and tests). */
    public boolean awaitRecordingClosed(java.time.Duration timeout) throws InterruptedException {
        return recorder.awaitAcquisitionEnd(timeout);
    }

    void recordingChanged() {
        RecordingStatus status = recorder.status();
        fire(l -> l.recordingChanged(status));
    }

    void putRecording(org.openionm.cases.CaseRecording r, String actorName) {
        open().cases().putRecording(r, actorUser(actorName));
    }

    /** The session's user when it is the one named, else a system stand-in for automatic records. */
    private User actorUser(String name) {
        return session.user().filter(u -> u.username().equals(name))
                .orElse(new User(name, name, "", java.util.Set.of(), false, true));
    }

    DataArea area() {
        return area;
    }

    /** The case recorder, for tests that play the recorder's part. */
    CaseRecorder caseRecorder() {
        return recorder;
    }

    double caseTimeOr0() {
        return engine == null ? 0 : engine.caseClock().now();
    }

    /**
     * Repairs recordings a crash or power loss interrupted (header record count, incomplete last
     * record), attaches them to their case and keeps a message for the user.
     */
    private void recoverInterruptedRecordings(CaseDatabase d) {
        java.nio.file.Path cases = area.casesFolder();
        if (!java.nio.file.Files.isDirectory(cases)) {
            return;
        }
        try (var folders = java.nio.file.Files.list(cases)) {
            for (java.nio.file.Path folder : folders.filter(java.nio.file.Files::isDirectory).sorted().toList()) {
                String caseId = folder.getFileName().toString();
                for (org.openionm.recording.RecoveredRecording r : org.openionm.recording.RecordingRecovery.recoverFolder(folder)) {
                    recovered.add("Case " + caseId + ": " + r.message());
                    d.audit().append(SYSTEM, org.openionm.cases.AuditActions.RECORDING_RECOVERED, caseId, r.message());
                    if (!r.removed() && d.cases().find(caseId).isPresent()) {
                        d.cases().putRecording(new org.openionm.cases.CaseRecording(caseId, CaseRecorder.segmentNumber(r.file()),
                                r.file(), null, clock.instant(), r.seconds(), java.nio.file.Files.size(r.file()), true, r.message()),
                                actorUser(SYSTEM));
                    }
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            recovered.add("Interrupted recordings could not all be checked: " + e.getMessage());
            LOG.log(Level.SEVERE, "recovering interrupted recordings", e);
        }
    }

    @Override
    public List<String> recoveryMessages() {
        return new ArrayList<>(recovered);
    }

    @Override
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** Runs database work that threads of the acquisition report, in order, off their threads. */
    void later(Runnable work) {
        writer.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "could not write to the case database", e);
            }
        });
    }

    /** The user to attribute an automatic record to: the session's, else {@link #SYSTEM}. */
    String actorOrSystem() {
        return session.user().filter(u -> !session.locked()).map(User::username).orElse(SYSTEM);
    }

    void audit(String actor, String action, String caseId, String detail) {
        open().audit().append(actor, action, caseId, detail);
    }

    private CaseDatabase open() {
        CaseDatabase d = db;
        if (d == null) {
            throw new IllegalStateException(dbStatus);
        }
        return d;
    }

    private void fire(Consumer<Listener> call) {
        for (Listener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a case listener failed", e);
            }
        }
    }

    static String auditAction(String settingKey) {
        return settingKey.startsWith("alarm.") ? AuditActions.ALARM_CRITERIA_CHANGED : AuditActions.SETTINGS_CHANGED;
    }
}
