package org.openionm.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.alarm.AlarmKey;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmLogEntry.Event;
import org.openionm.alarm.AlarmState;
import org.openionm.core.processing.AlarmCondition.Priority;
import org.openionm.core.processing.Provenance;

/** The what-if comparison: first alarm per source in each run, against hand-made logs. */
class AlarmComparisonTest {

    static AlarmLogEntry entry(double t, Event event, String modality, String site, String channel, String criterion) {
        return new AlarmLogEntry(0, t, event, new AlarmKey(modality, site, channel, criterion), Priority.HIGH,
                AlarmState.ACTIVE_UNACKNOWLEDGED, "", "", "", "", new Provenance("test", Map.of()));
    }

    @Test
    void theFirstAlarmOfEachSourceSideBySide() {
        List<AlarmLogEntry> original = List.of(
                entry(700, Event.RAISED, "mep", "tcmep.C4C3", "APB-L", "amplitude 80 %"),
                entry(720, Event.WORSENED, "mep", "tcmep.C4C3", "APB-L", "amplitude 80 %"),
                entry(760, Event.CLEARED, "mep", "tcmep.C4C3", "APB-L", "amplitude 80 %"),
                entry(900, Event.RECURRED, "mep", "tcmep.C4C3", "APB-L", "amplitude 80 %"),
                entry(300, Event.RAISED, "technical", "", "TA-L", "lead off"));
        List<AlarmLogEntry> at60 = List.of(
                entry(640, Event.RAISED, "mep", "tcmep.C4C3", "APB-L", "amplitude 60 %"),
                entry(650, Event.RAISED, "ssep", "tibial-L", "Cz'-Fz", "amplitude 60 %"),
                entry(300, Event.RAISED, "technical", "", "TA-L", "lead off"));

        List<AlarmComparison.Row> rows = AlarmComparison.compare(original, at60);

        assertEquals(2, rows.size(), "technical alarms are not what a criterion changes: " + rows);
        AlarmComparison.Row mep = rows.get(0);
        assertEquals("mep tcmep.C4C3 APB-L", mep.source());
        assertEquals(700, mep.originalSeconds());
        assertEquals(640, mep.otherSeconds());
        assertEquals(60, mep.earlierBySeconds());
        assertEquals("0:11:40.0 → 0:10:40.0 (60.0 s earlier)", mep.describe());
        AlarmComparison.Row ssep = rows.get(1);
        assertEquals("ssep tibial-L Cz'-Fz", ssep.source());
        assertEquals(Double.NaN, ssep.originalSeconds());
        assertEquals(650, ssep.otherSeconds());
        assertEquals("none → 0:10:50.0", ssep.describe());
    }

    @Test
    void onlyRaisedAndRecurredEntriesSoundAnAlarm() {
        List<AlarmLogEntry> log = List.of(entry(1, Event.RAISED, "ssep", "s", "c", "x"), entry(2, Event.ACKNOWLEDGED, "ssep", "s", "c", "x"),
                entry(3, Event.CLEARED, "ssep", "s", "c", "x"), entry(4, Event.RECURRED, "ssep", "s", "c", "x"));
        assertEquals(List.of(1.0, 4.0), AlarmComparison.raised(log).stream().map(AlarmLogEntry::timeSeconds).toList());
        assertEquals("ssep s c: x", AlarmComparison.describe(log.get(0)));
    }
}
