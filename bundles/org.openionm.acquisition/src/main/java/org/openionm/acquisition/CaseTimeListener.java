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
}
