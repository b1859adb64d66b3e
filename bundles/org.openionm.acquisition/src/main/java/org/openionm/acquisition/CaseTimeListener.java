package org.openionm.acquisition;

/**
 * Hears the {@link CaseClock} move. Return quickly: the same thread serves the engine's other
 * listeners.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface CaseTimeListener {

    /** Case time is now {@code caseTimeSeconds}, later than at the previous call. */
    void caseTimeAdvanced(double caseTimeSeconds);

    /**
     * A new acquisition started: case time began again at {@code caseTimeSeconds} (0) with its
     * sample indices; later calls advance from here. Never coalesced away, so a service can carry
     * what was running (an audio pause) over to the new time base.
     */
    default void caseTimeRestarted(double caseTimeSeconds) {
    }
}
