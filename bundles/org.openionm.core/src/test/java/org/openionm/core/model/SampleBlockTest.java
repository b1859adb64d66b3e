package org.openionm.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SampleBlockTest {

    @Test
    void endIndexFollowsFirstIndexAndLength() {
        SampleBlock block = new SampleBlock(1000, 0, new float[3][250]);
        assertEquals(1250, block.endSampleIndex());
        assertEquals(3, block.channelCount());
        assertEquals(250, block.sampleCount());
    }

    @Test
    void raggedChannelsAreRejectedWithTheChannelNamed() {
        float[][] ragged = { new float[10], new float[10], new float[9] };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SampleBlock(0, 0, ragged));
        assertTrue(e.getMessage().contains("channel 2"), e.getMessage());
    }

    @Test
    void negativeIndexAndEmptyBlocksAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SampleBlock(-1, 0, new float[1][1]));
        assertThrows(IllegalArgumentException.class, () -> new SampleBlock(0, 0, new float[0][]));
    }

    @Test
    void channelKnowsItsRails() {
        Channel c = new Channel(0, "C3-Fpz", Channel.MICROVOLT, 2000, -400, 400, ChannelRole.EEG);
        assertTrue(c.isAtRail(400));
        assertTrue(c.isAtRail(-400.5));
        assertEquals(false, c.isAtRail(399.9));
        assertThrows(IllegalArgumentException.class,
                () -> new Channel(0, "x", Channel.MICROVOLT, 0, -1, 1, ChannelRole.EEG));
        assertThrows(IllegalArgumentException.class,
                () -> new Channel(0, "x", Channel.MICROVOLT, 1000, 1, 1, ChannelRole.EEG));
    }
}
