package org.openionm.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.core.model.DataGap;
import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfReader;

/**
 * Recovery of files as a crash leaves them: a copy of a file taken while it is being recorded is
 * exactly what a killed process leaves on disk (the recorder writes each record as it completes),
 * plus the incomplete record a crash can leave at the end.
 */
class RecordingRecoveryTest {

    /** 2 channels, BDF, records of 0.5 s: 2 x 2500 x 3 data bytes + 1128 annotation bytes. */
    static final int RECORD_BYTES = 2 * 2500 * 3 + 1128;
    static final int HEADER_BYTES = 256 * 4;

    @TempDir
    Path dir;

    /** A copy of case-001.bdf after {@code samples} samples, the recorder still running. */
    Path crashedCopy(long samples, String name) throws IOException {
        Path recording = Files.createDirectories(dir.resolve("live"));
        Recorder r = Recorders.create(RecordingSpec.segments(recording, "case", EdfFormat.BDF, Signals.INFO, "none"));
        r.onStart("hand", Signals.channels(2));
        Signals.feed(r, 2, 0, samples);
        Path copy = dir.resolve(name);
        Files.copy(recording.resolve("case-001.bdf"), copy);
        r.onStop("test over");
        return copy;
    }

    @Test
    void anInterruptedRecordingGetsItsRecordCountAndLosesOnlyTheIncompleteLastRecord() throws Exception {
        Path file = crashedCopy(31_000, "seg-003.bdf"); // 12 complete records, 1000 samples of the 13th not yet written
        assertEquals(HEADER_BYTES + 12L * RECORD_BYTES, Files.size(file));
        assertEquals("-1", header(file, 236, 8));
        Files.write(file, new byte[3412], StandardOpenOption.APPEND); // part of a 13th record reached the disk

        List<RecoveredRecording> found = RecordingRecovery.recoverFolder(dir);

        assertEquals(1, found.size());
        RecoveredRecording r = found.get(0);
        assertEquals(new RecoveredRecording(file, true, false, 12, 6.0, 3412,
                "Recovered 6.0 s of seg-003.bdf (interrupted recording); 3 412 bytes of an incomplete last record discarded"), r);
        assertEquals(HEADER_BYTES + 12L * RECORD_BYTES, Files.size(file));
        assertEquals("12", header(file, 236, 8));
        try (EdfReader reader = EdfReader.open(file)) {
            assertEquals(List.of(), reader.warnings(), "a repaired file reads without complaint");
            assertEquals("BDF+C", reader.header().formatName());
            RecorderTest.assertSamples(reader, 0, 30_000);
        }
        assertEquals(List.of(), RecordingRecovery.recoverFolder(dir), "repairing twice changes nothing");
    }

    @Test
    void longRecordingsAreDescribedInMinutes() throws Exception {
        Path file = crashedCopy(5000 * 64, "long.bdf");
        assertEquals("Recovered 1 min 4 s of long.bdf (interrupted recording)", RecordingRecovery.recover(file).get().message());
    }

    @Test
    void aCompleteFileIsNeverTouched() throws Exception {
        Recorder r = Recorders.create(RecordingSpec.segments(dir, "case", EdfFormat.EDF, Signals.INFO, "none"));
        r.onStart("hand", Signals.channels(2));
        Signals.feed(r, 2, 0, 12_345);
        r.onStop("done");
        Path file = dir.resolve("case-001.edf");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, old);
        byte[] before = Files.readAllBytes(file);

        assertEquals(Optional.empty(), RecordingRecovery.recover(file));
        assertEquals(List.of(), RecordingRecovery.recoverFolder(dir));
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(old, Files.getLastModifiedTime(file), "not even written with the same bytes");
    }

    @Test
    void aFileThatIsNotEdfIsReportedAndLeftAsFound() throws Exception {
        Path file = dir.resolve("notes.edf");
        Files.writeString(file, "shopping list: bread, milk");
        List<RecoveredRecording> found = RecordingRecovery.recoverFolder(dir);
        assertEquals(1, found.size());
        assertFalse(found.get(0).repaired());
        assertTrue(found.get(0).message().startsWith("Could not repair notes.edf: not a readable EDF/BDF header"),
                found.get(0).message());
        assertEquals("shopping list: bread, milk", Files.readString(file));
    }

    @Test
    void aRecordingKilledBeforeItsFirstCompleteRecordIsRemoved() throws Exception {
        Path file = crashedCopy(1000, "early.bdf");
        Files.write(file, new byte[100], StandardOpenOption.APPEND);
        RecoveredRecording r = RecordingRecovery.recover(file).get();
        assertEquals(new RecoveredRecording(file, true, true, 0, 0, 100, "Removed early.bdf (interrupted recording): it held"
                + " no complete data record, only 100 bytes of an incomplete one"), r);
        assertFalse(Files.exists(file));
    }

    @Test
    void anEmptyFileLeftBeforeTheHeaderWasWrittenIsRemoved() throws Exception {
        Path file = Files.createFile(dir.resolve("case-004.bdf"));
        assertEquals(List.of(new RecoveredRecording(file, true, true, 0, 0, 0, "Removed case-004.bdf (interrupted"
                + " recording): it was empty, interrupted before its header was written")), RecordingRecovery.recoverFolder(dir));
        assertFalse(Files.exists(file));
    }

    @Test
    void aTruncatedCopyOfAClosedFileIsCutToItsCompleteRecords() throws Exception {
        Path file = crashedCopy(10_000, "closed.bdf");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap("9       ".getBytes(StandardCharsets.US_ASCII)), 236); // as if closed with 9 records
        }
        RecoveredRecording r = RecordingRecovery.recover(file).get();
        assertTrue(r.repaired());
        assertEquals(4, r.records());
        assertEquals("Recovered 2.0 s of closed.bdf (truncated file: the header said 9 records)", r.message());
    }

    @Test
    void aGapJustBeforeTheCrashMakesTheRepairedFileDiscontinuous() throws Exception {
        Path recording = Files.createDirectories(dir.resolve("live"));
        Recorder rec = Recorders.create(RecordingSpec.segments(recording, "case", EdfFormat.BDF, Signals.INFO, "none"));
        rec.onStart("hand", Signals.channels(2));
        Signals.feed(rec, 2, 0, 5000);
        rec.onGap(new DataGap(5000, 2500, "amplifier reconnecting"));
        Signals.feed(rec, 2, 7500, 12_500);
        Path file = dir.resolve("gap.bdf");
        Files.copy(recording.resolve("case-001.bdf"), file);
        rec.onStop("done");
        // the crash came before the recorder rewrote the header as +D
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap("BDF+C".getBytes(StandardCharsets.US_ASCII)), 192);
        }
        RecoveredRecording r = RecordingRecovery.recover(file).get();
        assertTrue(r.repaired(), r.message());
        try (EdfReader reader = EdfReader.open(file)) {
            assertEquals("BDF+D", reader.header().formatName());
            assertEquals(List.of(0.0, 0.5, 1.5, 2.0), reader.recordStartSeconds().stream()
                    .map(s -> s - reader.recordStartSeconds().get(0)).toList());
        }
    }

    private static String header(Path file, int offset, int length) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return new String(all, offset, length, StandardCharsets.US_ASCII).strip();
    }
}
