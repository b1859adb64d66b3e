package org.openionm.alarm.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tasks one at a time in submission order on whichever caller thread finds nobody else
 * draining. Never blocks a caller (a processor thread must not wait for a slow listener), and a
 * task that submits another (a listener that acknowledges) does not recurse: its task runs after.
 */
final class SerialNotifier {

    private static final System.Logger LOG = System.getLogger(SerialNotifier.class.getName());

    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    /** Enqueue while holding the state lock so queue order is change order. */
    void enqueue(Runnable task) {
        pending.add(task);
    }

    /** Call without holding the state lock. */
    void drain() {
        // Re-check after releasing: a task enqueued between our last poll and the release would
        // otherwise wait for the next change.
        while (!pending.isEmpty() && draining.compareAndSet(false, true)) {
            try {
                Runnable task;
                while ((task = pending.poll()) != null) {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.ERROR, "alarm listener failed", e);
                    }
                }
            } finally {
                draining.set(false);
            }
        }
    }
}
