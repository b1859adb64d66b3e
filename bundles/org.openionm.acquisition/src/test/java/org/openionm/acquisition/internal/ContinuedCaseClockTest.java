package org.openionm.acquisition.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.openionm.acquisition.CaseTimeListener;

/**
 * An acquisition that continues the case (issue 16): case time resumes at the earlier data's end
 * plus the wall-clock time between, never goes back, and is not announced as a restart.
 */
class ContinuedCaseClockTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong wall = new AtomicLong(11 * SECOND);
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final EngineCaseClock clock = new EngineCaseClock(wall::get, Runnable::run);

    ContinuedCaseClockTest() {
        clock.addListener(new CaseTimeListener() {
            @Override
            public void caseTimeAdvanced(double t) {
                heard.add("advanced " + t);
            }

            @Override
            public void caseTimeRestarted(double t) {
                heard.add("restarted " + t);
            }
        });
    }

    @Test
    void aReplayContinuedAfterAPauseResumesAtItsEndPlusTheWallClockGap() {
        clock.start(1000, false);
        clock.samples(300_000); // 300 s of data, delivered at the end of the run
        wall.addAndGet(45 * SECOND); // 45 s between Stop and the next Start
        clock.start(2000, false, true);
        assertEquals(345.0, clock.acquisitionStart(), 1e-9);
        assertEquals(45.0, clock.resumedAfterSeconds(), 1e-9);
        assertEquals(345.0, clock.now(), 1e-9);
        assertEquals(345.0 + 1.5, clock.timeOf(3000), 1e-9, "the new acquisition's own rate, from where it resumed");
        clock.samples(4000);
        assertEquals(347.0, clock.now(), 1e-9);
        assertEquals(List.of("restarted 0.0", "advanced 300.0", "advanced 345.0", "advanced 347.0"), heard,
                "one restart for the fresh start, none for the continuation");
    }

    @Test
    void aLiveClockThatRanOnAfterTheEndIsNotSetBack() {
        clock.start(1000, true);
        clock.samples(10_000);
        wall.addAndGet(20 * SECOND);
        clock.tick(); // the case went on for 20 s without data: 30 s shown
        wall.addAndGet(SECOND / 4);
        clock.start(1000, true, true);
        assertEquals(30.25, clock.acquisitionStart(), 1e-9);
        assertEquals(20.25, clock.resumedAfterSeconds(), 1e-9);
        assertTrue(clock.now() >= 30.0);
    }

    @Test
    void aFreshStartRestartsAtZeroAndHasNoGap() {
        clock.start(1000, false);
        clock.samples(5000);
        clock.start(1000, false, false);
        assertEquals(0, clock.acquisitionStart());
        assertTrue(Double.isNaN(clock.resumedAfterSeconds()));
        assertEquals(0.002, clock.timeOf(2), 1e-12);
    }

    @Test
    void theFirstAcquisitionHasNothingToContinue() {
        clock.start(1000, false, true);
        assertEquals(0, clock.acquisitionStart());
        assertTrue(Double.isNaN(clock.resumedAfterSeconds()));
    }
}
