package org.openionm.modality.emg.freerun.internal;

import java.util.ArrayDeque;

/**
 * PCM blocks waiting for the loudspeaker, never more than a set duration. The acquisition clock and
 * the sound card's clock drift apart (~100 ppm is a third of a second an hour); an unbounded queue
 * would let the sound fall ever further behind the EMG. When a new block would exceed the cap the
 * oldest blocks go: a short click is better than hearing a discharge a second late.
 */
final class CappedAudioQueue {

    private final ArrayDeque<byte[]> blocks = new ArrayDeque<>();
    private final int capBytes;
    private int queuedBytes;
    private long droppedBytes;

    /** {@code capBytes}: the most PCM bytes held at once (at least one block always fits). */
    CappedAudioQueue(int capBytes) {
        if (capBytes <= 0) {
            throw new IllegalArgumentException("audio queue cap must be positive, was " + capBytes);
        }
        this.capBytes = capBytes;
    }

    synchronized void offer(byte[] block) {
        blocks.addLast(block);
        queuedBytes += block.length;
        while (queuedBytes > capBytes && blocks.size() > 1) {
            byte[] old = blocks.removeFirst();
            queuedBytes -= old.length;
            droppedBytes += old.length;
        }
        notifyAll();
    }

    /** The oldest block, waiting for one. */
    synchronized byte[] take() throws InterruptedException {
        while (blocks.isEmpty()) {
            wait();
        }
        byte[] b = blocks.removeFirst();
        queuedBytes -= b.length;
        return b;
    }

    synchronized int queuedBytes() {
        return queuedBytes;
    }

    /** PCM bytes dropped so far to keep the delay bounded. */
    synchronized long droppedBytes() {
        return droppedBytes;
    }

    synchronized void clear() {
        blocks.clear();
        queuedBytes = 0;
    }
}
