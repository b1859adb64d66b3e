package org.openionm.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.StimulusEvent;
import org.openionm.io.edf.EdfAnnotation;
import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfReader;
import org.openionm.io.edf.EdfSignal;

/** The recorder fed by hand (no engine), each file read back with our validating reader. */
class RecorderTest {

    @TempDir
    Path dir;

    @Test
    void recordsDataStimuliHealthAndCaseAnnotationsInRecordsOfHalfASecond() throws Exception {
        Recorder r = Recorders.create(RecordingSpec.segments(dir, "case", EdfFormat.BDF, Signals.INFO, "HP:10Hz LP:3000Hz"));
        r.onStart("hand", Signals.channels(3));
        Signals.feed(r, 3, 0, 4000);
        r.onStimulus(StimulusEvent.single("median.left", 1234, 25, "mA", 200));
        r.onHealth(new DriverHealth(DriverHealth.Condition.LEAD_OFF, 1, true, 2000, "impedance 40 kOhm"));
        Thread other = new Thread(() -> assertTrue(r.annotate("Incision", 2500)));
        other.start();
        other.join();
        Signals.feed(r, 3, 4000, 10_000);
        RecorderStatus during = r.status();
        assertEquals(RecorderState.RECORDING, during.state());
        assertEquals(dir.resolve("case-001.bdf"), during.file());
        // 3 channels x 2500 samples x 3 bytes + the annotation signal (1128 bytes) per 0.5 s record
        assertEquals((3 * 2500 * 3 + 1128) * 2, during.bytesPerSecond(), 1e-9);
        assertEquals(256 * 5 + 4 * (3 * 2500 * 3 + 1128), during.bytesWritten(), "header and the 4 complete records");
        assertEquals(2.0, during.secondsRecorded(), 1e-12);
        assertTrue(during.freeBytes() > 0);
        assertEquals(during.freeBytes() / during.bytesPerSecond(), during.secondsLeft(), 1e-6);
        r.onStop("end of test");

        RecorderStatus after = r.status();
        assertEquals(RecorderState.STOPPED, after.state());
        assertEquals(List.of(dir.resolve("case-001.bdf")), after.segments());
        assertEquals(1, after.stimuli());
        assertEquals(2, after.annotations(), "the health report and the case annotation");
        try (EdfReader reader = EdfReader.open(dir.resolve("case-001.bdf"))) {
            assertEquals(0.5, reader.header().recordDurationSeconds());
            assertEquals("BDF+C", reader.header().formatName());
            assertEquals("MCH-0234567", reader.header().info().patientCode());
            assertEquals(4, reader.header().recordCount());
            assertEquals(List.of(), reader.warnings());
            assertSamples(reader, 0, 10_000);
            List<String> texts = reader.annotations().stream().map(EdfAnnotation::text).toList();
            assertTrue(texts.contains("Incision"), texts.toString());
            assertTrue(texts.stream().anyMatch(t -> t.startsWith("HEALTH LEAD_OFF start C1")), texts.toString());
            EdfAnnotation incision = reader.annotations().stream().filter(a -> a.text().equals("Incision")).findFirst().get();
            assertEquals(2500 / Signals.RATE, incision.onsetSeconds() - reader.recordStartSeconds().get(0), 1e-7);
        }
    }

    @Test
    void everyStartWritesTheNextNumberedFileAndNeverReplacesOne() throws Exception {
        Path foreign = dir.resolve("case-002.bdf");
        Files.writeString(foreign, "not ours, keep me");
        Files.writeString(dir.resolve("case-001.edf"), "another format, another series");
        List<RecorderStatus> changes = new CopyOnWriteArrayList<>();
        Recorder r = Recorders.create(RecordingSpec.segments(dir, "case", EdfFormat.BDF, Signals.INFO, "none"));
        r.addListener(new RecorderListener() {
            @Override
            public void stateChanged(RecorderStatus status) {
                changes.add(status);
            }
        });
        r.onStart("hand", Signals.channels(2));
        Signals.feed(r, 2, 0, 5000);
        r.stopRecording(); // the acquisition goes on unrecorded
        assertFalse(r.annotate("not recorded", 5100));
        Signals.feed(r, 2, 5000, 7500);
        r.startRecording();
        Signals.feed(r, 2, 7500, 12_500);
        r.onStop("stopped");
        r.onStart("hand", Signals.channels(2)); // a second acquisition
        Signals.feed(r, 2, 0, 2500);
        r.onStop("stopped");

        List<Path> expected = List.of(dir.resolve("case-003.bdf"), dir.resolve("case-004.bdf"), dir.resolve("case-005.bdf"));
        assertEquals(expected, r.status().segments());
        assertEquals("not ours, keep me", Files.readString(foreign, StandardCharsets.UTF_8));
        assertEquals(List.of(RecorderState.RECORDING, RecorderState.STOPPED, RecorderState.RECORDING, RecorderState.STOPPED,
                RecorderState.RECORDING, RecorderState.STOPPED), changes.stream().map(RecorderStatus::state).toList());
        long[][] spans = { { 0, 5000 }, { 7500, 12_500 }, { 0, 2500 } };
        for (int k = 0; k < 3; k++) {
            try (EdfReader reader = EdfReader.open(expected.get(k))) {
                assertSamples(reader, spans[k][0], spans[k][1] - spans[k][0]);
                assertEquals(List.of(), reader.warnings());
            }
        }
    }

