package org.openionm.acquisition;

import org.openionm.core.model.DriverHealth;

/**
 * Technical news from the engine. Called on one notification thread of the engine, in order; an
 * implementation must return quickly and must not call back into {@code stop()} synchronously.
 */
public interface EngineListener {

    default void statusChanged(EngineStatus status) {
    }

    /** {@code consumer} fell behind and has missed {@code missedBlocks} blocks so far. */
    default void consumerOverflow(String consumer, long missedBlocks) {
    }

    /** {@code consumer} threw while handling data; it keeps receiving data. */
    default void consumerFailed(String consumer, Throwable error) {
    }

    default void health(DriverHealth health) {
    }
}
