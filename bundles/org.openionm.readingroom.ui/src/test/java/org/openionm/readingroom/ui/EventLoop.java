package org.openionm.readingroom.ui;

import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Display;

/** The reading-room UI tests' wait: run the event loop until a condition holds, bounded. */
final class EventLoop {

    private EventLoop() {
    }

    /** Dispatches events until {@code condition} holds; fails naming {@code what} after {@code timeoutMs}. */
    static void pump(String what, long timeoutMs, BooleanSupplier condition) throws InterruptedException {
        Display d = Display.getDefault();
        long end = System.nanoTime() + timeoutMs * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("within " + timeoutMs + " ms: " + what);
            }
            if (!d.readAndDispatch()) {
                Thread.sleep(5);
            }
        }
    }
}
