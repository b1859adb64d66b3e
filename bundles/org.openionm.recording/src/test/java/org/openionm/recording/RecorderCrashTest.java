package org.openionm.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.io.edf.EdfReader;
import org.openionm.testkit.KilledChild;

/**
 * kill -9 while recording: a child JVM records the simulator in real time (16 channels, 5 kHz, BDF,
 * records of 0.25 s) and is killed with SIGKILL at a random moment, 20 times (-Drecorder.kills=N for
 * more; {@code ./openionm bench recorder} does 100). After each kill the recovery repairs the file;
 * then every file must read back as the simulator's samples for the same seed, losing at most 1 s
 * before the kill, and open in EDFlib and MNE.
 * <p>
 * "The kill" is the last block the child's second consumer printed before it died: the recorder got
 * the same blocks from the engine, so what it lost is what was acquired but not on disk.
 */
class RecorderCrashTest {

    static final double RATE = 5000;
    static final int CHANNELS = 16;
    static final long SEED = 11;
    static final int KILLS = Integer.getInteger("recorder.kills", 20);
    /** Kills come this long after the first block, at most: the reference covers it with room to spare. */
    static final int MAX_DELAY_MS = 2000;

    @TempDir
    Path dir;

    @Test
    void everyKilledRecordingIsRecoveredWithTheSimulatorDataUpToOneSecondBeforeTheKill() throws Exception {
        float[][] reference = SimulatorRuns.reference(RATE, CHANNELS, SEED, (int) (RATE * 10));
        Random random = new Random(42);
        List<Path> files = new ArrayList<>();
        double worstLoss = 0;
        int removed = 0;
        for (int k = 0; k < KILLS; k++) {
            Path folder = Files.createDirectories(dir.resolve(String.format(Locale.ROOT, "kill-%03d", k)));
            int delay = 300 + random.nextInt(MAX_DELAY_MS - 300);
            long acquired = runAndKill(folder, delay);

            List<RecoveredRecording> recovered = RecordingRecovery.recoverFolder(folder);
            assertEquals(1, recovered.size(), "kill " + k + ": " + recovered);
            RecoveredRecording r = recovered.get(0);
            assertTrue(r.repaired(), r.message());
            assertEquals(folder.resolve("crash-001.bdf"), r.file());
            if (r.removed()) { // killed before the first record was complete: nothing to keep, and little lost
                assertTrue(acquired <= RATE, "kill " + k + ": " + acquired + " samples acquired, none on disk");
                worstLoss = Math.max(worstLoss, acquired / RATE);
                removed++;
                continue;
            }
            try (EdfReader reader = EdfReader.open(r.file())) {
                assertEquals(List.of(), reader.warnings(), "kill " + k + ": the repaired file reads without complaint");
                assertEquals("BDF+C", reader.header().formatName());
                long samples = reader.sampleCount(0);
                assertEquals(Math.round(r.seconds() * RATE), samples);
                double loss = (acquired - samples) / RATE;
                assertTrue(loss <= 1.0, String.format(Locale.ROOT, "kill %d: %.3f s acquired, %.3f s on disk: lost %.3f s",
                        k, acquired / RATE, samples / RATE, loss));
                assertTrue(samples <= reference[0].length, "the reference is too short for kill " + k);
                SimulatorRuns.assertSimulatorData(reader, reference, samples);
                worstLoss = Math.max(worstLoss, loss);
                System.out.printf(Locale.ROOT, "kill %d after %d ms: %.3f s acquired, %.3f s recovered (%d records)%n", k,
                        delay, acquired / RATE, samples / RATE, reader.header().recordCount());
            }
            files.add(r.file());
        }
        ExternalReaders.assertSameAsOurReader("EDFlib", ExternalReaders.edflib(files), files);
        ExternalReaders.assertSameAsOurReader("MNE", ExternalReaders.mne(files), files);
        assertTrue(files.size() >= KILLS / 2, removed + " of " + KILLS + " kills came before the first record: the kill"
                + " moments test too little");
        System.out.printf(Locale.ROOT, "RecorderCrashTest: %d kills, worst data loss %.3f s, %d files without a complete"
                + " record removed%n", KILLS, worstLoss, removed);
    }

    /** Starts a recording child, kills it {@code delayMs} after its first block, and returns the samples it had acquired. */
    private long runAndKill(Path folder, int delayMs) throws Exception {
        return KilledChild.runAndKill(folder, CrashChild.class, 0, delayMs, folder.toString(), Double.toString(RATE),
                Integer.toString(CHANNELS), Long.toString(SEED));
    }
}
