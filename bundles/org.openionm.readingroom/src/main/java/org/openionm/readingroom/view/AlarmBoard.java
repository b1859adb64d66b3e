package org.openionm.readingroom.view;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openionm.readingroom.CaseMessage;
import org.openionm.readingroom.CaseModel;

/**
 * Merges the alarm streams of every open case into one list: per case and alarm the newest log entry
 * (the OR's alarm manager numbers them, the state after it is what the OR shows), sorted as a reader
 * works them — unacknowledged before acknowledged, active before cleared, high priority first, then the
 * newest first (OR wall clock), then by case. Entries without an alarm key (audio pause, acknowledge
 * all) are no alarms of their own and are left out.
 *
 * @since 0.2.0
 */
public final class AlarmBoard {

    private AlarmBoard() {
    }

    /** The rows for the open cases (their alarm lists as received). */
    public static List<AlarmRow> rows(Collection<CaseModel> cases) {
        Map<String, List<CaseMessage>> alarms = new LinkedHashMap<>();
        Map<String, String> rooms = new LinkedHashMap<>();
        for (CaseModel m : cases) {
            alarms.put(m.caseId(), m.alarms());
            rooms.put(m.caseId(), m.descriptor().map(d -> d.room()).orElse(""));
        }
        return rows(alarms, rooms);
    }

    /** The rows for alarm lists by case id (each in the OR's order), with the cases' rooms. */
    public static List<AlarmRow> rows(Map<String, List<CaseMessage>> alarmsByCase, Map<String, String> rooms) {
        List<AlarmRow> out = new ArrayList<>();
        alarmsByCase.forEach((caseId, list) -> {
            Map<String, CaseMessage> newest = new LinkedHashMap<>();
            for (CaseMessage m : list) {
                String key = key(m);
                if (!key.isEmpty() && !m.text("state").isEmpty()) {
                    newest.remove(key);
                    newest.put(key, m);
                }
            }
            newest.forEach((key, m) -> out.add(new AlarmRow(caseId, rooms.getOrDefault(caseId, ""), key,
                    m.text("priority"), m.text("state"), m.text("event"), m.caseSeconds(), m.wallMillis(), m.text("user"), m)));
        });
        out.sort(ORDER);
        return out;
    }

    /** How the list is sorted (documented above). */
    public static final Comparator<AlarmRow> ORDER = Comparator.comparingInt((AlarmRow r) -> r.unacknowledged() ? 0 : 1)
            .thenComparingInt(r -> r.state().startsWith("ACTIVE") ? 0 : 1)
            .thenComparingInt(r -> priorityRank(r.priority()))
            .thenComparing(Comparator.comparingLong(AlarmRow::wallMillis).reversed())
            .thenComparing(AlarmRow::caseId)
            .thenComparing(AlarmRow::key);

    static int priorityRank(String priority) {
        return switch (priority) {
            case "HIGH" -> 0;
            case "MEDIUM" -> 1;
            case "LOW" -> 2;
            default -> 3;
        };
    }

    /** "ssep median.left CP3 amplitude" ("" for entries that concern no single alarm). */
    static String key(CaseMessage m) {
        String channel = m.text("channel");
        String criterion = m.text("criterion");
        if (m.text("modality").isEmpty() && channel.isEmpty() && criterion.isEmpty()) {
            return "";
        }
        return String.join(" ", List.of(m.text("modality"), m.text("site"), channel, criterion).stream().filter(s -> !s.isEmpty()).toList());
    }
}
