package org.openionm.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfReader;
import org.openionm.io.edf.EdfRecordingInfo;
import org.openionm.io.edf.EdfWriter;

/**
 * The index against the truth: the raw samples of the same file, read by the EDF reader. Every
 * column's envelope must contain the column's true extremes (nothing hidden) and stay within the
 * extremes of the column widened by one bin each side (nothing invented).
 */
class EnvelopeIndexTest {

    private static final double RATE = 1000;
    private static final int SECONDS = 600;
    /** Spikes on channel 1 at known samples: every zoom level must show them. */
    private static final long[] SPIKES = {12_345, 300_000, 599_990};

    @TempDir
    Path dir;

    @Test
    void everyColumnHoldsTheTrueExtremesAtEveryZoom() throws IOException {
        Path file = record(dir.resolve("case.bdf"), SECONDS);
        try (EdfReader reader = EdfReader.open(file);
                EnvelopeIndex index = EnvelopeIndex.open(reader, f -> { })) {
            assertTrue(index.builtNow());
            assertEquals(3, index.signals());
            assertEquals((long) (SECONDS * RATE), index.samples(1));
            float[][] raw = reader.readPhysicalAll(0, (int) index.samples(0));
            Random random = new Random(7);
            int checkedIndexColumns = 0;
            int checkedRawColumns = 0;
            for (int trial = 0; trial < 300; trial++) {
                int signal = random.nextInt(3);
                long span = (long) Math.pow(10, 1 + random.nextDouble() * 4.8); // 10 samples … the whole file
                long first = (long) (random.nextDouble() * (index.samples(signal) - Math.min(span, index.samples(signal))));
                long end = Math.min(index.samples(signal), first + span);
                int columns = 1 + random.nextInt(1600);
                Envelope e = index.envelope(signal, first, end, columns);
                assertEquals(columns, e.columns());
                double perColumn = (double) (end - first) / columns;
                for (int c = 0; c < columns; c++) {
                    long a = first + (long) Math.floor(c * perColumn);
                    long b = Math.max(a + 1, first + (long) Math.floor((c + 1) * perColumn));
                    float[] truth = extremes(raw[signal], a, Math.min(b, end));
                    float[] widened = extremes(raw[signal], a - e.samplesPerBin(), Math.min(b + e.samplesPerBin(), end + e.samplesPerBin()));
                    String where = "signal " + signal + " [" + first + ", " + end + ") " + columns + " columns, column " + c
                            + " bin " + e.samplesPerBin();
                    assertTrue(e.min()[c] <= truth[0] && e.max()[c] >= truth[1], "hides an extreme: " + where);
                    assertTrue(e.min()[c] >= widened[0] && e.max()[c] <= widened[1], "invents a value: " + where);
                    if (e.fromRawSamples()) {
                        assertEquals(truth[0], e.min()[c], where);
                        assertEquals(truth[1], e.max()[c], where);
                        checkedRawColumns++;
                    } else {
                        checkedIndexColumns++;
                    }
                }
            }
            assertTrue(checkedIndexColumns > 10_000 && checkedRawColumns > 1_000,
                    "both paths exercised: " + checkedIndexColumns + " index, " + checkedRawColumns + " raw columns");
        }
    }

    @Test
    void theWholeCaseOnOneScreenShowsEverySpike() throws IOException {
        Path file = record(dir.resolve("case.bdf"), SECONDS);
        try (EdfReader reader = EdfReader.open(file); EnvelopeIndex index = EnvelopeIndex.open(reader, f -> { })) {
            assertEquals(5, index.levels(1), "256, 2048, 16384, 131072 and 1048576-sample bins for 600 000 samples");
            Envelope whole = index.envelope(1, 0, index.samples(1), 200);
            assertEquals(EnvelopeIndex.binSamples(1), whole.samplesPerBin(), "3000 samples a column: level 1 (2048), not 2 (16384)");
            for (long spike : SPIKES) {
                int column = (int) (spike / (index.samples(1) / 200.0));
                assertTrue(whole.max()[column] > 900, "spike at sample " + spike + " in column " + column);
            }
            int high = 0;
            for (float v : whole.max()) {
                high += v > 900 ? 1 : 0;
            }
            assertTrue(high <= 2 * SPIKES.length, high + " columns show a spike; the spikes are " + SPIKES.length);
        }
    }

