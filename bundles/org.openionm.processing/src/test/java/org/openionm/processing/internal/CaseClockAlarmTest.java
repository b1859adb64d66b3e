package org.openionm.processing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.acquisition.internal.DefaultAcquisitionEngine;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmLogEntry.Event;
import org.openionm.alarm.internal.DefaultAlarmManager;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.core.driver.DriverCapabilities;
import org.openionm.core.driver.DriverContext;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;

/**
 * The safety defect this guards against: the alarm manager's clock only moved with a new
 * condition, so a 2-minute audio pause could run on while nothing changed. Engine, processor host
 * and alarm manager are the real ones, wired as in the workbench; the wall clock and the engine's
 * tick are moved by hand, so no test waits for real time to pass.
 */
class CaseClockAlarmTest {

    private static final long SECOND = 1_000_000_000L;
    private static final double RATE = 1000;

    private final AtomicLong wall = new AtomicLong();
    private final List<Runnable> ticks = new CopyOnWriteArrayList<>();
    private final DefaultAcquisitionEngine engine = new DefaultAcquisitionEngine(wall::get, tick -> {
        ticks.add(tick);
        return () -> ticks.remove(tick);
    });
    private final DefaultAlarmManager alarms = new DefaultAlarmManager();
    private final DefaultProcessorHost host = new DefaultProcessorHost();
    private final ConsumerRegistration registration;

    CaseClockAlarmTest() {
        host.setAlarmManager(alarms);
        host.setCaseClock(engine.caseClock());
        registration = engine.addConsumer("modality processors", host, 1000);
    }

    @AfterEach
    void dispose() {
        registration.close();
        engine.dispose();
        host.dispose();
    }

    @Test
    void liveAPausedAlarmSoundsAgainAfterTwoMinutesWhileTheAmplifierDeliversNothing() throws Exception {
        ScriptedDriver driver = new ScriptedDriver(1); // 1 s of data, then nothing, no condition, no health
        engine.start(driver, new AcquisitionConfig(RATE, 2, true));
        assertTrue(driver.delivered.await(20, TimeUnit.SECONDS));
        awaitCaseTime(1.0);

        alarms.silence(Duration.ofMinutes(2), "anna", alarms.snapshot().caseTimeSeconds());
        assertEquals(121.0, alarms.snapshot().audioPausedUntil());

        moveWallClock(119);
        awaitCaseTime(120.0);
        assertTrue(alarms.snapshot().audioPaused(), "at 120 s the pause (until 121 s) still runs");

        moveWallClock(2);
        awaitCaseTime(122.0);
        assertTrue(!alarms.snapshot().audioPaused(), "the pause ended with nothing else happening");
        assertEquals(List.of("AUDIO_PAUSED at 1.0 by anna", "AUDIO_RESUMED at 121.0: expired"), describe(alarms.log()));
        assertTrue(alarms.snapshot().alarms().isEmpty(), "no alarm was raised meanwhile");
        assertEquals(10, driver.blocks, "and no data arrived: the amplifier stayed stalled");
        engine.stop();
    }

    @Test
    void inReplayTheDataAloneEndThePause() throws Exception {
        ScriptedDriver driver = new ScriptedDriver(1);
        driver.thenSeconds = 180; // released by the test, as fast as the processing takes them
        engine.start(driver, new AcquisitionConfig(RATE, 2, false));
        assertTrue(driver.delivered.await(20, TimeUnit.SECONDS));
        awaitCaseTime(1.0);
        alarms.silence(Duration.ofMinutes(2), "anna", alarms.snapshot().caseTimeSeconds());

        moveWallClock(600);
        assertEquals(1.0, engine.caseClock().now(), "a replay held back does not move with the wall clock");
        assertTrue(alarms.snapshot().audioPaused());

        driver.release.countDown();
        awaitCaseTime(181.0);
        assertTrue(!alarms.snapshot().audioPaused());
        assertEquals(List.of("AUDIO_PAUSED at 1.0 by anna", "AUDIO_RESUMED at 121.0: expired"), describe(alarms.log()));
    }

