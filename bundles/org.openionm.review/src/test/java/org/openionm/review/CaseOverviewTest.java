package org.openionm.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.alarm.AlarmLogEntry.Event;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.processing.TrendPoint;
import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfRecordingInfo;
import org.openionm.io.edf.EdfWriter;
import org.openionm.review.CaseOverview.Kind;
import org.openionm.review.CaseOverview.Marker;

/** The overview of a recording written here with annotations at known samples, and with a re-analysis added. */
class CaseOverviewTest {

    private static final int RATE = 1000;

    @TempDir
    Path dir;

    /** 120 s at 1 kHz with one annotation of each kind at known samples (the case recorder writes the same texts). */
    static Path recording(Path file) throws IOException {
        List<Channel> channels = List.of(new Channel(0, "APB-L", Channel.MICROVOLT, RATE, -3200, 3200, ChannelRole.EEG));
        try (EdfWriter w = EdfWriter.create(file, EdfFormat.BDF, EdfRecordingInfo.anonymous(LocalDateTime.of(2026, 12, 5, 8, 0)),
                channels, "HP:0Hz LP:0Hz", RATE)) {
            for (int s = 0; s < 120; s++) {
                float[][] block = new float[1][RATE];
                for (int i = 0; i < RATE; i++) {
                    block[0][i] = (float) Math.sin(2 * Math.PI * i / 100.0) * 50;
                }
                w.write(new SampleBlock((long) s * RATE, 0, block));
                if (s == 10) {
                    w.annotation(new Annotation(10_250, 0, "EVENT Screw placement level=L4 side=left: medial breach suspected",
                            Annotation.Kind.CLINICAL));
                    w.annotation(new Annotation(10_500, 0, "STIM tcmep.C4C3 1 1 1 1", Annotation.Kind.TECHNICAL));
                }
                if (s == 60) {
                    w.annotation(new Annotation(60_000, 0, "EVENT Alarm raised alarm=mep tcmep.C4C3 APB-L amplitude",
                            Annotation.Kind.CLINICAL));
                    w.annotation(new Annotation(60_700, 0, "HEALTH LEAD_OFF start APB-L", Annotation.Kind.TECHNICAL));
                }
                if (s == 90) {
                    w.annotation(new Annotation(90_000, 0, "Incision", Annotation.Kind.CLINICAL));
                }
            }
        }
        return file;
    }

    @Test
    void theRecordingsAnnotationsBecomeMarkersAtTheirCaseTime() throws IOException {
        Path file = recording(dir.resolve("case-001.bdf"));
        try (EnvelopeIndex index = EnvelopeIndex.open(file, f -> { })) {
            CaseOverview o = CaseOverview.of(120, index.recording().annotations());

            assertEquals(List.of(new Marker(10.25, Kind.EVENT, "Screw placement level=L4 side=left: medial breach suspected"),
                    new Marker(60.0, Kind.ALARM, "Alarm raised TcMEP C4\u2192C3 APB-L: amplitude"),
                    new Marker(60.7, Kind.TECHNICAL, "HEALTH LEAD_OFF start APB-L"),
                    new Marker(90.0, Kind.NOTE, "Incision")), o.markers(), "stimulus annotations are no markers");
            assertEquals(List.of(o.markers().get(1)), o.markers(Kind.ALARM));
        }
    }

    @Test
    void clicksMapToCaseTimeAndSnapToANearbyMarker() throws IOException {
        CaseOverview o = CaseOverview.of(120, List.of());
        // 1200 px for 120 s: 0.1 s per pixel
        assertEquals(60, o.secondsAt(600, 1200));
        assertEquals(120, o.secondsAt(1300, 1200));
        assertEquals(0, o.secondsAt(-5, 1200));
        assertEquals(85, o.xOf(10.25, 1000), "10.25 s of 120 s is 8.5 % of 1000 px");
        Path file = recording(dir.resolve("case-002.bdf"));
        try (EnvelopeIndex index = EnvelopeIndex.open(file, f -> { })) {
            CaseOverview withMarkers = CaseOverview.of(120, index.recording().annotations());
            assertEquals(60.0, withMarkers.nearestMarker(60.3, 0.5).seconds(), "60.3 is nearer the alarm at 60.0 than the lead-off at 60.7");
            assertEquals(60.7, withMarkers.nearestMarker(60.5, 0.5).seconds());
            assertNull(withMarkers.nearestMarker(30, 0.5));
        }
    }

    @Test
    void aReanalysisAddsTrendRowsAndItsAlarmsBesideTheRecordedOnes() throws IOException {
        CaseOverview o = CaseOverview.of(120, List.of(new org.openionm.io.edf.EdfAnnotation(60, 0,
                "EVENT Alarm raised alarm=mep tcmep.C4C3 APB-L amplitude", 60)));
        List<TrendPoint> trends = List.of(new TrendPoint(30, "mep", "tcmep.C4C3/APB-L/p2p", 600, "uV"),
                new TrendPoint(10, "mep", "tcmep.C4C3/APB-L/p2p", 620, "uV"),
                new TrendPoint(10, "ssep", "tibial.left/Cz'-Fz/P40 amplitude", 1.8, "uV"),
                new TrendPoint(55, "mep", "tcmep.C4C3/APB-L/p2p", 90, "uV"));

        CaseOverview analysed = o.withAnalysis(trends,
                List.of(AlarmComparisonTest.entry(55, Event.RAISED, "mep", "tcmep.C4C3", "APB-L", "amplitude 80 %")));

        assertEquals(2, analysed.series().size());
        CaseOverview.Series mep = analysed.series().get(0);
        assertEquals("mep/tcmep.C4C3/APB-L/p2p", mep.key());
        assertEquals("[10.0, 30.0, 55.0]", java.util.Arrays.toString(mep.times()), "sorted by time");
        assertEquals("[620.0, 600.0, 90.0]", java.util.Arrays.toString(mep.values()));
        assertEquals("[90.0, 620.0]", java.util.Arrays.toString(mep.range()));
        assertEquals("TcMEP C4\u2192C3 APB-L p2p", mep.screenName(), "the row's title, not its key");
        assertEquals("SSEP L tibial Cz'-Fz P40 amplitude", analysed.series().get(1).screenName());
        assertEquals(List.of(new Marker(55, Kind.ANALYSIS_ALARM, "TcMEP C4\u2192C3 APB-L: amplitude 80 %")),
                analysed.markers(Kind.ANALYSIS_ALARM));
        assertEquals(1, analysed.markers(Kind.ALARM).size(), "the recorded alarm stays");
        // a second re-analysis replaces the first one's alarms, it does not add to them
        assertEquals(0, analysed.withAnalysis(trends, List.of()).markers(Kind.ANALYSIS_ALARM).size());
    }
}