    @Test
    void aCachedIndexIsUsedOnlyForTheFileItWasBuiltFrom() throws IOException {
        Path file = record(dir.resolve("case.bdf"), 60);
        Path cache = EnvelopeIndex.besideRecording(file);
        try (EdfReader reader = EdfReader.open(file); EnvelopeIndex index = EnvelopeIndex.open(reader, f -> { })) {
            assertTrue(index.builtNow());
            assertEquals(cache, index.file());
        }
        List<Double> progress = new ArrayList<>();
        try (EdfReader reader = EdfReader.open(file); EnvelopeIndex index = EnvelopeIndex.open(reader, progress::add)) {
            assertFalse(index.builtNow(), "the same file: the cached index");
            assertTrue(progress.isEmpty());
        }
        // the recording replaced by a longer one (a new header, a new size): rebuilt
        record(file, 90);
        try (EdfReader reader = EdfReader.open(file); EnvelopeIndex index = EnvelopeIndex.open(reader, progress::add)) {
            assertTrue(index.builtNow());
            assertEquals(90_000, index.samples(0));
            assertEquals(1.0, progress.get(progress.size() - 1), 1e-12);
        }
        // only the modification time changed: rebuilt all the same
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() - 60_000));
        try (EdfReader reader = EdfReader.open(file); EnvelopeIndex index = EnvelopeIndex.open(reader, f -> { })) {
            assertTrue(index.builtNow());
        }
        // a damaged (truncated) index is rebuilt, not trusted
        try (FileChannel channel = FileChannel.open(cache, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }
        try (EdfReader reader = EdfReader.open(file); EnvelopeIndex index = EnvelopeIndex.open(reader, f -> { })) {
            assertTrue(index.builtNow());
            assertEquals(90_000, index.samples(0));
        }
    }

    @Test
    void oneScreenOfAllSignalsIsTheSameAsEachSignalAlone() throws IOException {
        Path file = record(dir.resolve("case.bdf"), 60);
        try (EdfReader reader = EdfReader.open(file); EnvelopeIndex index = EnvelopeIndex.open(reader, f -> { })) {
            for (long span : new long[] {500, 10_000, 59_000}) { // raw, raw, index
                Envelope[] all = index.envelopes(777, 777 + span, 300);
                assertEquals(3, all.length);
                for (int s = 0; s < 3; s++) {
                    Envelope one = index.envelope(s, 777, 777 + span, 300);
                    assertEquals(one.samplesPerBin(), all[s].samplesPerBin());
                    assertTrue(java.util.Arrays.equals(one.min(), all[s].min()) && java.util.Arrays.equals(one.max(), all[s].max()),
                            "signal " + s + ", span " + span);
                }
            }
        }
    }

    @Test
    void anIndexedRecordingOpensWithoutReadingItsAnnotationSignalAgain() throws IOException {
        Path file = record(dir.resolve("case.bdf"), 30);
        List<org.openionm.io.edf.EdfAnnotation> annotations;
        List<Double> starts;
        try (EnvelopeIndex first = EnvelopeIndex.open(file, f -> { })) {
            assertTrue(first.builtNow());
            annotations = first.recording().annotations();
            starts = first.recording().recordStartSeconds();
            assertEquals(30, starts.size());
            assertEquals(List.of("Screw L4 left"), annotations.stream().map(org.openionm.io.edf.EdfAnnotation::text).toList());
        }
        // damage the annotation signal of record 7 without changing size, modification time or header:
        // a full read refuses the file, the index's copy of the annotation signal still opens it
        FileTime modified = Files.getLastModifiedTime(file);
        long record7 = 256L * 5 + 7 * (3L * 1000 * 3 + annotationBytes(file));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {'?'}), record7 + 3L * 1000 * 3);
        }
        Files.setLastModifiedTime(file, modified);
        assertThrows(org.openionm.io.edf.EdfFormatException.class, () -> EdfReader.open(file).close());
        try (EnvelopeIndex again = EnvelopeIndex.open(file, f -> { })) {
            assertFalse(again.builtNow());
            assertEquals(annotations, again.recording().annotations());
            assertEquals(starts, again.recording().recordStartSeconds());
            assertEquals(30_000, again.samples(0));
        }
    }

    /** Bytes of the annotation signal in one record of {@link #record}'s files. */
    private static long annotationBytes(Path file) throws IOException {
        try (EdfReader reader = EdfReader.open(file)) {
            long recordBytes = (Files.size(file) - reader.header().headerBytes()) / reader.header().recordCount();
            return recordBytes - 3L * 1000 * 3;
        }
    }

    @Test
    void spansOutsideTheRecordingAreCutToIt() throws IOException {
        Path file = record(dir.resolve("case.bdf"), 10);
        try (EdfReader reader = EdfReader.open(file); EnvelopeIndex index = EnvelopeIndex.open(reader, f -> { })) {
            Envelope e = index.envelope(0, -500, 20_000, 100);
            assertEquals(0, e.firstSample());
            assertEquals(10_000, e.endSample());
            assertEquals(0, index.envelope(0, 20_000, 30_000, 100).columns(), "nothing recorded there: no columns");
        }
    }

    private static float[] extremes(float[] values, long from, long to) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (long i = Math.max(0, from); i < Math.min(values.length, to); i++) {
            lo = Math.min(lo, values[(int) i]);
            hi = Math.max(hi, values[(int) i]);
        }
        return new float[] {lo, hi};
    }

    /** Three channels: noise, noise with spikes, a slow sine; 1 s records. */
    static Path record(Path file, int seconds) throws IOException {
        List<Channel> channels = List.of(
                new Channel(0, "C3-C4", Channel.MICROVOLT, RATE, -3200, 3200, ChannelRole.EEG),
                new Channel(1, "TA-L", Channel.MICROVOLT, RATE, -3200, 3200, ChannelRole.EMG_FREE_RUN),
                new Channel(2, "Slow", Channel.MICROVOLT, RATE, -3200, 3200, ChannelRole.EEG));
        Random random = new Random(42);
        try (EdfWriter writer = EdfWriter.create(file, EdfFormat.BDF, EdfRecordingInfo.anonymous(LocalDateTime.of(2026, 12, 4, 8, 0)),
                channels, "HP:0Hz LP:0Hz", (int) RATE)) {
            for (int s = 0; s < seconds; s++) {
                float[][] block = new float[3][(int) RATE];
                for (int i = 0; i < RATE; i++) {
                    long n = (long) (s * RATE) + i;
                    block[0][i] = (float) (random.nextGaussian() * 20);
                    block[1][i] = (float) (random.nextGaussian() * 5);
                    for (long spike : SPIKES) {
                        if (n == spike) {
                            block[1][i] = 1000;
                        }
                    }
                    block[2][i] = (float) (100 * Math.sin(2 * Math.PI * n / 60_000.0));
                }
                writer.write(new SampleBlock((long) (s * RATE), 0, block));
                if (s == 5) {
                    writer.annotation(new org.openionm.core.model.Annotation((long) (s * RATE) + 3, 0, "Screw L4 left",
                            org.openionm.core.model.Annotation.Kind.CLINICAL));
                }
            }
        }
        return file;
    }
}
