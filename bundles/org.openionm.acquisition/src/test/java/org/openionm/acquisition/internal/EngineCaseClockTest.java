package org.openionm.acquisition.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.openionm.acquisition.CaseTimeListener;

/** The case clock on its own: a hand-moved wall clock, listeners called at once (no threads). */
class EngineCaseClockTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong wall = new AtomicLong(7 * SECOND); // any origin: only differences count
    private final List<Double> heard = new CopyOnWriteArrayList<>();
    private final EngineCaseClock clock = new EngineCaseClock(wall::get, Runnable::run);

    EngineCaseClockTest() {
        clock.addListener(heard::add);
    }

    @Test
    void caseTimeIsTheSampleClock() {
        clock.start(1000, false);
        assertEquals(0, clock.now());
        clock.samples(250);
        clock.samples(500);
        assertEquals(0.5, clock.now());
        assertEquals(2.5, clock.timeOf(2500));
        assertEquals(List.of(0.25, 0.5), heard);
    }

    @Test
    void aLiveClockRunsOnByWallTimeWhileNoBlockArrives() {
        clock.start(1000, true);
        clock.samples(1000);
        wall.addAndGet(30 * SECOND);
        clock.tick();
        assertEquals(31.0, clock.now(), 1e-9, "1 s of data, then 30 s of stalled amplifier");
        wall.addAndGet(SECOND / 2);
        clock.tick();
        assertEquals(31.5, clock.now(), 1e-9);
        assertEquals(List.of(1.0, 31.0, 31.5), heard);
    }

    @Test
    void aLiveClockRunsBeforeTheFirstBlockAndAfterTheAcquisitionEnded() {
        clock.start(1000, true);
        wall.addAndGet(3 * SECOND);
        clock.tick();
        assertEquals(3.0, clock.now(), 1e-9, "an amplifier that never delivers does not stop time");
        clock.samples(3500);
        wall.addAndGet(10 * SECOND); // the acquisition failed (amplifier lost): no more samples, ticks go on
        clock.tick();
        assertEquals(13.5, clock.now(), 1e-9);
    }

    @Test
    void whenDataResumeBehindTheClockItWaitsForThemAndNeverGoesBack() {
        clock.start(1000, true);
        clock.samples(1000);
        wall.addAndGet(30 * SECOND);
        clock.tick(); // 31 s
        clock.samples(1100); // the amplifier goes on where it stopped: its data say 1.1 s
        assertEquals(31.0, clock.now(), 1e-9);
        wall.addAndGet(SECOND / 2);
        clock.tick(); // data 1.1 s + 0.5 s since them: still behind
        assertEquals(31.0, clock.now(), 1e-9);
        clock.samples(32_000);
        assertEquals(32.0, clock.now(), 1e-9, "the data have caught up: the clock follows them again");
        List<Double> sorted = new ArrayList<>(heard);
        sorted.sort(null);
        assertEquals(sorted, heard, "never backwards");
        assertEquals(List.of(1.0, 31.0, 32.0), heard);
    }

    @Test
    void skippedSamplesAreTimeToo() {
        clock.start(2000, false);
        clock.samples(2000);
        clock.samples(10_000); // a block after a gap: its end is what counts
        assertEquals(5.0, clock.now());
        assertEquals(List.of(1.0, 5.0), heard);
    }

    @Test
    void aReplayMovesOnlyWithItsData() {
        clock.start(1000, false);
        clock.samples(4000);
        wall.addAndGet(600 * SECOND);
        clock.tick();
        assertEquals(4.0, clock.now(), "a replay paused for 10 min of wall time is still at 4 s of case time");
        assertEquals(List.of(4.0), heard);
    }

    @Test
    void eachAcquisitionStartsAtZeroWithItsOwnRate() {
        clock.start(1000, false);
        clock.samples(5000);
        clock.start(500, false);
        assertEquals(0, clock.now());
        assertEquals(2.0, clock.timeOf(1000));
        clock.samples(500);
        assertEquals(1.0, clock.now());
    }

    @Test
    void listenersWaitingForTheNotifierGetOnlyTheLatestTimeButEveryRestart() {
        List<Runnable> pending = new ArrayList<>();
        EngineCaseClock queued = new EngineCaseClock(wall::get, pending::add);
        List<String> got = new ArrayList<>();
        queued.addListener(new CaseTimeListener() {
            @Override
            public void caseTimeAdvanced(double t) {
                got.add("advanced " + t);
            }

            @Override
            public void caseTimeRestarted(double t) {
                got.add("restarted " + t);
            }
        });
        queued.start(1000, false);
        for (long end = 100; end <= 1000; end += 100) {
            queued.samples(end);
        }
        assertEquals(1, pending.size(), "one notification waits at a time, however fast the data come");
        pending.remove(0).run();
        queued.samples(1100);
        pending.remove(0).run();
        queued.start(1000, false);
        queued.samples(2000); // already past the last time heard: still a restart first
        pending.remove(0).run();
        queued.samples(2500);
        pending.remove(0).run();
        assertEquals(List.of("restarted 0.0", "advanced 1.0", "advanced 1.1", "restarted 0.0", "advanced 2.0", "advanced 2.5"), got);
    }
}
