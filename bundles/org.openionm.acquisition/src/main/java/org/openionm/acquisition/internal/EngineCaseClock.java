package org.openionm.acquisition.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import org.openionm.acquisition.CaseClock;
import org.openionm.acquisition.CaseTimeListener;

/**
 * The engine's {@link CaseClock}. The driver thread moves it with every block ({@link #samples}),
 * a periodic {@link #tick} moves a live clock on while no block arrives — also after a live
 * acquisition ended or failed: the case and its alarms (amplifier disconnected) go on without data;
 * a replay's time ends with its data. Listeners are called on
 * the engine's notifier, coalesced, so the driver never waits for them.
 */
final class EngineCaseClock implements CaseClock {

    private static final System.Logger LOG = System.getLogger(EngineCaseClock.class.getName());

    private final LongSupplier nanoTime;
    private final Executor notifier;
    private final List<CaseTimeListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean announcing = new AtomicBoolean();
    /** Touched only by the notifier thread. */
    private double announced = Double.NaN;
    private long announcedEpoch;

    // guarded by this
    private double rate = Double.NaN;
    /** Acquisitions started so far: a change means the time base restarted. */
    private long epoch;
    private boolean live;
    private long samples;
    private long lastDataNanos;
    private double now;
    /** Case time of sample index 0 of the current acquisition: 0, or where a continued case resumed. */
    private double origin;
    /** The stretch without data before a continued acquisition; NaN for a fresh one. */
    private double resumedAfter = Double.NaN;

    /**
     * @param nanoTime the wall clock for live ticks ({@link System#nanoTime} in use; tests move it by hand)
     * @param notifier where listeners are called, one at a time
     */
    EngineCaseClock(LongSupplier nanoTime, Executor notifier) {
        this.nanoTime = nanoTime;
        this.notifier = notifier;
    }

    /** A new acquisition: case time restarts at 0 with its sample indices. */
    void start(double samplingRateHz, boolean realTime) {
        start(samplingRateHz, realTime, false);
    }

    /**
     * A new acquisition. Fresh: case time restarts at 0. Continuing the case (after an earlier
     * acquisition): it resumes where the earlier data ended plus the wall-clock time since then, so
     * case time stays the case's elapsed time (and never less than a live clock already showed);
     * the stretch without data is {@link #resumedAfterSeconds()}.
     */
    void start(double samplingRateHz, boolean realTime, boolean continueCase) {
        synchronized (this) {
            long nanos = nanoTime.getAsLong();
            if (continueCase && !Double.isNaN(rate)) {
                double dataEnd = origin + samples / rate;
                double resumed = Math.max(now, dataEnd + Math.max(0, (nanos - lastDataNanos) / 1e9));
                resumedAfter = resumed - dataEnd;
                origin = resumed;
            } else {
                resumedAfter = Double.NaN;
                origin = 0;
                epoch++;
            }
            rate = samplingRateHz;
            live = realTime;
            samples = 0;
            now = origin;
            lastDataNanos = nanos;
        }
        announce();
    }

    /** The driver delivered samples up to (not including) {@code endSampleIndex}; a jump is a gap, still time. */
    void samples(long endSampleIndex) {
        boolean moved;
        synchronized (this) {
            samples = Math.max(samples, endSampleIndex);
            lastDataNanos = nanoTime.getAsLong();
            moved = advance(origin + samples / rate);
        }
        if (moved) {
            announce();
        }
    }

    /** Periodic: a live clock moves on by the wall-clock time since the last block. No effect in replay. */
    void tick() {
        boolean moved;
        synchronized (this) {
            if (!live) {
                return;
            }
            double stalled = (nanoTime.getAsLong() - lastDataNanos) / 1e9;
            moved = advance(origin + samples / rate + Math.max(0, stalled));
        }
        if (moved) {
            announce();
        }
    }

    private boolean advance(double t) {
        if (t > now) {
            now = t;
            return true;
        }
        return false; // data resuming behind a clock that ran on while they stalled: it waits for them
    }

    @Override
    public synchronized double now() {
        return now;
    }

    @Override
    public synchronized double timeOf(long sampleIndex) {
        return Double.isNaN(rate) ? 0 : origin + sampleIndex / rate;
    }

    @Override
    public synchronized double acquisitionStart() {
        return origin;
    }

    @Override
    public synchronized double resumedAfterSeconds() {
        return resumedAfter;
    }

    @Override
    public void addListener(CaseTimeListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(CaseTimeListener listener) {
        listeners.remove(listener);
    }

    /** At most one notification waits at a time; it reads the latest time when it runs. */
    private void announce() {
        if (listeners.isEmpty() || !announcing.compareAndSet(false, true)) {
            return;
        }
        try {
            notifier.execute(this::callListeners);
        } catch (RejectedExecutionException disposed) {
            announcing.set(false);
        }
    }

    private void callListeners() {
        announcing.set(false);
        double t;
        long e;
        synchronized (this) {
            t = now;
            e = epoch;
        }
        boolean restarted = e != announcedEpoch;
        if (!restarted && t == announced) {
            return;
        }
        announced = t;
        announcedEpoch = e;
        for (CaseTimeListener listener : listeners) {
            try {
                if (restarted) {
                    listener.caseTimeRestarted(0); // where the new time base began, however late we are
                }
                if (!restarted || t > 0) {
                    listener.caseTimeAdvanced(t);
                }
            } catch (RuntimeException failure) {
                LOG.log(System.Logger.Level.ERROR, "case time listener " + listener + " failed", failure);
            }
        }
    }
}
