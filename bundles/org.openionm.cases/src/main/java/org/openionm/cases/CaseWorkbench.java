package org.openionm.cases;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The case side of a running workbench, as a DS service: the case database (opened in the background
 * at start, so the first trace does not wait for it), who is logged in, the case that is open, its
 * full-disclosure recording (every acquisition while a case is open is recorded into the case folder)
 * and its event log. The UI and the headless {@code record} command use it; all clinical logic is
 * here, headless. Listeners are called on a background thread; UIs re-dispatch.
 */
public interface CaseWorkbench {

    /** The database once open; empty while it opens or when it could not be opened ({@link #databaseStatus()} says why). */
    Optional<CaseDatabase> database();

    /** "Opening the case database…", "H2 2.3.232 (embedded, /…/db)", or the failure message. */
    String databaseStatus();

    /** Login, lock and the actor every action is attributed to. */
    UserSession session();

    /** The open case, if any. */
    Optional<MonitoringCase> currentCase();

    /** Creates a case (PLANNED) and opens it. */
    MonitoringCase create(CaseDetails details, boolean demo);

    /** Opens a case: a planned one moves to in progress; acquisitions from now on are recorded into it. */
    MonitoringCase open(String caseId);

    /**
     * The demo workbench's case: the newest demo case still in progress is reopened (a restart
     * continues it, with a new recording segment), otherwise a synthetic patient's posterior spinal
     * fusion T10–L2 is created. Only demo cases are ever opened by themselves.
     */
    MonitoringCase openDemoCase();

    /** Stops its recording and moves the open case to CLOSED. */
    void closeCase();

    /**
     * Enters an event-log entry in the open case, stamped with the case clock and the session's actor,
     * stored and written into the running recording as an EDF+ annotation.
     */
    CaseEvent log(EventType type, Map<String, String> fields, String text);

    /** The open case's events, oldest first (empty without a case). */
    List<CaseEvent> events();

    /** The recording state the status bar shows. */
    RecordingStatus recording();

    /** What was recovered from interrupted recordings at start (one message per file), for the user to read. */
    List<String> recoveryMessages();

    void addListener(Listener listener);

    void removeListener(Listener listener);

    /** Changes a workbench UI follows. Default methods: implement what you need. */
    interface Listener {
        default void caseChanged(Optional<MonitoringCase> current) {
        }

        default void eventLogged(CaseEvent event) {
        }

        default void recordingChanged(RecordingStatus status) {
        }

        default void sessionChanged(Optional<User> user, boolean locked) {
        }
    }

    /**
     * @param active a recording is being written
     * @param file the segment being written (or the last one), may be null
     * @param bytes its size
     * @param seconds seconds of data in it
     * @param secondsLeftOnDisk estimated recording time left on its volume (NaN when unknown)
     * @param problem what stopped it or what to worry about ("disk full: …", "about 40 min of recording left"), or empty
     */
    record RecordingStatus(boolean active, java.nio.file.Path file, long bytes, double seconds, double secondsLeftOnDisk,
            String problem) {
        public static final RecordingStatus IDLE = new RecordingStatus(false, null, 0, 0, Double.NaN, "");
    }
}
