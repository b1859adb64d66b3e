package org.openionm.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;

class TestProcessorContextTest {

    static final List<Channel> CHANNELS = List.of(new Channel(0, "ch0", Channel.MICROVOLT, 1000, -1e6, 1e6, ChannelRole.OTHER));

    @Test
    void defaultsAreOverlaidWithValidatedOverrides() {
        CountingProcessor p = new CountingProcessor();
        RecordingProcessorOutput out = new RecordingProcessorOutput();
        assertEquals(Map.of(CountingProcessor.THRESHOLD, 500.0), TestProcessorContext.withDefaults(p, CHANNELS, Map.of(), out).settings());
        assertEquals(Map.of(CountingProcessor.THRESHOLD, 7.0),
                TestProcessorContext.withDefaults(p, CHANNELS, Map.of(CountingProcessor.THRESHOLD, 7.0), out).settings());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> TestProcessorContext.withDefaults(p, CHANNELS, Map.of("nope", 1.0), out));
        assertTrue(unknown.getMessage().contains("'nope'"), unknown.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> TestProcessorContext.withDefaults(p, CHANNELS, Map.of(CountingProcessor.THRESHOLD, -1.0), out));
        assertTrue(range.getMessage().contains("between 0 and 1000000 uV"), range.getMessage());
    }

    @Test
    void aProcessorDrivenDirectlyPublishesIntoTheRecordingOutput() {
        CountingProcessor p = new CountingProcessor();
        RecordingProcessorOutput out = new RecordingProcessorOutput();
        p.start(TestProcessorContext.withDefaults(p, CHANNELS, Map.of(CountingProcessor.THRESHOLD, 10.0), out));
        p.onBlock(new SampleBlock(0, 0, new float[][] { { 0, 20, 20, 0 } }));
        p.captureBaseline(0.004);
        p.stop();
        assertEquals(List.of(true, false), out.alarms().stream().map(a -> a.active()).toList());
        assertEquals(0.001, out.firstRaised("counting", "site", "ch0"));
        assertEquals(4, out.lastMeasurement("ch0").amplitudeUv());
        assertEquals(1, out.baselines().size());
        out.clear();
        assertEquals(List.of(), out.measurements());
    }
}
