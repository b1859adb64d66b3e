package org.openionm.driver.edf.internal;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.openionm.core.driver.PlaybackControl;

/**
 * The transport of one playback (issue 16): the UI pauses, seeks and changes the speed, the driver's
 * thread asks before every block whether to wait, jump or go on. Positions are sample indices of the
 * recording's clock, which is the acquisition's clock: a seek ahead is a jump the engine reports as a
 * gap; going back is refused (the clock only moves forward; the playback restarts from there instead).
 * Pacing is anchored at the last change, so a new speed or a resume does not make up for lost time.
 */
final class FilePlayback implements PlaybackControl {

    /** Longest sleep between looks at pause, speed and stop. */
    private static final long SLICE_NANOS = 20_000_000;

    private final String name;
    private final double rate;
    private final long end;
    // guarded by this
    private long position;
    private long seekTo = -1;
    private boolean paused;
    private double speed;
    private long anchorIndex;
    private long anchorNanos;
    private long heldSlices;

    FilePlayback(String name, double rate, long start, long end, double speed) {
        this.name = name;
        this.rate = rate;
        this.end = end;
        this.position = start;
        this.speed = speed;
        anchor(start);
    }

    @Override
    public String sourceName() {
        return name;
    }

    @Override
    public synchronized double positionSeconds() {
        return position / rate;
    }

    @Override
    public double durationSeconds() {
        return end / rate;
    }

    @Override
    public synchronized boolean isPaused() {
        return paused;
    }

    @Override
    public synchronized void pause() {
        paused = true;
    }

    @Override
    public synchronized void resume() {
        if (paused) {
            paused = false;
            anchor(position);
        }
    }

    @Override
    public synchronized void seek(double seconds) {
        long target = Math.round(seconds * rate);
        long from = seekTo >= 0 ? seekTo : position;
        if (!(seconds >= 0) || target > end) {
            throw new IllegalArgumentException("seek to " + seconds + " s: the recording lasts " + fmt(end / rate) + " s");
        }
        if (target < from) {
            throw new IllegalArgumentException("seek to " + fmt(seconds) + " s: the playback is at " + fmt(from / rate)
                    + " s and its clock only moves forward; restart the playback from " + fmt(seconds) + " s");
        }
        seekTo = target;
    }

    @Override
    public synchronized double speed() {
        return speed;
    }

    @Override
    public synchronized void setSpeed(double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("playback speed must be > 0 (1 = real time), was " + value);
        }
        speed = value;
        anchor(position);
    }

    /** Driver thread: a seek asked for since the last call (sample index), or −1. */
    synchronized long takeSeek() {
        long s = seekTo;
        seekTo = -1;
        if (s >= 0) {
            position = s;
            anchor(s);
        }
        return s;
    }

    /** Driver thread: samples up to {@code index} were delivered. */
    synchronized void delivered(long index) {
        position = index;
    }

    /**
     * Driver thread: waits while paused, then until the block ending at {@code index} is due at the
     * current speed; returns early when {@code stop} turns true or a seek is asked for.
     */
    void pace(long index, BooleanSupplier stop) throws InterruptedException {
        while (!stop.getAsBoolean()) {
            long wait;
            synchronized (this) {
                if (seekTo >= 0) {
                    return;
                }
                if (paused) {
                    wait = SLICE_NANOS;
                    heldSlices++;
                } else if (speed == AS_FAST_AS_POSSIBLE) {
                    return;
                } else {
                    long due = anchorNanos + Math.round(secondsFromAnchor(index) * 1e9);
                    wait = due - System.nanoTime();
                    if (wait <= 0) {
                        return;
                    }
                }
            }
            LockSupport.parkNanos(Math.min(wait, SLICE_NANOS));
            if (Thread.interrupted()) {
                throw new InterruptedException("EDF playback stopped");
            }
        }
    }

    /** Wall-clock seconds after the last change (start, seek, resume, speed) at which sample {@code index} is due. */
    synchronized double secondsFromAnchor(long index) {
        return speed == AS_FAST_AS_POSSIBLE ? 0 : (index - anchorIndex) / rate / speed;
    }

    /** Times the driver's thread looked at a paused transport and went on waiting (for tests). */
    synchronized long heldSlices() {
        return heldSlices;
    }

    private void anchor(long index) {
        anchorIndex = index;
        anchorNanos = System.nanoTime();
    }

    private static String fmt(double seconds) {
        return String.format(java.util.Locale.ROOT, "%.1f", seconds);
    }
}
