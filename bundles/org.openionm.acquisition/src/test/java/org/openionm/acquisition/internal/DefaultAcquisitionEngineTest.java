package org.openionm.acquisition.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.acquisition.EngineListener;
import org.openionm.acquisition.EngineState;
import org.openionm.acquisition.EngineStatus;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.DriverContext;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.stimulation.PeriodicStimulation;
import org.openionm.core.stimulation.StimulationProgram;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.SampleBlock;

class DefaultAcquisitionEngineTest {

    /** Replay: not paced to the wall clock, consumers apply back-pressure. */
    private static final AcquisitionConfig FAST_4CH = new AcquisitionConfig(20_000, 4, false);
    /** Live: the amplifier cannot wait, a slow consumer misses data. (FakeDriver does not pace itself.) */
    private static final AcquisitionConfig LIVE_4CH = new AcquisitionConfig(20_000, 4, true);

    private final DefaultAcquisitionEngine engine = new DefaultAcquisitionEngine();

    @AfterEach
    void dispose() {
        engine.dispose();
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertTrue(latch.await(20, TimeUnit.SECONDS), "timed out waiting for the acquisition to end");
    }

    @Test
    void everySampleArrivesInOrderWithItsIndex() throws Exception {
        FakeDriver driver = new FakeDriver("fake", 500, 64);
        RecordingConsumer consumer = new RecordingConsumer();
        engine.addConsumer("recorder", consumer, 1000);

        engine.start(driver, FAST_4CH);
        await(consumer.stopped);

        assertEquals("start fake 4", consumer.events.get(0));
        assertEquals("stop", consumer.events.get(consumer.events.size() - 1));
        assertEquals("end of stream", consumer.stopReason);
        assertTrue(consumer.gaps.isEmpty(), "no gaps expected: " + consumer.gaps);
        long expected = 0;
        for (SampleBlock block : consumer.blocks) {
            assertEquals(expected, block.firstSampleIndex());
            for (int c = 0; c < 4; c++) {
                for (int s = 0; s < block.sampleCount(); s++) {
                    assertEquals(FakeDriver.value(c, expected + s), block.sample(c, s),
                            "channel " + c + " sample " + (expected + s));
                }
            }
            expected = block.endSampleIndex();
        }
        assertEquals(500L * 64, expected);
        assertEquals(500L * 64, engine.status().samplesReceived());
        assertEquals(EngineState.STOPPED, waitForState(EngineState.STOPPED).state());
    }

    @Test
    void aThrowingDriverIsIsolatedAndReported() throws Exception {
        FakeDriver broken = new FakeDriver("broken", 100, 32);
        broken.failAfter = 10;
        RecordingConsumer consumer = new RecordingConsumer();
        engine.addConsumer("recorder", consumer, 1000);
        List<EngineStatus> statuses = new CopyOnWriteArrayList<>();
        engine.addListener(new EngineListener() {
            @Override
            public void statusChanged(EngineStatus status) {
                statuses.add(status);
            }
        });

        engine.start(broken, FAST_4CH);
        await(consumer.stopped);

        EngineStatus failed = waitForState(EngineState.FAILED);
        assertTrue(failed.message().contains("USB transfer failed"), failed.message());
        assertTrue(consumer.stopReason.contains("USB transfer failed"), consumer.stopReason);
        assertEquals(10, consumer.blocks.size(), "data before the failure is kept");
        assertEquals(DriverHealth.Condition.DISCONNECTED, consumer.health.get(0).condition());
        assertTrue(waitUntil(() -> statuses.stream().anyMatch(s -> s.state() == EngineState.FAILED)),
                "listeners must hear of the failure");

        // The engine survives: the next driver runs normally.
        RecordingConsumer next = new RecordingConsumer();
        engine.addConsumer("second", next, 1000);
        engine.start(new FakeDriver("fine", 20, 32), FAST_4CH);
        await(next.stopped);
        assertEquals(20, next.blocks.size());
        assertEquals(EngineState.STOPPED, waitForState(EngineState.STOPPED).state());
    }

