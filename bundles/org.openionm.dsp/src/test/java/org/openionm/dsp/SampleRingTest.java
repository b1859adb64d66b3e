package org.openionm.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Every sample's value is its own acquisition index (plus 0.5 per block channel), so what a read
 * returns is checked against the indexes it asked for, across the ring's wrap point.
 */
class SampleRingTest {

    /** Block of {@code channels} channels, samples [first, first + count): channel c holds index + 0.5 c. */
    private static float[][] block(long first, int count, int channels) {
        float[][] b = new float[channels][count];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < count; i++) {
                b[c][i] = first + i + 0.5f * c;
            }
        }
        return b;
    }

    private static float[] expected(long from, int length, int blockChannel) {
        float[] e = new float[length];
        for (int i = 0; i < length; i++) {
            e[i] = from + i + 0.5f * blockChannel;
        }
        return e;
    }

    @Test
    void readsAcrossTheWrapPointTheSamplesThatWereAppended() {
        SampleRing ring = new SampleRing(new int[] {2, 0}, 100); // kept channels: block channels 2 and 0
        long first = 1_000; // 1000 mod 100 = 0; blocks of 30 wrap at 1100, 1200, ...
        for (int k = 0; k < 10; k++) {
            ring.append(first + 30L * k, block(first + 30L * k, 30, 3), 30);
        }
        assertEquals(1_300, ring.end());
        // the newest 100 samples are held: [1200, 1300)
        assertArrayEquals(expected(1_200, 100, 2), ring.read(0, 1_200, 100));
        assertArrayEquals(expected(1_200, 100, 0), ring.read(1, 1_200, 100));
        // a window across the wrap point (slot 99 → slot 0)
        assertArrayEquals(expected(1_290, 5, 2), ring.read(0, 1_290, 5));
        assertArrayEquals(expected(1_295, 5, 0), ring.read(1, 1_295, 5));
        assertArrayEquals(expected(1_250, 37, 0), ring.read(1, 1_250, 37));
        assertNull(ring.read(0, 1_199, 10), "sample 1199 was overwritten");
        assertNull(ring.read(0, 1_295, 6), "sample 1300 has not arrived");
    }

    @Test
    void aBlockLongerThanTheRingKeepsItsNewestSamples() {
        SampleRing ring = new SampleRing(new int[] {0}, 64);
        ring.append(7, block(7, 250, 1), 250); // samples [7, 257)
        assertEquals(257, ring.end());
        assertArrayEquals(expected(193, 64, 0), ring.read(0, 193, 64));
        assertNull(ring.read(0, 192, 1));
        ring.append(257, block(257, 10, 1), 10);
        assertArrayEquals(expected(203, 64, 0), ring.read(0, 203, 64));
    }

    @Test
    void aGapInTheIndexesOrAClearForgetsTheOlderSamples() {
        SampleRing ring = new SampleRing(new int[] {0}, 50);
        ring.append(0, block(0, 40, 1), 40);
        ring.append(45, block(45, 20, 1), 20); // 40..44 never came
        assertNull(ring.read(0, 39, 2));
        assertArrayEquals(expected(45, 20, 0), ring.read(0, 45, 20));
        ring.clear();
        assertNull(ring.read(0, 60, 1));
        ring.append(65, block(65, 5, 1), 5);
        assertArrayEquals(expected(65, 5, 0), ring.read(0, 65, 5));
    }
}
