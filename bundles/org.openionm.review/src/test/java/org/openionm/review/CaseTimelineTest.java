package org.openionm.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.openionm.io.edf.EdfAnnotation;
import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfRecordingInfo;
import org.openionm.io.edf.EdfWriter;

/**
 * Two segments of one case as the recorder writes them: {@code case-001.bdf} starting 08:00:00 with
 * 10 s, {@code case-002.bdf} starting 08:00:17 with 5 s. Every sample's value encodes its case time
 * (segment 1: 1 µV per ms from 0; segment 2: 1000 + 1 µV per ms of its own time), so what the timeline
 * returns at a case time is checked against the value written there; the gap is 10 s … 17 s exactly.
 */
class CaseTimelineTest {

    static final int RATE = 1000;

    @TempDir
    Path dir;

    static Path segment(Path file, LocalDateTime start, int seconds, float base, String note, long noteSample) throws IOException {
        List<Channel> channels = List.of(new Channel(0, "C3-C4", Channel.MICROVOLT, RATE, -20000, 20000, ChannelRole.EEG),
                new Channel(1, "TA-L", Channel.MICROVOLT, RATE, -20000, 20000, ChannelRole.EMG_FREE_RUN));
        try (EdfWriter w = EdfWriter.create(file, EdfFormat.BDF, EdfRecordingInfo.anonymous(start), channels, "HP:0Hz LP:0Hz", RATE)) {
            for (int s = 0; s < seconds; s++) {
                float[][] block = new float[2][RATE];
                for (int i = 0; i < RATE; i++) {
                    block[0][i] = base + s * RATE + i;
                    block[1][i] = -(base + s * RATE + i);
                }
                w.write(new SampleBlock((long) s * RATE, 0, block));
                if (s == noteSample / RATE) {
                    w.annotation(new Annotation(noteSample, 0, note, Annotation.Kind.CLINICAL));
                }
            }
        }
        return file;
    }

    CaseTimeline twoSegments() throws IOException {
        Path one = segment(dir.resolve("case-001.bdf"), LocalDateTime.of(2026, 12, 5, 8, 0, 0), 10, 0, "Incision", 2_500);
        Path two = segment(dir.resolve("case-002.bdf"), LocalDateTime.of(2026, 12, 5, 8, 0, 17), 5, 1000, "Closure", 3_000);
        return CaseTimeline.open(List.of(one, two), f -> { });
    }

    @Test
    void segmentsSitAtTheirStartTimesAndTheGapIsReportedExactly() throws IOException {
        try (CaseTimeline t = twoSegments()) {
            assertEquals(2, t.segments().size());
            assertEquals(dir.resolve("case-002.bdf"), t.segments().get(1).file(), "the recording, which re-analysis replays");
            assertEquals(0.0, t.segments().get(0).offsetSeconds());
            assertEquals(10.0, t.segments().get(0).durationSeconds());
            assertEquals(17.0, t.segments().get(1).offsetSeconds());
            assertEquals(22.0, t.durationSeconds());
            assertEquals(List.of(new CaseTimeline.Gap(10.0, 17.0)), t.gaps());

            assertEquals(Optional.of(new CaseTimeline.Position(0, 9.5)), t.locate(9.5));
            assertEquals(Optional.empty(), t.locate(10.0), "10 s is the first second of the gap");
            assertEquals(Optional.empty(), t.locate(16.999));
            assertEquals(Optional.of(new CaseTimeline.Position(1, 1.25)), t.locate(18.25));
            assertEquals(Optional.empty(), t.locate(22.0));

            List<EdfAnnotation> notes = t.annotations().stream().filter(a -> !a.text().isEmpty()).toList();
            assertEquals(2.5, notes.stream().filter(a -> a.text().equals("Incision")).findFirst().orElseThrow().onsetSeconds(), 1e-9);
            assertEquals(20.0, notes.stream().filter(a -> a.text().equals("Closure")).findFirst().orElseThrow().onsetSeconds(), 1e-9);
        }
    }

