package org.openionm.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.SampleBlock;
import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfReader;
import org.openionm.io.edf.EdfRecordingInfo;
import org.openionm.recording.Recorder;
import org.openionm.recording.RecordingRecovery;
import org.openionm.recording.Recorders;
import org.openionm.recording.RecordingSpec;
import org.openionm.recording.RecoveredRecording;
import org.openionm.testkit.KilledChild;

/**
 * The recorder indexes a segment while it writes it: when the segment is closed its {@code .oidx} is
 * there, and it is byte for byte the index review builds from the closed file. A recording killed
 * mid-way leaves no index to trust: after the recovery, review builds one that matches the repaired
 * file.
 */
class IndexWhileRecordingTest {

    static final double RATE = 10_000;
    static final int CHANNELS = 4;

    @TempDir
    Path dir;

    @Test
    void theIndexBuiltWhileRecordingIsTheIndexOfTheClosedFileByteForByte() throws IOException {
        Recorder recorder = Recorders.create(RecordingSpec.segments(dir, "case", EdfFormat.BDF, info(), "HP:0Hz LP:0Hz"));
        Feed feed = new Feed(recorder, 42);
        recorder.onStart("synthetic", channels());
        // segment 1: 130 s (more than one finest-level block of 4096 bins × 256 samples), an annotation
        // while recording, a gap (EDF+D, padded record), samples beyond the rails (clamped) and NaN
        feed.run(600_000);
        recorder.annotate("incision", feed.next - 1000);
        feed.gap(3_333);
        feed.spikes = true;
        feed.run(700_000);
        recorder.stopRecording();
        // segment 2, while the acquisition goes on: ends in a partial record (padded at close)
        feed.run(50_000);
        recorder.startRecording();
        feed.run(123_457);
        recorder.onAnnotation(new Annotation(feed.next - 10, 0.5, "screw L4 left", Annotation.Kind.CLINICAL));
        recorder.onStop("test over");

        List<Path> segments = recorder.status().segments();
        assertEquals(2, segments.size());
        for (Path segment : segments) {
            Path index = EnvelopeIndex.besideRecording(segment);
            assertTrue(Files.isRegularFile(index), "the recorder left no index beside " + segment.getFileName());
            assertFalse(Files.exists(index.resolveSibling(index.getFileName() + ".part")));
            byte[] recorded = Files.readAllBytes(index);
            try (EnvelopeIndex opened = EnvelopeIndex.open(segment, f -> { })) {
                assertFalse(opened.builtNow(), "review must take the recorder's index of " + segment.getFileName());
                assertEquals(EdfReader.open(segment).sampleCount(0), opened.samples(0));
            }
            Files.delete(index);
            try (EnvelopeIndex rebuilt = EnvelopeIndex.open(segment, f -> { })) {
                assertTrue(rebuilt.builtNow());
            }
            assertArrayEquals(recorded, Files.readAllBytes(index), segment.getFileName()
                    + ": the index built while recording differs from the one built from the closed file");
        }
        try (EdfReader first = EdfReader.open(segments.get(0))) {
            assertEquals("BDF+D", first.header().formatName(), "the gap makes segment 1 discontinuous");
            assertTrue(first.annotations().stream().anyMatch(a -> a.text().equals("incision")));
        }
    }

    @Test
    void aKilledRecordingLeavesNoIndexAndReviewIndexesTheRepairedFile() throws Exception {
        long acquired = runAndKill(dir, 1500);
        Path file = dir.resolve("crash-001.bdf");
        Path index = EnvelopeIndex.besideRecording(file);
        assertFalse(Files.exists(index), "an unfinished recording must not have a finished index");
        assertTrue(Files.exists(index.resolveSibling(index.getFileName() + ".part")),
                "the child was killed while indexing: its partial index is the case under test");

        List<RecoveredRecording> recovered = RecordingRecovery.recoverFolder(dir);
        assertEquals(1, recovered.size(), recovered.toString());
        assertTrue(recovered.get(0).repaired(), recovered.get(0).message());
        assertFalse(Files.exists(index.resolveSibling(index.getFileName() + ".part")), "the recovery removes the partial index");

        try (EnvelopeIndex opened = EnvelopeIndex.open(file, f -> { })) {
            assertTrue(opened.builtNow());
            EdfReader reader = opened.recording();
            long samples = reader.sampleCount(0);
            assertTrue(samples > 0 && samples <= acquired, samples + " samples on disk, " + acquired + " acquired");
            float[][] raw = reader.readPhysicalAll(0, (int) samples);
            for (int s = 0; s < CHANNELS; s++) {
                assertEquals(samples, opened.samples(s));
                float min = Float.POSITIVE_INFINITY;
                float max = Float.NEGATIVE_INFINITY;
                for (float v : raw[s]) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                Envelope whole = opened.envelope(s, 0, samples, 1);
                assertEquals(min, whole.min()[0], "signal " + s + ": minimum of the repaired file");
                assertEquals(max, whole.max()[0], "signal " + s + ": maximum of the repaired file");
            }
        }
    }

    /** Starts {@link RecordingChild}, kills it {@code delayMs} after a second of signal, returns the samples it had sent. */
    private static long runAndKill(Path folder, int delayMs) throws Exception {
        // a second of signal: records forced and read back into the index
        return KilledChild.runAndKill(folder, RecordingChild.class, (long) RATE, delayMs, folder.toString());
    }

    static List<Channel> channels() {
        List<Channel> list = new ArrayList<>();
        for (int c = 0; c < CHANNELS; c++) {
            list.add(new Channel(c, "C" + c, Channel.MICROVOLT, RATE, -1000, 1000, ChannelRole.EEG));
        }
        return list;
    }

    static EdfRecordingInfo info() {
        return EdfRecordingInfo.anonymous(LocalDateTime.of(2026, 12, 5, 8, 0));
    }

    /** Random blocks of random sizes into the recorder, as the engine's consumer thread gives them. */
    static final class Feed {
        final Recorder recorder;
        final Random random;
        long next;
        boolean spikes;

        Feed(Recorder recorder, long seed) {
            this.recorder = recorder;
            this.random = new Random(seed);
        }

        void run(long samples) {
            long end = next + samples;
            while (next < end) {
                int n = (int) Math.min(end - next, 1 + random.nextInt(700));
                float[][] rows = new float[CHANNELS][n];
                for (int c = 0; c < CHANNELS; c++) {
                    for (int i = 0; i < n; i++) {
                        rows[c][i] = (float) (random.nextGaussian() * 50 * (c + 1));
                    }
                }
                if (spikes && random.nextInt(50) == 0) {
                    rows[random.nextInt(CHANNELS)][random.nextInt(n)] = random.nextBoolean() ? 5000f : Float.NaN;
                }
                recorder.onBlock(new SampleBlock(next, 0, rows));
                next += n;
            }
        }

        void gap(long samples) {
            recorder.onGap(new DataGap(next, samples, "lost by the test"));
            next += samples;
        }
    }
}