    @Test
    void aPauseRunsOnAcrossARestartedAcquisition() throws Exception {
        ScriptedDriver first = new ScriptedDriver(1);
        engine.start(first, new AcquisitionConfig(RATE, 2, true));
        assertTrue(first.delivered.await(20, TimeUnit.SECONDS));
        moveWallClock(59); // the amplifier went quiet at 1 s; at 60 s the user pauses the audio
        awaitCaseTime(60.0);
        alarms.silence(Duration.ofMinutes(2), "anna", alarms.snapshot().caseTimeSeconds()); // until 180 s
        engine.stop();

        ScriptedDriver second = new ScriptedDriver(1); // reconnected: its sample clock starts at 0
        engine.start(second, new AcquisitionConfig(RATE, 2, true));
        assertTrue(second.delivered.await(20, TimeUnit.SECONDS));
        awaitCaseTime(1.0);
        assertEquals(120.0, alarms.snapshot().audioPausedUntil(), 1e-9, "the 120 s the pause had left, from the restart");
        moveWallClock(118);
        awaitCaseTime(119.0);
        assertTrue(alarms.snapshot().audioPaused());
        moveWallClock(2);
        awaitCaseTime(121.0);
        assertTrue(!alarms.snapshot().audioPaused(), "2 minutes after it began, not when the new clock reaches the old 180 s");
        engine.stop();
    }

    private void moveWallClock(long seconds) {
        wall.addAndGet(seconds * SECOND);
        assertEquals(1, ticks.size(), "the engine runs one periodic tick");
        ticks.get(0).run();
    }

    /** The alarm manager hears the clock on the engine's notifier: wait for it, bounded. */
    private void awaitCaseTime(double t) throws InterruptedException {
        assertTrue(waitUntil(() -> alarms.snapshot().caseTimeSeconds() == t),
                "alarm manager's case time should reach " + t + ", is " + alarms.snapshot().caseTimeSeconds());
    }

    private static List<String> describe(List<AlarmLogEntry> log) {
        List<String> lines = new ArrayList<>();
        for (AlarmLogEntry e : log) {
            lines.add(e.event() + " at " + e.timeSeconds() + (e.event() == Event.AUDIO_PAUSED ? " by " + e.user() : ": " + e.note()));
        }
        return lines;
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

    /** Delivers {@code seconds} of data in 100 ms blocks, then waits; on release delivers {@code thenSeconds} more. */
    static class ScriptedDriver implements AmplifierDriver {
        final int seconds;
        int thenSeconds;
        volatile int blocks;
        final CountDownLatch delivered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private int channelCount;

        ScriptedDriver(int seconds) {
            this.seconds = seconds;
        }

        @Override
        public String id() {
            return "scripted";
        }

        @Override
        public String displayName() {
            return "Scripted amplifier";
        }

        @Override
        public DriverCapabilities capabilities() {
            return new DriverCapabilities(8, 20_000, List.of());
        }

        @Override
        public List<Channel> configure(AcquisitionConfig config) {
            channelCount = config.channelCount();
            List<Channel> channels = new ArrayList<>();
            for (int c = 0; c < channelCount; c++) {
                channels.add(new Channel(c, "ch" + c, Channel.MICROVOLT, config.samplingRateHz(), -1000, 1000,
                        ChannelRole.SSEP_CORTICAL));
            }
            return channels;
        }

        @Override
        public void run(DriverContext context) throws InterruptedException {
            int block = (int) (RATE / 10);
            long index = deliver(context, 0, seconds * 10, block);
            delivered.countDown();
            while (!release.await(10, TimeUnit.MILLISECONDS)) {
                if (context.isStopRequested()) {
                    return;
                }
            }
            deliver(context, index, thenSeconds * 10, block);
        }

        private long deliver(DriverContext context, long index, int count, int block) {
            for (int b = 0; b < count && !context.isStopRequested(); b++) {
                context.block(new SampleBlock(index, 0, new float[channelCount][block]));
                index += block;
                blocks++;
            }
            return index;
        }
    }
}
