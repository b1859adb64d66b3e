package org.openionm.recording;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.AcquisitionEngines;
import org.openionm.acquisition.SampleConsumer;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.model.Channel;
import org.openionm.core.model.SampleBlock;
import org.openionm.driver.simulator.internal.SimulatedAmplifier;
import org.openionm.io.edf.EdfReader;
import org.openionm.io.edf.EdfSignal;

/** The simulated amplifier through the real engine, and what it gives, as ground truth. */
final class SimulatorRuns {

    static final String SCENARIO = "stable-baseline";

    private SimulatorRuns() {
    }

    static AcquisitionConfig config(double rate, int channels, boolean realTime, long seed) {
        return new AcquisitionConfig(rate, channels, realTime, Map.of("scenario", SCENARIO, "seed", Long.toString(seed)));
    }

    /** The first {@code samples} samples of every channel, as fast as the machine goes. */
    static float[][] reference(double rate, int channels, long seed, int samples) throws InterruptedException {
        Capture capture = new Capture(samples);
        AcquisitionEngine engine = AcquisitionEngines.create();
        try {
            engine.addConsumer("reference", capture, 64);
            engine.start(new SimulatedAmplifier(), config(rate, channels, false, seed));
            waitFor(() -> capture.received.get() >= samples, 120, "the reference run to reach " + samples + " samples");
            engine.stop();
        } finally {
            AcquisitionEngines.dispose(engine);
        }
        return capture.data;
    }

    /**
     * The first {@code samples} samples of every channel of the file are the reference, within half
     * a quantisation step (samples beyond a channel's range were written at the rail).
     */
    static void assertSimulatorData(EdfReader reader, float[][] reference, long samples) throws IOException {
        for (int c = 0; c < reader.signals().size(); c++) {
            EdfSignal s = reader.signals().get(c);
            float[] x = reader.readPhysical(c, 0, (int) samples);
            for (int i = 0; i < x.length; i++) {
                double expected = Math.max(s.physicalMin(), Math.min(s.physicalMax(), reference[c][i]));
                if (Math.abs(x[i] - expected) > s.quantisationStep() * 0.5000001 + Math.ulp(x[i])) {
                    fail(reader.path().getFileName() + " channel " + c + " sample " + i + ": " + x[i] + " but the simulator gave "
                            + reference[c][i] + " (step " + s.quantisationStep() + ")");
                }
            }
        }
    }

    static void waitFor(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out after " + seconds + " s waiting for " + what);
            Thread.sleep(5);
        }
    }

    /** Keeps the first {@code limit} samples of every channel and counts all received. */
    static final class Capture implements SampleConsumer {
        final AtomicLong received = new AtomicLong();
        final int limit;
        float[][] data;

        Capture(int limit) {
            this.limit = limit;
        }

        @Override
        public void onStart(String driverId, List<Channel> channels) {
            data = new float[channels.size()][limit];
        }

        @Override
        public void onBlock(SampleBlock block) {
            long first = block.firstSampleIndex();
            int n = (int) Math.max(0, Math.min(block.sampleCount(), limit - first));
            for (int c = 0; c < data.length && n > 0; c++) {
                System.arraycopy(block.channel(c), 0, data[c], (int) first, n);
            }
            received.set(block.endSampleIndex());
        }
    }
}
