package org.openionm.cases.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openionm.acquisition.SampleConsumer;
import org.openionm.alarm.AlarmKey;
import org.openionm.alarm.AlarmManager;
import org.openionm.cases.AuditActions;
import org.openionm.cases.CaseRecording;
import org.openionm.cases.CaseWorkbench.RecordingStatus;
import org.openionm.cases.MonitoringCase;
import org.openionm.cases.Patient;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.Provenance;
import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfRecordingInfo;
import org.openionm.recording.Recorder;
import org.openionm.recording.RecorderListener;
import org.openionm.recording.RecorderState;
import org.openionm.recording.RecorderStatus;
import org.openionm.recording.Recorders;
import org.openionm.recording.RecordingSpec;

/**
 * Full disclosure for the open case: one engine consumer for the workbench's life that hands every
 * acquisition to the open case's {@link Recorder} (BDF+, numbered segments {@code <case>-001.bdf}… in
 * the case folder). A case opened while an acquisition runs starts recording at the next block; a
 * case closed stops its file. Files are registered in the case store and every start, stop and
 * failure is audit-logged; a failed recording (full disk) raises a HIGH technical alarm while
 * monitoring goes on.
 */
final class CaseRecorder implements SampleConsumer, RecorderListener {

    private static final Logger LOG = Logger.getLogger(CaseRecorder.class.getName());
    static final String PREFILTERING = "None (amplifier signal as acquired, no software filter)";
    /** Alarm key of a recording that stopped: one per workbench. */
    static final String ALARM_SITE = "recording";

    private final DefaultCaseWorkbench workbench;
    private final AlarmManager alarms;
    private final Object lock = new Object();
    private Recorder recorder;
    private MonitoringCase recordedCase;
    private String driverId;
    private List<Channel> channels;
    private volatile String lowDisk = "";
    /** Why recording stopped, kept until the next file opens: the status bar must go on saying it. */
    private volatile String failure = "";
    private volatile RecorderStatus last;
    /** Events entered before the recording thread saw the acquisition start. */
    private final List<Waiting> waiting = new java.util.ArrayList<>();

    CaseRecorder(DefaultCaseWorkbench workbench, AlarmManager alarms) {
        this.workbench = workbench;
        this.alarms = alarms;
    }

    /** Starts recording the open case from now on (the running acquisition's next block, or the next start). */
    void caseOpened(MonitoringCase c) {
        Recorder started;
        synchronized (lock) {
            closeLocked();
            recordedCase = c;
            lowDisk = "";
            failure = "";
            recorder = Recorders.create(RecordingSpec.segments(folder(c), c.id(), EdfFormat.BDF,
                    info(c, workbench.actorOrSystem()), PREFILTERING));
            recorder.addListener(this);
            started = recorder;
            if (channels != null) { // an acquisition is running: join it
                started.onStart(driverId, channels);
            }
        }
    }

    void caseClosed() {
        synchronized (lock) {
            closeLocked();
        }
    }

    private void closeLocked() {
        if (recorder != null) {
            recorder.stopRecording();
            recorder.removeListener(this);
            recorder = null;
            recordedCase = null;
        }
    }

    /**
     * Writes an event into the running recording at the sample the case time names. When the
     * recording thread has not yet reached the acquisition's start (it runs behind the amplifier by
     * its queue), the event waits for it. False when no case is being recorded.
     */
    boolean annotate(String text, double caseTimeSeconds) {
        if (Double.isNaN(caseTimeSeconds)) {
            return false;
        }
        Recorder r;
        double rate;
        synchronized (lock) {
            r = recorder;
            if (r == null) {
                return false;
            }
            if (channels == null || channels.isEmpty()) {
                waiting.add(new Waiting(text, caseTimeSeconds));
                return true;
            }
            rate = channels.get(0).samplingRateHz();
        }
        return r.annotate(text, Math.round(caseTimeSeconds * rate));
    }

    private record Waiting(String text, double caseTimeSeconds) {
    }

    RecordingStatus status() {
        Recorder r = recorder;
        RecorderStatus s = r == null ? last : r.status();
        if (s == null) {
            return RecordingStatus.IDLE;
        }
        String problem = s.failure() != null && !s.failure().isEmpty() ? s.failure() : !failure.isEmpty() ? failure : lowDisk;
        return new RecordingStatus(s.state() == RecorderState.RECORDING, s.file(), s.bytesWritten(), s.secondsRecorded(),
                s.secondsLeft(), problem == null ? "" : problem);
    }

    /** Waits until the open case's recorder has closed the file of the acquisition that ended. */
    boolean awaitAcquisitionEnd(java.time.Duration timeout) throws InterruptedException {
        Recorder r = recorder;
        return r == null || r.awaitAcquisitionEnd(timeout);
    }

    // engine → recorder