    @Test
    void rawSamplesAtKnownCaseTimesComeFromTheRightSegment() throws IOException {
        try (CaseTimeline t = twoSegments()) {
            // one column per sample: exact values (BDF keeps 24 bits; these values are whole µV within ±20 000)
            Envelope[] a = t.envelopes(9.990, 10.000, 10);
            for (int c = 0; c < 10; c++) {
                assertEquals(9990 + c, a[0].min()[c], 0.01f, "segment 1 sample " + (9990 + c));
                assertEquals(9990 + c, a[0].max()[c], 0.01f);
                assertEquals(-(9990 + c), a[1].min()[c], 0.01f);
            }
            assertTrue(a[0].fromRawSamples());
            Envelope[] b = t.envelopes(18.000, 18.010, 10);
            for (int c = 0; c < 10; c++) {
                assertEquals(1000 + 1000 + c, b[0].min()[c], 0.01f, "segment 2, 1 s + " + c + " ms");
            }
            assertEquals(18_000, b[0].firstSample());
        }
    }

    @Test
    void aWindowAcrossTheGapHasNoSignalInItAndTheExtremesOfBothSides() throws IOException {
        try (CaseTimeline t = twoSegments()) {
            // 0 … 22 s in 22 columns of 1 s: columns 10..16 are the gap
            Envelope[] e = t.envelopes(0, 22, 22);
            for (int c = 0; c < 22; c++) {
                boolean gap = c >= 10 && c < 17;
                assertEquals(gap, Float.isNaN(e[0].min()[c]), "column " + c);
                assertEquals(gap, Float.isNaN(e[0].max()[c]), "column " + c);
            }
            // a column covers every bin it touches (≤ 256 samples beyond it): the true extremes are inside
            // (within BDF's 24-bit step over ±20 000 µV, 0.0024 µV)
            float q = 0.01f;
            assertTrue(e[0].min()[0] <= 0 + q && e[0].max()[0] >= 999 - q, e[0].min()[0] + " " + e[0].max()[0]);
            assertTrue(e[0].max()[9] >= 9999 - q && e[0].min()[9] <= 9000 + q);
            assertTrue(e[0].min()[17] <= 1000 + q && e[0].max()[17] >= 1999 - q, e[0].min()[17] + " " + e[0].max()[17]);
            assertTrue(e[0].max()[21] >= 5999 - q && e[0].max()[21] <= 5999 + q, "nothing after the case end: " + e[0].max()[21]);
            float lowest = Float.MAX_VALUE;
            float highest = -Float.MAX_VALUE;
            for (int c = 0; c < 22; c++) {
                if (!Float.isNaN(e[0].min()[c])) {
                    lowest = Math.min(lowest, e[0].min()[c]);
                    highest = Math.max(highest, e[0].max()[c]);
                }
            }
            assertEquals(0, lowest, 0.01f);
            assertEquals(9999, highest, 0.01f, "segment 1 ends at 9 999 µV; segment 2 tops at 5 999");
        }
    }

    @Test
    void explicitOffsetsOverlappingThePreviousSegmentAreMovedToItsEnd() throws IOException {
        Path one = segment(dir.resolve("x-001.bdf"), LocalDateTime.of(2026, 12, 5, 8, 0, 0), 4, 0, "a", 0);
        Path two = segment(dir.resolve("x-002.bdf"), LocalDateTime.of(2026, 12, 5, 8, 0, 3), 2, 1000, "b", 0);
        try (CaseTimeline t = CaseTimeline.open(List.of(one, two), f -> { })) {
            assertEquals(4.0, t.segments().get(1).offsetSeconds(), "started at 3 s by its header, placed at segment 1's end");
            assertEquals(List.of(), t.gaps());
            assertEquals(6.0, t.durationSeconds());
        }
    }

    @Test
    void theReanalysisOfSegmentTwoIsPlacedAtItsCaseTime() {
        CaseOverview o = new CaseOverview(22, List.of(), List.of(new CaseOverview.Marker(2.5, CaseOverview.Kind.EVENT, "Incision")));
        CaseOverview shifted = o.withAnalysis(List.of(new org.openionm.core.processing.TrendPoint(1.5, "ssep", "N20 amplitude", 2.0, "uV"),
                new org.openionm.core.processing.TrendPoint(3.0, "ssep", "N20 amplitude", 1.0, "uV")), List.of(), 17.0);
        assertEquals(1, shifted.series().size());
        assertEquals(18.5, shifted.series().get(0).times()[0]);
        assertEquals(20.0, shifted.series().get(0).times()[1]);
        assertEquals(List.of(2.5), shifted.markers(CaseOverview.Kind.EVENT).stream().map(CaseOverview.Marker::seconds).toList(),
                "the recording's own markers are already on the case axis");
    }
}