    @Test
    void aSingleFileSpecWritesExactlyThatFileUpToTheEndSampleAndOnlyOnce() throws Exception {
        Path out = dir.resolve("run.edf");
        Files.writeString(out, "an older run");
        Recorder r = Recorders.create(RecordingSpec.singleFile(out, EdfFormat.EDF, Signals.INFO, "none").withEndSample(7000));
        r.onStart("hand", Signals.channels(1));
        Signals.feed(r, 1, 0, 9000);
        r.onStop("done");
        assertTrue(r.awaitAcquisitionEnd(Duration.ofSeconds(1)));
        assertEquals(7000, r.status().samplesWritten());
        r.onStart("hand", Signals.channels(1));
        Signals.feed(r, 1, 0, 100);
        r.onStop("done");
        assertEquals(List.of(out), r.status().segments());
        assertThrows(IllegalStateException.class, r::startRecording);
        try (EdfReader reader = EdfReader.open(out)) {
            // 7000 samples = 2 records of 0.5 s and a last one padded (annotated "NO DATA (padding)")
            assertEquals(3, reader.header().recordCount());
            assertSamples(reader, 0, 7000);
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList());
        }
    }

    @Test
    void warnsOfLowDiskSpaceOnceWithAnEstimateOfTheRecordingTimeLeft() throws Exception {
        List<String> messages = new ArrayList<>();
        List<RecorderStatus> statuses = new ArrayList<>();
        // every real disk holds less than 100 years of this recording
        Recorder r = Recorders.create(RecordingSpec.segments(dir, "case", EdfFormat.BDF, Signals.INFO, "none")
                .withLowDiskWarning(Duration.ofDays(36_500)));
        r.addListener(new RecorderListener() {
            @Override
            public void lowDisk(RecorderStatus status, String message) {
                messages.add(message);
                statuses.add(status);
            }
        });
        r.onStart("hand", Signals.channels(2));
        Signals.feed(r, 2, 0, 25_000);
        r.onStop("done");
        assertEquals(1, messages.size(), messages.toString());
        RecorderStatus s = statuses.get(0);
        double left = s.freeBytes() / s.bytesPerSecond();
        assertEquals(left, s.secondsLeft(), 1e-6);
        assertTrue(messages.get(0).matches("about \\d+ (s|min|h \\d\\d min) of recording left on " + java.util.regex.Pattern
                .quote(dir.toString()) + " \\(.* free, 0\\.\\d\\d MB/s\\)"), messages.get(0));
    }

    @Test
    void theDefaultWarningIsAnHourAhead() {
        assertEquals(Duration.ofMinutes(60), RecordingSpec.segments(dir, "x", EdfFormat.EDF, Signals.INFO, "").lowDiskWarning());
        assertThrows(IllegalArgumentException.class, () -> RecordingSpec.segments(dir, "a/b", EdfFormat.EDF, Signals.INFO, ""));
        assertNull(Recorders.create(RecordingSpec.segments(dir, "x", EdfFormat.EDF, Signals.INFO, "")).status().file());
    }

    /** Samples [0, count) of the file are the signal from sample {@code first} on, within half a quantisation step. */
    static void assertSamples(EdfReader reader, long first, long count) throws IOException {
        for (int c = 0; c < reader.signals().size(); c++) {
            EdfSignal s = reader.signals().get(c);
            float[] x = reader.readPhysical(c, 0, (int) count);
            float[] expected = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                expected[i] = Signals.value(c, first + i);
                if (Math.abs(x[i] - expected[i]) <= s.quantisationStep() * 0.5000001 + Math.ulp(expected[i])) {
                    expected[i] = x[i]; // within the quantisation: counts as equal
                }
            }
            assertArrayEquals(expected, x, "channel " + c);
        }
    }
}
