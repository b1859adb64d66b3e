package org.openionm.modality.emg.freerun.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CappedAudioQueueTest {

    private static byte[] block(int id, int length) {
        byte[] b = new byte[length];
        b[0] = (byte) id;
        return b;
    }

    @Test
    void keepsTheNewestBlocksWithinTheCapAndCountsWhatItDropped() throws InterruptedException {
        CappedAudioQueue q = new CappedAudioQueue(960); // 30 ms at 16 kHz, 16-bit
        for (int id = 1; id <= 5; id++) {
            q.offer(block(id, 320)); // 10-ms blocks
        }
        assertEquals(960, q.queuedBytes(), "three 10-ms blocks fit in 30 ms");
        assertEquals(640, q.droppedBytes(), "the two oldest went");
        assertEquals(3, q.take()[0]);
        assertEquals(4, q.take()[0]);
        assertEquals(5, q.take()[0]);
        assertEquals(0, q.queuedBytes());
    }

    @Test
    void aBlockLargerThanTheCapIsStillPlayed() throws InterruptedException {
        CappedAudioQueue q = new CappedAudioQueue(100);
        q.offer(block(1, 40));
        q.offer(block(2, 500));
        assertEquals(40, q.droppedBytes());
        assertArrayEquals(block(2, 500), q.take());
    }

    @Test
    void refusesANonPositiveCap() {
        assertThrows(IllegalArgumentException.class, () -> new CappedAudioQueue(0));
    }
}
