package org.openionm.acquisition.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Calls a task periodically; tests substitute one they fire by hand, so they need no real waiting. */
@FunctionalInterface
public interface TickSource {

    /** Starts calling {@code tick}; closing the result stops it. */
    AutoCloseable start(Runnable tick);

    /** A daemon thread that calls the task every {@code period}. */
    static TickSource every(Duration period) {
        return tick -> {
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "openionm-case-clock");
                t.setDaemon(true);
                return t;
            });
            long ms = period.toMillis();
            timer.scheduleAtFixedRate(tick, ms, ms, TimeUnit.MILLISECONDS);
            return timer::shutdownNow;
        };
    }
}
