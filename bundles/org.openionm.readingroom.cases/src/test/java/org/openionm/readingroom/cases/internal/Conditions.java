package org.openionm.readingroom.cases.internal;

import java.util.function.BooleanSupplier;

/** The bounded wait these tests share: messages cross a real broker, so results come later. */
final class Conditions {

    private Conditions() {
    }

    /** Polls {@code condition} every 10 ms; fails naming {@code what} after {@code timeoutMs}. */
    static void await(String what, long timeoutMs, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeoutMs * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("within " + timeoutMs + " ms: " + what);
            }
            Thread.sleep(10);
        }
    }
}