    @Test
    void aSlowConsumerNeverStallsTheDriverAndIsToldWhatItMissed() throws Exception {
        int blocks = 400;
        int capacity = 8;
        CountDownLatch driverDone = new CountDownLatch(1);
        FakeDriver driver = new FakeDriver("fast", blocks, 16) {
            @Override
            public void run(org.openionm.core.driver.DriverContext context) {
                super.run(context);
                driverDone.countDown();
            }
        };
        // The slow consumer cannot proceed until the driver has pushed everything: if the engine
        // ever made the driver wait for it, the driver would never finish and the test would time out.
        RecordingConsumer slow = new RecordingConsumer() {
            @Override
            public void onBlock(SampleBlock block) {
                try {
                    driverDone.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.onBlock(block);
            }
        };
        RecordingConsumer fast = new RecordingConsumer();
        List<Long> overflowReports = new CopyOnWriteArrayList<>();
        engine.addListener(new EngineListener() {
            @Override
            public void consumerOverflow(String consumer, long missed) {
                overflowReports.add(missed);
            }
        });
        ConsumerRegistration slowReg = engine.addConsumer("slow display", slow, capacity);
        engine.addConsumer("recorder", fast, blocks);

        engine.start(driver, LIVE_4CH);
        assertTrue(driverDone.await(20, TimeUnit.SECONDS), "driver was stalled by a slow consumer");
        await(slow.stopped);
        await(fast.stopped);

        assertEquals(blocks, fast.blocks.size(), "a consumer with room misses nothing");
        long missed = slowReg.missedBlocks();
        assertTrue(missed > 0, "the slow consumer must have missed blocks");
        assertEquals(blocks, slowReg.deliveredBlocks() + missed, "every block is either delivered or reported missed");
        assertTrue(!slow.gaps.isEmpty(), "missed blocks must be announced as gaps");
        assertEquals(missed * 16, slow.gaps.stream().mapToLong(DataGap::sampleCount).sum());
        assertTrue(slow.gaps.get(0).reason().contains("slow display"), slow.gaps.get(0).reason());
        // In arrival order, delivered blocks and gaps tile the whole stream: no overlap, no hole.
        long expected = 0;
        for (String event : slow.events) {
            String[] parts = event.split("[ +]");
            if (parts[0].equals("block")) {
                assertEquals(expected, Long.parseLong(parts[1]), "block out of order after " + expected);
                expected += 16;
            } else if (parts[0].equals("gap")) {
                assertEquals(expected, Long.parseLong(parts[1]), "gap out of order after " + expected);
                expected += Long.parseLong(parts[2]);
            }
        }
        assertEquals(blocks * 16L, expected);
        assertTrue(waitUntil(() -> !overflowReports.isEmpty()), "overflow was not reported to listeners");
        assertEquals(1L, overflowReports.get(0));
        assertEquals(missed, waitForState(EngineState.STOPPED).missedBlocksTotal());
    }

    @Test
    void inReplayASlowConsumerHoldsTheDriverBackAndMissesNothing() throws Exception {
        int blocks = 300;
        RecordingConsumer slow = new RecordingConsumer() {
            @Override
            public void onBlock(SampleBlock block) {
                if (block.firstSampleIndex() % 1600 == 0) {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                super.onBlock(block);
            }
        };
        ConsumerRegistration reg = engine.addConsumer("analysis", slow, 2);
        engine.start(new FakeDriver("file", blocks, 16), FAST_4CH);
        await(slow.stopped);
        assertEquals(0, reg.missedBlocks());
        assertTrue(slow.gaps.isEmpty(), "replay must not lose data: " + slow.gaps);
        assertEquals(blocks, slow.blocks.size());
    }

    @Test
    void plannedStimuliReachConsumersBeforeTheBlockThatContainsThem() throws Exception {
        FakeDriver stimulating = new FakeDriver("stim", 200, 100) {
            @Override
            public void run(DriverContext context) {
                long index = 0;
                for (int b = 0; b < blocks; b++) {
                    for (StimulusEvent planned : context.dueStimuli(index + blockSize)) {
                        context.stimulus(planned); // a real stimulator would fire here
                    }
                    if (b == 50) {
                        context.annotation(new Annotation(index, 0, "Clamp on", Annotation.Kind.CLINICAL));
                    }
                    context.block(new SampleBlock(index, 0, new float[channelCount][blockSize]));
                    index += blockSize;
                }
            }
        };
        List<String> seen = new CopyOnWriteArrayList<>();
        RecordingConsumer consumer = new RecordingConsumer() {
            @Override
            public void onStimulus(StimulusEvent event) {
                events.add("stim " + event.siteId() + " " + event.sampleIndex());
            }

            @Override
            public void onAnnotation(Annotation annotation) {
                seen.add(annotation.text() + "@" + annotation.sampleIndex());
            }
        };
        engine.addConsumer("processor", consumer, 1000);
        engine.start(stimulating, new AcquisitionConfig(1000, 2, false),
                new StimulationProgram(List.of(PeriodicStimulation.ssep("median.left", 4.7, 25, 200)), 50));
        await(consumer.stopped);
        List<String> stims = consumer.events.stream().filter(e -> e.startsWith("stim")).toList();
        assertEquals(94, stims.size(), "20 s at 4.7 Hz");
        for (String stim : stims) {
            long sample = Long.parseLong(stim.substring(stim.lastIndexOf(' ') + 1));
            int at = consumer.events.indexOf(stim);
            assertEquals("block " + (sample / 100) * 100, consumer.events.get(at + 1 + countStimsAfter(consumer.events, at)),
                    "stimulus at " + sample + " precedes its block");
        }
        assertEquals(List.of("Clamp on@5000"), seen);
    }

    private static int countStimsAfter(List<String> events, int at) {
        int n = 0;
        while (events.get(at + 1 + n).startsWith("stim")) {
            n++;
        }
        return n;
    }

    @Test
    void aMainsLockedProgramIsWarnedAbout() throws Exception {
        RecordingConsumer consumer = new RecordingConsumer();
        engine.addConsumer("c", consumer, 100);
        engine.start(new FakeDriver("w", 5, 10), FAST_4CH,
                new StimulationProgram(List.of(PeriodicStimulation.ssep("median.left", 5.0, 25, 200)), 50));
        List<String> warnings = engine.status().warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("sub-multiple of 50 Hz"), warnings.get(0));
        await(consumer.stopped);
    }

    @Test
    void skippedSamplesBecomeAnExplicitGap() throws Exception {
        FakeDriver driver = new FakeDriver("skippy", 10, 100);
        driver.skipAt = 300;
        driver.skip = 50;
        RecordingConsumer consumer = new RecordingConsumer();
        engine.addConsumer("recorder", consumer, 100);
        engine.start(driver, FAST_4CH);
        await(consumer.stopped);
        assertEquals(List.of(new DataGap(300, 50, "amplifier 'Fake skippy' skipped samples")), consumer.gaps);
        assertTrue(consumer.events.indexOf("gap 300+50") == consumer.events.indexOf("block 350") - 1);
    }

    @Test
    void aDriverGoingBackInTimeFailsLoudly() throws Exception {
        FakeDriver driver = new FakeDriver("rewind", 10, 100);
        driver.skipAt = 200;
        driver.skip = -50;
        RecordingConsumer consumer = new RecordingConsumer();
        engine.addConsumer("recorder", consumer, 100);
        engine.start(driver, FAST_4CH);
        await(consumer.stopped);
        EngineStatus status = waitForState(EngineState.FAILED);
        assertTrue(status.message().contains("went back in time"), status.message());
    }

    @Test
    void impossibleSettingsAndDoubleStartsAreRefused() throws Exception {
        FakeDriver driver = new FakeDriver("limits", 1_000_000, 10);
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> engine.start(driver, new AcquisitionConfig(1000, 64, false)));
        assertTrue(tooMany.getMessage().contains("channel count 64"), tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> engine.start(driver, new AcquisitionConfig(50_000, 4, false)));

        engine.start(driver, FAST_4CH);
        assertThrows(IllegalStateException.class, () -> engine.start(new FakeDriver("other", 1, 1), FAST_4CH));
        engine.stop();
        EngineStatus stopped = waitForState(EngineState.STOPPED);
        assertEquals("stopped by user", stopped.message());
    }

