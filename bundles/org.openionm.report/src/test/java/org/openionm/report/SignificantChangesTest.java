package org.openionm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.alarm.AlarmKey;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmLogEntry.Event;
import org.openionm.alarm.AlarmState;
import org.openionm.core.processing.AlarmCondition.Priority;
import org.openionm.report.ReportContent.Change;

/**
 * The report's timeline of significant changes holds the clinical alarms, from raise to clear, and
 * not the technical conditions of the same run (electrocautery, saturation): those are not changes
 * of the patient's signals (they stay in the alarm and event logs).
 */
class SignificantChangesTest {

    private static AlarmLogEntry entry(long seq, double t, Event event, AlarmKey key, String values) {
        return new AlarmLogEntry(seq, t, event, key, Priority.HIGH, AlarmState.ACTIVE_UNACKNOWLEDGED, "", "", values, "", null);
    }

    @Test
    void technicalConditionsAreNotSignificantChanges() {
        AlarmKey cautery = new AlarmKey(AlarmKey.TECHNICAL, "", "", "Electrocautery");
        AlarmKey p37 = new AlarmKey("ssep", "tibial.left", "CPz-Fpz", "amplitude");
        List<AlarmLogEntry> log = List.of(entry(1, 200, Event.RAISED, cautery, "3 channels"),
                entry(2, 203, Event.CLEARED, cautery, ""),
                entry(3, 400, Event.RAISED, p37, "P37 -63 %"),
                entry(4, 520, Event.CLEARED, p37, "P37 -20 %"));
        CaseAnalysis a = new CaseAnalysis(1, Path.of("case-001.bdf"), 600, 120, "test", Map.of(), Map.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), log, List.of());

        List<Change> changes = ReportDrafts.changes(a, List.of());

        assertEquals(1, changes.size(), "only the SSEP alarm: " + changes);
        Change c = changes.get(0);
        assertEquals("ssep", c.modality());
        assertEquals(400, c.raisedSeconds());
        assertEquals(520, c.recoveredSeconds());
        assertEquals("P37 -63 %", c.values());
    }
}
