package org.openionm.readingroom.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.readingroom.CaseMessage;
import org.openionm.readingroom.Topics;

class AlarmBoardTest {

    private static long seq;

    private static CaseMessage alarm(String caseId, long wall, String event, String channel, String priority, String state) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("event", event);
        b.put("modality", "ssep");
        b.put("site", "median.left");
        b.put("channel", channel);
        b.put("criterion", "amplitude");
        b.put("priority", priority);
        b.put("state", state);
        b.put("user", "");
        return new CaseMessage(caseId, Topics.ALARM, "e", ++seq, wall / 1000.0, wall, b);
    }

    @Test
    void oneRowPerAlarmWithItsNewestStateNamingTheCaseSortedAsAReaderWorksThem() {
        Map<String, List<CaseMessage>> byCase = new LinkedHashMap<>();
        byCase.put("C-1", List.of(
                alarm("C-1", 1000, "RAISED", "CP1", "HIGH", "ACTIVE_UNACKNOWLEDGED"),
                alarm("C-1", 2000, "ACKNOWLEDGED", "CP1", "HIGH", "ACTIVE_ACKNOWLEDGED"),
                alarm("C-1", 3000, "RAISED", "CP2", "MEDIUM", "ACTIVE_UNACKNOWLEDGED")));
        byCase.put("C-2", List.of(
                alarm("C-2", 1500, "RAISED", "CP1", "HIGH", "ACTIVE_UNACKNOWLEDGED"),
                alarm("C-2", 2500, "CLEARED", "CP1", "HIGH", "CLEARED_UNACKNOWLEDGED"),
                alarm("C-2", 2600, "RAISED", "CP5", "HIGH", "ACTIVE_UNACKNOWLEDGED")));
        byCase.put("C-3", List.of(alarm("C-3", 500, "RAISED", "CP9", "LOW", "ACTIVE_UNACKNOWLEDGED"),
                alarm("C-3", 600, "CLEARED", "CP9", "LOW", "CLEARED_UNACKNOWLEDGED"),
                alarm("C-3", 700, "ACKNOWLEDGED", "CP9", "LOW", "CLOSED")));
        List<AlarmRow> rows = AlarmBoard.rows(byCase, Map.of("C-1", "OR 1", "C-2", "OR 2"));

        // unacknowledged first (active before cleared, high before medium), then acknowledged active, then closed
        assertEquals(List.of(
                "OR 2 · C-2 ssep median.left CP5 amplitude HIGH ACTIVE_UNACKNOWLEDGED",
                "OR 1 · C-1 ssep median.left CP2 amplitude MEDIUM ACTIVE_UNACKNOWLEDGED",
                "OR 2 · C-2 ssep median.left CP1 amplitude HIGH CLEARED_UNACKNOWLEDGED",
                "OR 1 · C-1 ssep median.left CP1 amplitude HIGH ACTIVE_ACKNOWLEDGED",
                "C-3 ssep median.left CP9 amplitude LOW CLOSED"),
                rows.stream().map(r -> r.caseLabel() + " " + r.key() + " " + r.priority() + " " + r.state()).toList());
        assertTrue(rows.get(2).unacknowledged());
        assertFalse(rows.get(3).unacknowledged());
        assertEquals("ACKNOWLEDGED", rows.get(3).event());
        assertEquals(2000, rows.get(3).wallMillis(), "the newest entry of C-1 CP1");
    }

    @Test
    void theNewestFirstAmongEquals() {
        Map<String, List<CaseMessage>> byCase = new LinkedHashMap<>();
        byCase.put("C-1", List.of(alarm("C-1", 1000, "RAISED", "CP1", "HIGH", "ACTIVE_UNACKNOWLEDGED")));
        byCase.put("C-2", List.of(alarm("C-2", 3000, "RAISED", "CP1", "HIGH", "ACTIVE_UNACKNOWLEDGED")));
        byCase.put("C-3", List.of(alarm("C-3", 2000, "RAISED", "CP1", "HIGH", "ACTIVE_UNACKNOWLEDGED")));
        assertEquals(List.of("C-2", "C-3", "C-1"), AlarmBoard.rows(byCase, Map.of()).stream().map(AlarmRow::caseId).toList());
    }

    @Test
    void entriesConcerningNoSingleAlarmAreNoRows() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("event", "AUDIO_PAUSED");
        b.put("user", "tech");
        CaseMessage pause = new CaseMessage("C-1", Topics.ALARM, "e", 1, 1, 1000, b);
        assertEquals(List.of(), AlarmBoard.rows(Map.of("C-1", List.of(pause)), Map.of()));
    }
}
