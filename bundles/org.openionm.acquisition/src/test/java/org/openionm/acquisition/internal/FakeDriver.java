package org.openionm.acquisition.internal;

import java.util.ArrayList;
import java.util.List;

import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.core.driver.DriverCapabilities;
import org.openionm.core.driver.DriverContext;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;

/**
 * A scripted driver: {@code blocks} blocks of {@code blockSize} samples, each sample's value
 * encoding its own index and channel so that a consumer can check every sample.
 */
class FakeDriver implements AmplifierDriver {

    final String id;
    final int blocks;
    final int blockSize;
    int channelCount;
    /** Throw after this many blocks; negative for never. */
    int failAfter = -1;
    /** Sample index at which to skip ahead by {@code skip} samples; negative for never. */
    long skipAt = -1;
    int skip;
    /** After the last block, deliver nothing more until stopped: an amplifier that stalled. */
    boolean stallAtEnd;
    volatile int pushed;

    FakeDriver(String id, int blocks, int blockSize) {
        this.id = id;
        this.blocks = blocks;
        this.blockSize = blockSize;
    }

    static float value(int channel, long index) {
        return channel * 100_000f + (index % 50_000);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return "Fake " + id;
    }

    @Override
    public DriverCapabilities capabilities() {
        return new DriverCapabilities(16, 20_000, List.of());
    }

    @Override
    public List<Channel> configure(AcquisitionConfig config) {
        channelCount = config.channelCount();
        List<Channel> channels = new ArrayList<>();
        for (int c = 0; c < channelCount; c++) {
            channels.add(new Channel(c, "ch" + c, Channel.MICROVOLT, config.samplingRateHz(), -1e6, 1e6, ChannelRole.OTHER));
        }
        return channels;
    }

    @Override
    public void run(DriverContext context) {
        long index = 0;
        for (int b = 0; b < blocks && !context.isStopRequested(); b++) {
            if (b == failAfter) {
                throw new IllegalStateException("USB transfer failed (simulated)");
            }
            if (index == skipAt) {
                index += skip;
            }
            float[][] data = new float[channelCount][blockSize];
            for (int c = 0; c < channelCount; c++) {
                for (int s = 0; s < blockSize; s++) {
                    data[c][s] = value(c, index + s);
                }
            }
            context.block(new SampleBlock(index, index * 1000, data));
            index += blockSize;
            pushed++;
        }
        while (stallAtEnd && !context.isStopRequested()) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException stopping) {
                return; // stop() interrupts the driver thread
            }
        }
    }
}