    @Override
    public void onStart(String driverId, List<Channel> channels) {
        Recorder r;
        synchronized (lock) {
            this.driverId = driverId;
            this.channels = List.copyOf(channels);
            r = recorder;
        }
        if (r != null) {
            r.onStart(driverId, channels);
            List<Waiting> due;
            synchronized (lock) {
                due = List.copyOf(waiting);
                waiting.clear();
            }
            double rate = channels.isEmpty() ? 0 : channels.get(0).samplingRateHz();
            due.forEach(w -> r.annotate(w.text(), Math.round(w.caseTimeSeconds() * rate)));
        }
    }

    @Override
    public void onBlock(SampleBlock block) {
        Recorder r = recorder;
        if (r != null) {
            r.onBlock(block);
        }
    }

    @Override
    public void onGap(DataGap gap) {
        Recorder r = recorder;
        if (r != null) {
            r.onGap(gap);
        }
    }

    @Override
    public void onStimulus(StimulusEvent event) {
        Recorder r = recorder;
        if (r != null) {
            r.onStimulus(event);
        }
    }

    @Override
    public void onAnnotation(Annotation annotation) {
        Recorder r = recorder;
        if (r != null) {
            r.onAnnotation(annotation);
        }
    }

    @Override
    public void onHealth(DriverHealth health) {
        Recorder r = recorder;
        if (r != null) {
            r.onHealth(health);
        }
    }

    @Override
    public void onStop(String reason) {
        Recorder r;
        synchronized (lock) {
            channels = null;
            r = recorder;
        }
        if (r != null) {
            r.onStop(reason);
        }
    }

    // recorder → case store, audit, alarms (on the recorder's thread: hand over)

    @Override
    public void stateChanged(RecorderStatus status) {
        last = status;
        if (status.state() == RecorderState.RECORDING) {
            failure = "";
        }
        MonitoringCase c = recordedCase;
        if (c == null || status.file() == null) {
            return;
        }
        boolean open = status.state() == RecorderState.RECORDING;
        String actor = workbench.actorOrSystem();
        CaseRecording rec = recording(c, status, false, "");
        workbench.later(() -> {
            workbench.putRecording(rec, actor);
            workbench.audit(actor, open ? AuditActions.RECORDING_STARTED : AuditActions.RECORDING_STOPPED, c.id(),
                    status.file().getFileName() + (open ? "" : String.format(java.util.Locale.ROOT, ": %.1f s, %d bytes",
                            status.secondsRecorded(), status.bytesWritten())));
        });
        workbench.recordingChanged();
    }

    @Override
    public void failed(RecorderStatus status) {
        last = status;
        failure = status.failure() == null ? "recording stopped" : status.failure();
        MonitoringCase c = recordedCase;
        String actor = workbench.actorOrSystem();
        if (alarms != null) {
            alarms.onCondition(new AlarmCondition(workbench.caseTimeOr0(), AlarmKey.TECHNICAL, ALARM_SITE, "",
                    "Recording stopped", AlarmCondition.Priority.HIGH, true, status.failure(), "",
                    new Provenance("case recorder", Map.of("file", String.valueOf(status.file())))));
        }
        if (c != null) {
            CaseRecording rec = recording(c, status, false, "stopped: " + status.failure());
            workbench.later(() -> {
                workbench.putRecording(rec, actor);
                workbench.audit(actor, AuditActions.RECORDING_FAILED, c.id(), status.failure());
            });
        }
        LOG.log(Level.SEVERE, "recording stopped: " + status.failure());
        workbench.recordingChanged();
    }

    @Override
    public void lowDisk(RecorderStatus status, String message) {
        lowDisk = message;
        LOG.warning(message);
        workbench.recordingChanged();
    }

    static CaseRecording recording(MonitoringCase c, RecorderStatus s, boolean recovered, String note) {
        return new CaseRecording(c.id(), segmentNumber(s.file()), s.file(), Instant.now(), s.state() == RecorderState.RECORDING ? null
                : Instant.now(), s.secondsRecorded(), s.bytesWritten(), recovered, note);
    }

    /** 3 for {@code 2026-12-04-001-003.bdf}: the recorder numbers segments at the end of the name. */
    static int segmentNumber(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        int dash = name.lastIndexOf('-', dot < 0 ? name.length() : dot);
        try {
            return Integer.parseInt(name.substring(dash + 1, dot < 0 ? name.length() : dot));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private Path folder(MonitoringCase c) {
        Path folder = c.folder() != null ? c.folder() : workbench.area().caseFolder(c.id());
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the case folder " + folder + ": " + e.getMessage(), e);
        }
        return folder;
    }

    /** The EDF+ header's patient and recording fields (the de-identified export, in the report issue, blanks them). */
    static EdfRecordingInfo info(MonitoringCase c, String technician) {
        Patient p = c.patient();
        String sex = switch (p.sex()) {
            case FEMALE -> "F";
            case MALE -> "M";
            default -> null;
        };
        return new EdfRecordingInfo(p.mrn(), sex, p.birthDate(), p.name().replace('^', '_'), c.id(), technician,
                "OpenIONM", LocalDateTime.now());
    }
}
