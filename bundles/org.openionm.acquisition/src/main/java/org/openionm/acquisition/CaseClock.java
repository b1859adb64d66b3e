package org.openionm.acquisition;

/**
 * The one clock of a case: turns sample indices into case time and tells time-dependent services
 * (the alarm manager's audio pause, anything that must expire) when it moves, so nothing waits for
 * the next condition to learn that time has passed.
 *
 * <p>Case time is the data's clock — sample index / sampling rate, restarting at 0 with each
 * acquisition — not the wall clock, so a replay is deterministic. In live acquisition
 * ({@link org.openionm.core.driver.AcquisitionConfig#realTime()}) it also runs on while no block
 * arrives: a periodic tick moves it on by the wall-clock time since the last block, so a stalled
 * amplifier does not stop time. It never goes backwards: when data resume behind it, it waits for
 * them. In replay it moves with the data only.
 *
 * @since 0.2.0
 */
public interface CaseClock {

    /** Case time in seconds: where the data are, or (live, stalled) where they should be by now; 0 before any acquisition. */
    double now();

    /**
     * Case time of a sample of the current (or last) acquisition: {@code acquisitionStart() + sampleIndex / rate}; what a
     * consumer stamps results with, so data and clock share one time base.
     */
    double timeOf(long sampleIndex);

    /**
     * Case time of the current (or last) acquisition's sample 0: 0 for a fresh acquisition; for one
     * that continues the case, where the earlier one's data ended plus the wall-clock time between.
     *
     * @since 0.4.0
     */
    default double acquisitionStart() {
        return 0;
    }

    /**
     * How long the case was without data before the current acquisition continued it (the gap a
     * trend shows and the event log names), in seconds; NaN when the acquisition started fresh.
     *
     * @since 0.4.0
     */
    default double resumedAfterSeconds() {
        return Double.NaN;
    }

    /**
     * Called each time case time moves forward or restarts with a new acquisition, on one
     * notification thread of the engine (never the driver's, never a caller's), in order; advances
     * may be coalesced, only the latest value counts.
     */
    void addListener(CaseTimeListener listener);

    void removeListener(CaseTimeListener listener);
}
