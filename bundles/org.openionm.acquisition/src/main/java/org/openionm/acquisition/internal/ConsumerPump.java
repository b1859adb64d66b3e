package org.openionm.acquisition.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;

import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.acquisition.SampleConsumer;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;

/**
 * One consumer's queue and thread. Data blocks are bounded by {@code capacity}; control items
 * (start, stop, gaps, stimuli, health, annotations) always get through so that order and meaning
 * survive an overflow. In live acquisition {@link #offerBlock} never waits: the amplifier cannot be
 * paused, so a full queue means missed blocks, reported. In replay (the driver is not paced to the
 * wall clock), and for a recording played live at any speed, it waits instead, because pausing a file
 * or a simulation loses nothing.
 */
final class ConsumerPump implements ConsumerRegistration {

    private sealed interface Item {
    }

    private record Start(String driverId, List<Channel> channels) implements Item {
    }

    private record Block(SampleBlock block) implements Item {
    }

    private record Stimulus(StimulusEvent event) implements Item {
    }

    private record Gap(DataGap gap) implements Item {
    }

    private record Health(DriverHealth health) implements Item {
    }

    private record Note(Annotation annotation) implements Item {
    }

    private record Stop(String reason) implements Item {
    }

    private record Close() implements Item {
    }

    private final String name;
    private final SampleConsumer consumer;
    private final LongConsumer overflowReporter;
    private final BiConsumer<String, Throwable> failureReporter;
    private final Runnable onClose;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final Semaphore room;
    private volatile boolean waitWhenFull;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong missed = new AtomicLong();
    private final Thread thread;

    // Overflow bookkeeping, touched only by the producing (driver) thread.
    private long pendingGapStart = -1;
    private long pendingGapEnd;
    private long pendingGapBlocks;
    private final List<StimulusEvent> heldStimuli = new ArrayList<>();

    ConsumerPump(String name, SampleConsumer consumer, int capacity, LongConsumer overflowReporter,
            BiConsumer<String, Throwable> failureReporter, Runnable onClose) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity of consumer '" + name + "' must be >= 1, was " + capacity);
        }
        this.name = name;
        this.consumer = consumer;
        this.overflowReporter = overflowReporter;
        this.failureReporter = failureReporter;
        this.onClose = onClose;
        this.room = new Semaphore(capacity);
        this.thread = new Thread(this::pump, "openionm-consumer-" + name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** @param replay true when the driver is not paced to the wall clock: then a full queue waits */
    void start(String driverId, List<Channel> channels, boolean replay) {
        waitWhenFull = replay;
        pendingGapStart = -1;
        heldStimuli.clear();
        queue.add(new Start(driverId, channels));
    }

    /**
     * Hands a block on or, if the consumer is behind, records it as missed (live) or waits (replay).
     * {@code canWait}: the source is a recording (a playback with a transport), which loses nothing by
     * waiting, so a full queue waits even in a live acquisition.
     */
    void offerBlock(SampleBlock block, boolean canWait) {
        boolean hasRoom = room.tryAcquire();
        if (!hasRoom && (waitWhenFull || canWait)) {
            try {
                room.acquire();
                hasRoom = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stopping: this block is reported as missed
            }
        }
        if (!hasRoom) {
            if (pendingGapStart < 0) {
                pendingGapStart = block.firstSampleIndex();
                pendingGapBlocks = 0;
            }
            pendingGapEnd = block.endSampleIndex();
            pendingGapBlocks++;
            overflowReporter.accept(missed.incrementAndGet());
            return;
        }
        flushPendingGap();
        queue.add(new Block(block));
    }

    void offerStimulus(StimulusEvent event) {
        if (pendingGapStart >= 0) {
            heldStimuli.add(event); // keep sample order: delivered right after the gap notice
        } else {
            queue.add(new Stimulus(event));
        }
    }

    void offerGap(DataGap gap) {
        flushPendingGap();
        queue.add(new Gap(gap));
    }

    void offerAnnotation(Annotation annotation) {
        queue.add(new Note(annotation));
    }

    void offerHealth(DriverHealth health) {
        queue.add(new Health(health));
    }

    void stop(String reason) {
        flushPendingGap();
        queue.add(new Stop(reason));
    }

    private void flushPendingGap() {
        if (pendingGapStart < 0) {
            return;
        }
        queue.add(new Gap(new DataGap(pendingGapStart, pendingGapEnd - pendingGapStart,
                "consumer '" + name + "' could not keep up: " + pendingGapBlocks + " block(s) not delivered")));
        for (StimulusEvent held : heldStimuli) {
            queue.add(new Stimulus(held));
        }
        heldStimuli.clear();
        pendingGapStart = -1;
    }

    private void pump() {
        while (true) {
            Item item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (item instanceof Close) {
                return;
            }
            try {
                deliver(item);
            } catch (RuntimeException | Error e) {
                failureReporter.accept(name, e);
            }
        }
    }

    private void deliver(Item item) {
        switch (item) {
            case Start s -> consumer.onStart(s.driverId(), s.channels());
            case Block b -> {
                room.release();
                consumer.onBlock(b.block());
                delivered.incrementAndGet();
            }
            case Stimulus s -> consumer.onStimulus(s.event());
            case Gap g -> consumer.onGap(g.gap());
            case Health h -> consumer.onHealth(h.health());
            case Note n -> consumer.onAnnotation(n.annotation());
            case Stop s -> consumer.onStop(s.reason());
            case Close c -> throw new IllegalStateException("handled by the pump loop");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long deliveredBlocks() {
        return delivered.get();
    }

    @Override
    public long missedBlocks() {
        return missed.get();
    }

    @Override
    public void close() {
        onClose.run();
        room.release(1 << 20); // a replaying driver waiting for this consumer must not wait forever
        queue.add(new Close());
    }
}
