package org.openionm.driver.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.core.driver.DriverCapabilities;
import org.openionm.core.driver.DriverContext;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.osgi.service.component.annotations.Component;

/**
 * A simulated amplifier for demos, training and tests. This first version produces EEG-like 1/f
 * noise on every channel; options: {@code seed} (default 1) and {@code rmsMicrovolts} (default 20).
 * The same seed gives the same signal, sample for sample.
 */
@Component(service = AmplifierDriver.class)
public class SimulatedAmplifier implements AmplifierDriver {

    public static final String ID = "simulator";
    static final int MAX_CHANNELS = 64;
    static final double MAX_RATE_HZ = 20_000;
    /** ±rail of the simulated front end, in µV. */
    static final double RAIL_UV = 3200;
    /** Blocks of 10 ms: small enough for smooth live display, large enough to be cheap. */
    static final double BLOCK_SECONDS = 0.010;

    private static final String[] EEG_LABELS = { "F3-Cz", "F4-Cz", "C3-Cz", "C4-Cz", "CP3-Fpz", "CP4-Fpz", "O1-Cz",
            "O2-Cz" };

    private AcquisitionConfig config;
    private List<Channel> channels;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Simulated amplifier";
    }

    @Override
    public DriverCapabilities capabilities() {
        return new DriverCapabilities(MAX_CHANNELS, MAX_RATE_HZ, List.of());
    }

    @Override
    public synchronized List<Channel> configure(AcquisitionConfig requested) {
        capabilities().check(requested);
        parseLong(requested, "seed", 1);
        double rms = parseDouble(requested, "rmsMicrovolts", 20);
        if (!(rms > 0 && rms < RAIL_UV / 4)) {
            throw new IllegalArgumentException("option rmsMicrovolts must be in (0, " + RAIL_UV / 4 + "), was " + rms);
        }
        List<Channel> list = new ArrayList<>();
        for (int c = 0; c < requested.channelCount(); c++) {
            String label = c < EEG_LABELS.length ? EEG_LABELS[c] : "EEG " + (c + 1);
            list.add(new Channel(c, label, Channel.MICROVOLT, requested.samplingRateHz(), -RAIL_UV, RAIL_UV, ChannelRole.EEG));
        }
        this.config = requested;
        this.channels = List.copyOf(list);
        return channels;
    }

    @Override
    public void run(DriverContext context) throws InterruptedException {
        AcquisitionConfig cfg;
        synchronized (this) {
            cfg = config;
        }
        if (cfg == null) {
            throw new IllegalStateException("simulated amplifier started without configure()");
        }
        double rate = cfg.samplingRateHz();
        int channelCount = cfg.channelCount();
        int blockSize = Math.max(1, (int) Math.round(rate * BLOCK_SECONDS));
        SplittableRandom seeds = new SplittableRandom(parseLong(cfg, "seed", 1));
        double rms = parseDouble(cfg, "rmsMicrovolts", 20);
        PinkNoise[] noise = new PinkNoise[channelCount];
        for (int c = 0; c < channelCount; c++) {
            noise[c] = new PinkNoise(rate, rms, seeds.split());
        }
        long startNanos = System.nanoTime();
        long index = 0;
        while (!context.isStopRequested()) {
            float[][] data = new float[channelCount][blockSize];
            for (int c = 0; c < channelCount; c++) {
                float[] row = data[c];
                PinkNoise source = noise[c];
                for (int s = 0; s < blockSize; s++) {
                    row[s] = (float) source.next();
                }
            }
            long deviceNanos = Math.round(index * 1e9 / rate);
            context.block(new SampleBlock(index, deviceNanos, data));
            index += blockSize;
            if (cfg.realTime()) {
                waitUntil(startNanos + Math.round(index * 1e9 / rate));
            }
        }
    }

    private static void waitUntil(long dueNanos) throws InterruptedException {
        long remaining;
        while ((remaining = dueNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
            if (Thread.interrupted()) {
                throw new InterruptedException("simulated amplifier stopped");
            }
        }
    }

    private static long parseLong(AcquisitionConfig cfg, String key, long fallback) {
        String text = cfg.option(key, Long.toString(fallback));
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + " must be a whole number, was '" + text + "'");
        }
    }

    private static double parseDouble(AcquisitionConfig cfg, String key, double fallback) {
        String text = cfg.option(key, Double.toString(fallback));
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + " must be a number, was '" + text + "'");
        }
    }
}
