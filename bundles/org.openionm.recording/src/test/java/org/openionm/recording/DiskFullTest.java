package org.openionm.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.AcquisitionEngines;
import org.openionm.acquisition.EngineState;
import org.openionm.driver.simulator.internal.SimulatedAmplifier;
import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfReader;

/**
 * A real full disk: a 2 MiB tmpfs mounted for the test (the tests run as root, locally and in CI).
 * The simulator (8 channels, 5 kHz, BDF: 122 256 bytes per second of recording) runs through the
 * engine with the recorder and a second consumer standing for the monitoring.
 */
class DiskFullTest {

    static final int CHANNELS = 8;
    static final double RATE = 5000;
    /** 8 x 2500 x 3 data bytes + 1128 annotation bytes per record of 0.5 s. */
    static final double BYTES_PER_SECOND = (CHANNELS * 2500 * 3 + 1128) * 2;

    @TempDir
    Path dir;
    Path disk;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        disk = Files.createDirectories(dir.resolve("small-disk"));
        ExternalReaders.Result r = ExternalReaders.run(List.of("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs",
                disk.toString()), 30);
        if (r.exit() != 0) {
            fail("cannot mount a 2 MiB tmpfs for the disk-full test (the test needs root: mount -t tmpfs): " + r.err());
        }
    }

    @AfterEach
    void unmount() throws Exception {
        ExternalReaders.run(List.of("umount", disk.toString()), 30);
    }

    @Test
    void aFullDiskStopsTheRecordingWithAValidFileWhileMonitoringGoesOn() throws Exception {
        List<String> lowDisk = new CopyOnWriteArrayList<>();
        List<RecorderStatus> lowDiskStatus = new CopyOnWriteArrayList<>();
        List<RecorderStatus> failures = new CopyOnWriteArrayList<>();
        // 2 MiB hold about 17 s: warned when less than 10 s are left, not at the start
        Recorder recorder = Recorders.create(RecordingSpec.segments(disk, "case", EdfFormat.BDF, Signals.INFO, "none")
                .withLowDiskWarning(Duration.ofSeconds(10)));
        recorder.addListener(new RecorderListener() {
            @Override
            public void failed(RecorderStatus status) {
                failures.add(status);
            }

            @Override
            public void lowDisk(RecorderStatus status, String message) {
                lowDisk.add(message);
                lowDiskStatus.add(status);
            }
        });
        long wanted = (long) (40 * RATE);
        SimulatorRuns.Capture monitoring = new SimulatorRuns.Capture(1);
        AcquisitionEngine engine = AcquisitionEngines.create();
        try {
            engine.addConsumer("recorder", recorder, 256);
            engine.addConsumer("monitoring", monitoring, 256);
            engine.start(new SimulatedAmplifier(), SimulatorRuns.config(RATE, CHANNELS, false, 7));
            SimulatorRuns.waitFor(() -> monitoring.received.get() >= wanted, 120, "40 s of signal to reach the monitoring");
            assertNotEquals(EngineState.FAILED, engine.status().state(), engine.status().message());
            engine.stop();
        } finally {
            AcquisitionEngines.dispose(engine);
        }

        RecorderStatus status = recorder.status();
        assertEquals(RecorderState.FAILED, status.state());
        assertEquals(1, failures.size(), "told once");
        Path file = disk.resolve("case-001.bdf");
        try (EdfReader reader = EdfReader.open(file)) {
            assertEquals(List.of(), reader.warnings(), "closed with its record count");
            double seconds = reader.header().recordCount() * 0.5;
            assertTrue(seconds >= 15 && seconds <= 17.5, seconds + " s: what 2 MiB hold at " + BYTES_PER_SECOND + " B/s");
            assertTrue(status.failure().matches("Recording stopped: the disk holding " + java.util.regex.Pattern.quote(
                    disk.toString()) + " is full \\(.*\\); case-001\\.bdf is valid and holds " + String.format(
                            java.util.Locale.ROOT, "%.1f", seconds) + " s of signal"), status.failure());
            assertEquals(status, failures.get(0));
            long samples = reader.sampleCount(0);
            SimulatorRuns.assertSimulatorData(reader, SimulatorRuns.reference(RATE, CHANNELS, 7, (int) samples), samples);
        }
        ExternalReaders.assertSameAsOurReader("EDFlib", ExternalReaders.edflib(List.of(file)), List.of(file));

        assertEquals(1, lowDisk.size(), lowDisk.toString());
        RecorderStatus warned = lowDiskStatus.get(0);
        assertEquals(BYTES_PER_SECOND, warned.bytesPerSecond(), 1e-9);
        double left = warned.freeBytes() / BYTES_PER_SECOND;
        assertEquals(left, warned.secondsLeft(), 1e-9);
        // checked once per second of signal, so the first estimate under 10 s is at most a second under it
        assertTrue(left < 10 && left > 8.9, left + " s left");
        assertTrue(lowDisk.get(0).startsWith("about " + Math.round(left) + " s of recording left on " + disk + " ("),
                lowDisk.get(0));
    }
}
