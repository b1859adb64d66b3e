package org.openionm.driver.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.DriverContext;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;

class SimulatedAmplifierTest {

    /** Collects blocks and asks the driver to stop after {@code limit} blocks. */
    private static final class CollectingContext implements DriverContext {
        final List<SampleBlock> blocks = new ArrayList<>();
        final int limit;

        CollectingContext(int limit) {
            this.limit = limit;
        }

        @Override
        public void block(SampleBlock block) {
            blocks.add(block);
        }

        @Override
        public void stimulus(StimulusEvent event) {
        }

        @Override
        public void health(DriverHealth health) {
        }

        @Override
        public void annotation(Annotation annotation) {
        }

        @Override
        public List<StimulusEvent> dueStimuli(long endSampleIndex) {
            return List.of();
        }

        @Override
        public boolean isStopRequested() {
            return blocks.size() >= limit;
        }
    }

    @Test
    void eightEegChannelsWithContiguousTenMillisecondBlocks() throws Exception {
        SimulatedAmplifier amp = new SimulatedAmplifier();
        List<Channel> channels = amp.configure(new AcquisitionConfig(2000, 8, false));
        assertEquals(8, channels.size());
        assertEquals("C3-Cz", channels.get(2).label());
        assertTrue(channels.stream().allMatch(c -> c.role().equals(ChannelRole.EEG) && c.samplingRateHz() == 2000));

        CollectingContext ctx = new CollectingContext(300);
        amp.run(ctx);
        long expected = 0;
        for (SampleBlock b : ctx.blocks) {
            assertEquals(expected, b.firstSampleIndex());
            assertEquals(20, b.sampleCount());
            assertEquals(8, b.channelCount());
            assertEquals(Math.round(expected * 1e9 / 2000), b.deviceTimestampNanos());
            expected = b.endSampleIndex();
        }
        assertEquals(300 * 20, expected);
    }

    @Test
    void seedOptionReproducesTheSignal() throws Exception {
        float first = firstSample(Map.of("seed", "9"));
        assertEquals(first, firstSample(Map.of("seed", "9")));
        assertTrue(first != firstSample(Map.of("seed", "10")));
    }

    @Test
    void impossibleSettingsAreRefusedWithTheSettingNamed() {
        SimulatedAmplifier amp = new SimulatedAmplifier();
        assertThrows(IllegalArgumentException.class, () -> amp.configure(new AcquisitionConfig(40_000, 8, false)));
        assertThrows(IllegalArgumentException.class, () -> amp.configure(new AcquisitionConfig(2000, 65, false)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> amp.configure(new AcquisitionConfig(2000, 8, false, Map.of("seed", "abc"))));
        assertTrue(e.getMessage().contains("seed"), e.getMessage());
    }

    private static float firstSample(Map<String, String> options) throws Exception {
        SimulatedAmplifier amp = new SimulatedAmplifier();
        amp.configure(new AcquisitionConfig(1000, 2, false, options));
        CollectingContext ctx = new CollectingContext(1);
        amp.run(ctx);
        return ctx.blocks.get(0).sample(1, 5);
    }
}
