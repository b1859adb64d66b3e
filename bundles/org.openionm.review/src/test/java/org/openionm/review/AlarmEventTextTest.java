package org.openionm.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openionm.io.edf.EdfAnnotation;

/**
 * The OR's alarm entries as the recording holds them (the case workbench writes {@code alarm=} as priority,
 * modality, site, channel, criterion and values joined by single spaces) and as Review labels them.
 */
class AlarmEventTextTest {

    @Test
    void aRaisedAlarmReadsWithNamesNotIds() {
        assertEquals("Alarm raised HIGH TcMEP C4\u2192C3 APB-L: amplitude 50 % [Langeloo 2003] (-62 %)",
                AlarmEventText.readable("Alarm raised alarm=HIGH mep tcmep.C4C3 APB-L amplitude 50 % [Langeloo 2003] (-62 %)"));
        assertEquals("Alarm raised MEDIUM SSEP L tibial Cz'-Fz: amplitude (-55 %, +4 % latency)",
                AlarmEventText.readable("Alarm raised alarm=MEDIUM ssep tibial.left Cz'-Fz amplitude (-55 %, +4 % latency)"));
    }

    @Test
    void anEmptySiteOrChannelLeavesAnEmptyPartNotAShift() {
        // free-run EMG cluster: site and channel empty, written as three spaces in a row
        assertEquals("Alarm raised MEDIUM free-run EMG: A-train cluster on most channels (Rampp 2023) (4 of 6)",
                AlarmEventText.readable("Alarm raised alarm=MEDIUM emg.freerun   A-train cluster on most channels (Rampp 2023) (4 of 6)"));
        // EEG: no site, a channel
        assertEquals("Alarm raised MEDIUM EEG EEG: burst suppression",
                AlarmEventText.readable("Alarm raised alarm=MEDIUM eeg  EEG burst suppression"));
    }

    @Test
    void anAcknowledgementReadsTheSameWayItsNoteKept() {
        assertEquals("Alarm acknowledged HIGH TcMEP C3\u2192C4 AH-R: loss note=surgeon informed",
                AlarmEventText.readable("Alarm acknowledged alarm=HIGH mep tcmep.C3C4 AH-R loss note=surgeon informed"));
    }

    @Test
    void recordingsWithoutAPriorityAndOtherTextsAsWritten() {
        assertEquals("Alarm raised TcMEP C4\u2192C3 APB-L: amplitude", AlarmEventText.readable("Alarm raised alarm=mep tcmep.C4C3 APB-L amplitude"));
        assertEquals("Alarm raised alarm=HIGH mep", AlarmEventText.readable("Alarm raised alarm=HIGH mep"), "too short to be an alarm key");
        assertEquals("Screw placement level=L4 side=left", AlarmEventText.readable("Screw placement level=L4 side=left"));
        assertEquals("Note alarm=mep tcmep.C4C3 APB-L x", AlarmEventText.readable("Note alarm=mep tcmep.C4C3 APB-L x"),
                "only the alarm events' own field is read");
    }

    @Test
    void theOverviewsMarkersCarryTheReadableLabels() {
        CaseOverview o = CaseOverview.of(100, List.of(
                new EdfAnnotation(20, 0, "EVENT Alarm raised alarm=HIGH mep tcmep.C4C3 APB-L amplitude", 20),
                new EdfAnnotation(30, 0, "EVENT Alarm acknowledged alarm=HIGH mep tcmep.C4C3 APB-L amplitude note=ok", 30)));
        assertEquals(List.of(new CaseOverview.Marker(20, CaseOverview.Kind.ALARM, "Alarm raised HIGH TcMEP C4\u2192C3 APB-L: amplitude"),
                new CaseOverview.Marker(30, CaseOverview.Kind.EVENT, "Alarm acknowledged HIGH TcMEP C4\u2192C3 APB-L: amplitude note=ok")),
                o.markers());
    }
}
