package org.openionm.readingroom.view;

import java.util.Objects;

import org.openionm.core.processing.ScreenNames;
import org.openionm.readingroom.CaseMessage;

/**
 * One line of the reading room's alarm list across cases: the newest log entry of one alarm (case and
 * modality/site/channel/criterion) with the case it belongs to, so a reader following three ORs never
 * has to guess which OR an alarm is in.
 *
 * @since 0.2.0
 */
public record AlarmRow(String caseId, String room, String key, String priority, String state, String event,
        double caseSeconds, long wallMillis, String user, CaseMessage latest) {

    public AlarmRow {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(latest, "latest");
        room = Objects.requireNonNullElse(room, "");
    }

    /** Whether nobody has acknowledged it yet (still active or latched after clearing). */
    public boolean unacknowledged() {
        return "ACTIVE_UNACKNOWLEDGED".equals(state) || "CLEARED_UNACKNOWLEDGED".equals(state);
    }

    /**
     * What and where, as the screen names it ("SSEP L median CP3 amplitude"); {@link #key()} stays the
     * id form that matches a row to its alarm.
     *
     * @since 0.3.1
     */
    public String where() {
        return ScreenNames.where(latest.text("modality"), latest.text("site"), latest.text("channel"), latest.text("criterion"));
    }

    /** The case as the list names it: room and case id ("OR 3 · C-2026-0042"). */
    public String caseLabel() {
        return room.isEmpty() ? caseId : room + " · " + caseId;
    }
}
