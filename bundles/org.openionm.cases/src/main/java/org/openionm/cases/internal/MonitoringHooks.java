package org.openionm.cases.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.openionm.alarm.AlarmListener;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmManager;
import org.openionm.alarm.AlarmSnapshot;
import org.openionm.cases.AuditActions;
import org.openionm.cases.EventType;
import org.openionm.cases.MonitoringCase;
import org.openionm.core.processing.AverageTrace;
import org.openionm.processing.ProcessorHost;
import org.openionm.processing.ResultListener;

/**
 * What monitoring reports that belongs in the case record: alarms raised and acknowledged (event log
 * and audit trail), baseline captures (both), settings and alarm-criteria changes (audit trail, also
 * with no case open). Heard on the processing and alarm threads, written on the workbench's own.
 */
final class MonitoringHooks implements ResultListener, AlarmListener {

    private final DefaultCaseWorkbench workbench;
    /** One capture gives a baseline per site and channel: one record per processor and capture time. */
    private String lastCapture = "";

    MonitoringHooks(DefaultCaseWorkbench workbench) {
        this.workbench = workbench;
    }

    void attach(ProcessorHost host, AlarmManager alarms) {
        if (host != null) {
            host.addListener(this);
        }
        if (alarms != null) {
            alarms.addListener(this);
        }
    }

    void detach(ProcessorHost host, AlarmManager alarms) {
        if (host != null) {
            host.removeListener(this);
        }
        if (alarms != null) {
            alarms.removeListener(this);
        }
    }

    /** Whether an acquisition ran since the workbench started: a later fresh start is worth a line. */
    private volatile boolean acquired;

    /** The case goes on after a stretch without data (issue 16): the event log says how long. */
    @Override
    public void acquisitionContinued(double resumedAtSeconds, double gapSeconds) {
        acquired = true;
        String text = "acquisition resumed after " + minutesSeconds(gapSeconds) + " (case continued: baselines and trends kept)";
        workbench.currentCase().ifPresent(c -> workbench.later(
                () -> workbench.append(c, EventType.NOTE, Map.of(), text, DefaultCaseWorkbench.SYSTEM)));
    }

    /** A fresh start after an earlier acquisition: baselines and trends start over, and the log says so. */
    @Override
    public void acquisitionStarted() {
        boolean earlier = acquired;
        acquired = true;
        if (earlier) {
            workbench.currentCase().ifPresent(c -> workbench.later(() -> workbench.append(c, EventType.NOTE, Map.of(),
                    "acquisition started fresh: baselines and trends start over", DefaultCaseWorkbench.SYSTEM)));
        }
    }

    /** "m:ss" (or "h:mm:ss"), as the case clock reads. */
    static String minutesSeconds(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return s >= 3600 ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public void settingsChanged(String processorId, Map<String, Object> previous, Map<String, Object> current) {
        String actor = workbench.actorOrSystem();
        String caseId = workbench.currentCase().map(MonitoringCase::id).orElse("");
        TreeSet<String> keys = new TreeSet<>(previous.keySet());
        keys.addAll(current.keySet());
        StringBuilder detail = new StringBuilder();
        boolean criteria = false;
        for (String key : keys) {
            Object before = previous.get(key);
            Object after = current.get(key);
            if (!Objects.equals(before, after)) {
                criteria |= key.startsWith("alarm.");
                detail.append(detail.length() == 0 ? "" : "; ").append(processorId).append('.').append(key).append(": ")
                        .append(before == null ? "default" : before).append(" → ").append(after == null ? "default" : after);
            }
        }
        String action = criteria ? AuditActions.ALARM_CRITERIA_CHANGED : AuditActions.SETTINGS_CHANGED;
        workbench.later(() -> workbench.audit(actor, action, caseId, detail.toString()));
        workbench.currentCase().ifPresent(c -> workbench.later(
                () -> workbench.append(c, EventType.SETTINGS_CHANGED, Map.of("setting", detail.toString()), "", actor)));
    }

    @Override
    public void baseline(AverageTrace baseline) {
        String key = baseline.provenance().producer() + "@" + baseline.timeSeconds() + chosen(baseline);
        if (key.equals(lastCapture)) {
            return;
        }
        lastCapture = key;
        String actor = workbench.actorOrSystem();
        String detail = baseline.modality() + " baseline at case time " + String.format(java.util.Locale.ROOT, "%.1f s", baseline.timeSeconds())
                + " (" + baseline.provenance().producer() + ")"
                + chosen(baseline);
        workbench.currentCase().ifPresent(c -> workbench.later(() -> {
            workbench.audit(actor, AuditActions.BASELINE_CAPTURED, c.id(), detail);
            workbench.append(c, EventType.BASELINE_CAPTURED, Map.of("modality", baseline.modality()), "", actor);
        }));
    }

    /** A baseline of averages the user chose (issue 16): which, and by whom, from its provenance. */
    static String chosen(AverageTrace baseline) {
        String selection = baseline.provenance().settings().get("baseline.selection");
        return selection == null ? "" : " " + baseline.site() + " " + baseline.channel() + ", " + selection;
    }

    @Override
    public void alarmsChanged(AlarmSnapshot snapshot, List<AlarmLogEntry> entries) {
        MonitoringCase c = workbench.currentCase().orElse(null);
        if (c == null) {
            return;
        }
        for (AlarmLogEntry e : entries) {
            String alarm = e.priority() + " " + e.key().modality() + " " + e.key().site() + " " + e.key().channel() + " "
                    + e.key().criterion() + (e.values().isEmpty() ? "" : " (" + e.values() + ")");
            switch (e.event()) {
                case RAISED, RECURRED, WORSENED -> workbench.later(() -> workbench.append(c, EventType.ALARM_RAISED,
                        Map.of("alarm", alarm.trim()), "", DefaultCaseWorkbench.SYSTEM));
                case ACKNOWLEDGED -> {
                    String actor = workbench.actorOrSystem();
                    workbench.later(() -> {
                        workbench.audit(actor, AuditActions.ALARM_ACKNOWLEDGED, c.id(),
                                alarm.trim() + (e.user().isEmpty() ? "" : " by " + e.user()) + (e.note().isEmpty() ? "" : ": " + e.note()));
                        workbench.append(c, EventType.ALARM_ACKNOWLEDGED, Map.of("alarm", alarm.trim(), "note", e.note()), "", actor);
                    });
                }
                default -> {
                    // cleared, closed, audio pauses: in the alarm log, not clinical events
                }
            }
        }
    }
}