    @Test
    void duplicateDriverIdsAreRejected() {
        engine.addDriver(new FakeDriver("dup", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> engine.addDriver(new FakeDriver("dup", 1, 1)));
        assertEquals(1, engine.availableDrivers().size());
    }

    @Test
    void removingTheRunningDriverStopsAcquisitionAsAmplifierLost() throws Exception {
        FakeDriver driver = new FakeDriver("usb", Integer.MAX_VALUE, 10) {
            @Override
            public void run(org.openionm.core.driver.DriverContext context) {
                try {
                    super.run(context);
                } finally {
                    Thread.interrupted();
                }
            }
        };
        engine.addDriver(driver);
        RecordingConsumer consumer = new RecordingConsumer();
        engine.addConsumer("recorder", consumer, 10_000);
        engine.start(driver, FAST_4CH);
        assertTrue(waitUntil(() -> driver.pushed > 10));
        engine.removeDriver(driver);
        await(consumer.stopped);
        EngineStatus status = waitForState(EngineState.FAILED);
        assertTrue(status.message().contains("was removed"), status.message());
        assertTrue(consumer.health.stream().anyMatch(h -> h.condition() == DriverHealth.Condition.DISCONNECTED));
    }

    private EngineStatus waitForState(EngineState state) throws InterruptedException {
        assertTrue(waitUntil(() -> engine.status().state() == state),
                "engine did not reach " + state + "; status " + engine.status());
        return engine.status();
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
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
