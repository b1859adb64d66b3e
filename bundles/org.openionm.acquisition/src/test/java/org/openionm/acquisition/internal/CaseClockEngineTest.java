package org.openionm.acquisition.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openionm.acquisition.CaseClock;
import org.openionm.acquisition.EngineState;
import org.openionm.core.driver.AcquisitionConfig;

/** The engine's case clock with a hand-moved wall clock and a tick fired by hand: no real waiting for time. */
class CaseClockEngineTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong wall = new AtomicLong();
    private final List<Runnable> ticks = new CopyOnWriteArrayList<>();
    private final DefaultAcquisitionEngine engine = new DefaultAcquisitionEngine(wall::get, tick -> {
        ticks.add(tick);
        return () -> ticks.remove(tick);
    });
    private final CaseClock clock = engine.caseClock();
    private final List<Double> heard = new CopyOnWriteArrayList<>();

    @AfterEach
    void dispose() {
        engine.dispose();
    }

    private void tick() {
        assertEquals(1, ticks.size(), "the engine runs one periodic tick");
        ticks.get(0).run();
    }

    @Test
    void liveTimeGoesOnWhileTheAmplifierStalls() throws Exception {
        clock.addListener(heard::add);
        FakeDriver driver = new FakeDriver("stalling", 10, 100);
        driver.stallAtEnd = true;
        RecordingConsumer consumer = new RecordingConsumer();
        engine.addConsumer("recorder", consumer, 100);

        engine.start(driver, new AcquisitionConfig(1000, 2, true));
        assertTrue(waitUntil(() -> clock.now() == 1.0), "10 blocks of 100 samples at 1 kHz: 1 s; was " + clock.now());
        assertEquals(10.0, clock.timeOf(10_000));

        wall.addAndGet(120 * SECOND);
        tick();
        assertEquals(121.0, clock.now(), 1e-9, "no block for 120 s of wall time: case time still moved");
        assertTrue(waitUntil(() -> !heard.isEmpty() && heard.get(heard.size() - 1) == 121.0),
                "listeners hear it on the notifier: " + heard);

        engine.stop();
        assertTrue(consumer.stopped.await(20, TimeUnit.SECONDS));
        assertEquals(10, consumer.blocks.size(), "the clock moved, no data was invented");
        wall.addAndGet(5 * SECOND);
        tick();
        assertEquals(126.0, clock.now(), 1e-9, "a live case goes on after its acquisition ended");
    }

    @Test
    void replayTimeMovesOnlyWithTheData() throws Exception {
        FakeDriver driver = new FakeDriver("file", 50, 100);
        RecordingConsumer consumer = new RecordingConsumer();
        engine.addConsumer("recorder", consumer, 10);
        engine.start(driver, new AcquisitionConfig(1000, 1, false));
        assertTrue(consumer.stopped.await(20, TimeUnit.SECONDS));
        assertTrue(waitUntil(() -> engine.status().state() == EngineState.STOPPED));
        assertEquals(5.0, clock.now());
        wall.addAndGet(600 * SECOND);
        tick();
        assertEquals(5.0, clock.now(), "wall time does not move a replay");
    }

    @Test
    void skippedSamplesMoveTheClockToTheBlockAfterThem() throws Exception {
        FakeDriver driver = new FakeDriver("gappy", 10, 100);
        driver.skipAt = 500;
        driver.skip = 2000;
        RecordingConsumer consumer = new RecordingConsumer();
        engine.addConsumer("recorder", consumer, 10);
        engine.start(driver, new AcquisitionConfig(1000, 1, false));
        assertTrue(consumer.stopped.await(20, TimeUnit.SECONDS));
        assertTrue(waitUntil(() -> engine.status().state() == EngineState.STOPPED));
        assertEquals(3.0, clock.now(), "1 s of data and 2 s of gap");
    }

    private static boolean waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(5);
        }
        return condition.getAsBoolean();
    }
}
