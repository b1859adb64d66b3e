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
        String key = baseline.provenance().producer() + "@" + baseline.timeSeconds();
        if (key.equals(lastCapture)) {
            return;
        }
        lastCapture = key;
        String actor = workbench.actorOrSystem();
        String detail = baseline.modality() + " baseline at case time " + String.format(java.util.Locale.ROOT, "%.1f s", baseline.timeSeconds())
                + " (" + baseline.provenance().producer() + ")";
        workbench.currentCase().ifPresent(c -> workbench.later(() -> {
            workbench.audit(actor, AuditActions.BASELINE_CAPTURED, c.id(), detail);
            workbench.append(c, EventType.BASELINE_CAPTURED, Map.of("modality", baseline.modality()), "", actor);
        }));
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
