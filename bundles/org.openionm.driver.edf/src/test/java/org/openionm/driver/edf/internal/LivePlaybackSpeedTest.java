package org.openionm.driver.edf.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.AcquisitionEngines;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.acquisition.SampleConsumer;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.PlaybackControl;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfRecordingInfo;
import org.openionm.io.edf.EdfWriter;

/**
 * Issue 16, item 9: a BDF played in a LIVE acquisition (as the workbench plays it) at 5× and as fast
 * as possible reaches a slow consumer with every sample — count, CRC of the samples in order and the
 * stimulus-locked averages equal those at 1× and the file's known content. Before the fix the engine
 * dropped blocks for a consumer behind a playback faster than real time (live queues never wait).
 */
class LivePlaybackSpeedTest {

    private static final double RATE = 2000;
    private static final int CHANNELS = 4;
    private static final int SAMPLES = 8000; // 4 s
    private static final int EPOCH = 100; // 50 ms after each stimulus
    private static final int STIMULUS_EVERY = 400; // 5 Hz

    @TempDir
    Path dir;

    /** A file whose samples and stimuli are known: a 20-µV bump 20 ms after each stimulus on a sine. */
    private float[][] write(Path file) throws Exception {
        List<Channel> channels = new ArrayList<>();
        for (int c = 0; c < CHANNELS; c++) {
            channels.add(new Channel(c, "C" + c, "uV", RATE, -3200, 3200, ChannelRole.SSEP_CORTICAL));
        }
        float[][] data = new float[CHANNELS][SAMPLES];
        for (int c = 0; c < CHANNELS; c++) {
            for (int i = 0; i < SAMPLES; i++) {
                int after = i % STIMULUS_EVERY;
                double bump = after >= 40 && after < 60 ? 20 * (c + 1) : 0;
                data[c][i] = (float) (100 * Math.sin(2 * Math.PI * 7 * i / RATE) + bump);
            }
        }
        try (EdfWriter w = EdfWriter.create(file, EdfFormat.BDF, EdfRecordingInfo.anonymous(LocalDateTime.of(2026, 1, 2,
                3, 4, 5)), channels, "None", 200)) {
            for (int s = 0; s + EPOCH <= SAMPLES; s += STIMULUS_EVERY) {
                w.stimulus(StimulusEvent.single("median.left", s, 25, "mA", 200));
            }
            EdfPlaybackDriverTest.writeRange(w, data, 0, SAMPLES);
        }
        return data;
    }

    /** What a consumer saw: all samples in order, the stimuli, and whether it was told of a gap. */
    private static final class Seen implements SampleConsumer {
        final float[][] samples = new float[CHANNELS][SAMPLES];
        final CRC32 crc = new CRC32();
        final List<Long> stimuli = new CopyOnWriteArrayList<>();
        final List<String> gaps = new CopyOnWriteArrayList<>();
        final CountDownLatch stopped = new CountDownLatch(1);
        long count;

        @Override
        public void onStart(String driverId, List<Channel> channels) {
        }

        @Override
        public void onBlock(SampleBlock block) {
            for (int i = 0; i < block.sampleCount(); i++) {
                for (int c = 0; c < CHANNELS; c++) {
                    float v = block.sample(c, i);
                    samples[c][(int) block.firstSampleIndex() + i] = v;
                    int bits = Float.floatToIntBits(v);
                    crc.update(new byte[] { (byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24) });
                }
            }
            count += block.sampleCount();
            try {
                Thread.sleep(1); // a consumer slower than a playback that does not wait: it falls behind
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void onStimulus(StimulusEvent event) {
            stimuli.add(event.sampleIndex());
        }

        @Override
        public void onGap(org.openionm.core.model.DataGap gap) {
            gaps.add(gap.reason());
        }

        @Override
        public void onStop(String reason) {
            stopped.countDown();
        }

        /** The average over all stimuli of the EPOCH samples after each, per channel. */
        double[][] averages() {
            double[][] avg = new double[CHANNELS][EPOCH];
            for (long s : stimuli) {
                for (int c = 0; c < CHANNELS; c++) {
                    for (int k = 0; k < EPOCH; k++) {
                        avg[c][k] += samples[c][(int) s + k] / stimuli.size();
                    }
                }
            }
            return avg;
        }
    }

    private record Played(Seen seen, long missed) {
    }

    private Played play(Path file, double speed) throws Exception {
        AcquisitionEngine engine = AcquisitionEngines.create();
        try {
            Seen seen = new Seen();
            ConsumerRegistration registration = engine.addConsumer("slow", seen, 2);
            EdfPlaybackDriver driver = new EdfPlaybackDriver();
            engine.start(driver, new AcquisitionConfig(1000, CHANNELS, true, Map.of("file", file.toString())));
            long deadline = System.currentTimeMillis() + 20_000;
            while (driver.playback().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(1); // bounded wait for the transport, not a timing assertion
            }
            PlaybackControl transport = driver.playback().orElseThrow();
            transport.setSpeed(speed);
            assertTrue(seen.stopped.await(60, TimeUnit.SECONDS), "the playback ended at " + speed + "x");
            return new Played(seen, registration.missedBlocks());
        } finally {
            AcquisitionEngines.dispose(engine);
        }
    }

    @Test
    void fasterThanRealTimeEveryBlockReachesEveryConsumer() throws Exception {
        Path file = dir.resolve("known.bdf");
        float[][] truth = write(file);
        Played reference = play(file, 1);
        assertEquals(0, reference.missed());
        assertEquals(SAMPLES, reference.seen().count);
        for (int c = 0; c < CHANNELS; c++) {
            for (int i = 0; i < SAMPLES; i += 37) {
                assertEquals(truth[c][i], reference.seen().samples[c][i], 6400 / Math.pow(2, 24), "channel " + c + " sample " + i);
            }
        }
        double[][] expected = reference.seen().averages();
        assertEquals(20, reference.seen().stimuli.size());
        assertEquals(20 * 3, expected[2][50] - expected[2][30], 0.01, "the bump of channel 2, from the known content");

        for (double speed : new double[] { 2, 5, PlaybackControl.AS_FAST_AS_POSSIBLE }) {
            Played fast = play(file, speed);
            assertEquals(0, fast.missed(), "blocks missed at " + speed + "x");
            assertEquals(List.of(), fast.seen().gaps, "gaps at " + speed + "x");
            assertEquals(SAMPLES, fast.seen().count, "samples at " + speed + "x");
            assertEquals(reference.seen().crc.getValue(), fast.seen().crc.getValue(), "checksum at " + speed + "x");
            assertEquals(reference.seen().stimuli, fast.seen().stimuli, "stimuli at " + speed + "x");
            for (int c = 0; c < CHANNELS; c++) {
                assertArrayEquals(expected[c], fast.seen().averages()[c], 0, "averages of channel " + c + " at " + speed + "x");
            }
        }
    }
}
