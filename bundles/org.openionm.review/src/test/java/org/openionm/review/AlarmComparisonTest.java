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
                entry(650, Event.RAISED, "ssep", "tibial.left", "Cz'-Fz", "amplitude 60 %"),
                entry(300, Event.RAISED, "technical", "", "TA-L", "lead off"));

        List<AlarmComparison.Row> rows = AlarmComparison.compare(original, at60);

        assertEquals(2, rows.size(), "technical alarms are not what a criterion changes: " + rows);
        AlarmComparison.Row mep = rows.get(0);
        assertEquals("TcMEP C4\u2192C3 APB-L", mep.source(), "the source as read, not its ids (mep tcmep.C4C3 APB-L)");
        assertEquals(700, mep.originalSeconds());
        assertEquals(640, mep.otherSeconds());
        assertEquals(60, mep.earlierBySeconds());
        assertEquals("0:11:40.0 → 0:10:40.0 (60.0 s earlier)", mep.describe());
        AlarmComparison.Row ssep = rows.get(1);
        assertEquals("SSEP L tibial Cz'-Fz", ssep.source());
        assertEquals(Double.NaN, ssep.originalSeconds());
        assertEquals(650, ssep.otherSeconds());
        assertEquals("none → 0:10:50.0", ssep.describe());
    }

    @Test
    void onlyRaisedAndRecurredEntriesSoundAnAlarm() {
        List<AlarmLogEntry> log = List.of(entry(1, Event.RAISED, "ssep", "s", "c", "x"), entry(2, Event.ACKNOWLEDGED, "ssep", "s", "c", "x"),
                entry(3, Event.CLEARED, "ssep", "s", "c", "x"), entry(4, Event.RECURRED, "ssep", "s", "c", "x"));
        assertEquals(List.of(1.0, 4.0), AlarmComparison.raised(log).stream().map(AlarmLogEntry::timeSeconds).toList());
        assertEquals("SSEP s c: x", AlarmComparison.describe(log.get(0)), "a site in none of the id forms is shown as written");
    }

    @Test
    void anAlarmMarkerNamesItsSourceAsTheOrShowsIt() {
        assertEquals("TcMEP C4\u2192C3 APB-L: amplitude 80 %",
                AlarmComparison.describe(entry(1, Event.RAISED, "mep", "tcmep.C4C3", "APB-L", "amplitude 80 %")));
        assertEquals("SSEP R median CP4-Fz: amplitude",
                AlarmComparison.describe(entry(1, Event.RAISED, "ssep", "median.right", "CP4-Fz", "amplitude")));
        assertEquals("free-run EMG: A-train cluster on most channels (Rampp 2023)",
                AlarmComparison.describe(entry(1, Event.RAISED, "emg.freerun", "", "", "A-train cluster on most channels (Rampp 2023)")));
        assertEquals("triggered EMG L4 screw L TA-L: threshold",
                AlarmComparison.describe(entry(1, Event.RAISED, "emg.triggered", "screw.L4.left", "TA-L", "threshold")));
    }

    @Test
    void sourcesThatReadAlikeStayTwoRows() {
        // "Stim 3" is no site id: shown as written, like a channel "3" after site "Stim" would read
        List<AlarmComparison.Row> rows = AlarmComparison.compare(List.of(entry(10, Event.RAISED, "mep", "Stim 3", "", "x")),
                List.of(entry(12, Event.RAISED, "mep", "Stim", "3", "x")));
        assertEquals(2, rows.size(), "compared by ids, shown by name: " + rows);
        assertEquals(List.of("TcMEP Stim 3", "TcMEP Stim 3"), rows.stream().map(AlarmComparison.Row::source).toList());
    }
}
