package org.openionm.alarm;

import java.time.Duration;
import java.util.List;

import org.openionm.core.model.DriverHealth;
import org.openionm.core.processing.AlarmCondition;

/**
 * Turns processor alarm conditions and amplifier health into latched, acknowledgeable alarms with
 * an audit log, in the spirit of IEC 60601-1-8. Thread-safe. All times are case time in seconds;
 * the manager's clock is the latest time it has been given. In the workbench and the headless
 * commands the processor host passes every move of the acquisition engine's case clock on to
 * {@link #advanceTo} — live also while the amplifier delivers nothing — so an audio pause expires
 * with no new condition and without a timer thread of its own; tests drive it by hand.
 *
 * <p>"Worse" means a strictly higher priority for the same key: an acknowledged alarm whose
 * condition arrives with a higher priority is unacknowledged again. A value change at the same
 * priority refreshes the alarm without re-alerting (processors re-state conditions on every
 * average).
 */
public interface AlarmManager {

    /** Applies a processor's condition: raises, refreshes, worsens, improves or clears an alarm. */
    void onCondition(AlarmCondition condition);

    /**
     * Applies an amplifier health event as a technical alarm (modality {@link AlarmKey#TECHNICAL}).
     * Saturation of single channels is grouped: when several channels are saturated at once it is
     * electrocautery, one alarm "Electrocautery" per burst, raised with the burst and cleared when
     * every channel has recovered; a channel saturated on its own for a while raises its own
     * "Amplifier saturation" alarm (a channel fault).
     *
     * @param channelLabel label of {@code health.channel()}, ignored for the whole device
     */
    void onHealth(DriverHealth health, double timeSeconds, String channelLabel);

    /** @return false when no listed alarm has this key or it is already acknowledged */
    boolean acknowledge(AlarmKey key, String user, double timeSeconds, String note);

    /** Acknowledges every unacknowledged listed alarm; returns how many. */
    int acknowledgeAll(String user, double timeSeconds, String note);

    /**
     * Pauses audio for {@code duration} of case time (at most the configured maximum). A new HIGH
     * alarm — raised, recurring or worsened to HIGH — ends the pause at once: the pause was meant for
     * the alarms the user had heard. New MEDIUM/LOW alarms are shown but stay silent until it ends.
     */
    void silence(Duration duration, String user, double timeSeconds);

    /** Ends an audio pause early; no effect when audio is not paused. */
    void resumeAudio(String user, double timeSeconds);

    /**
     * Moves the manager's case time forward, ending an expired audio pause (its only time-dependent
     * state). Earlier times are ignored.
     */
    void advanceTo(double timeSeconds);

    /**
     * Case time began again (a new acquisition: its sample clock starts at 0) and is now
     * {@code timeSeconds}: the manager's clock continues from there, and an audio pause keeps the
     * time it had left, so it still ends on time. Alarms and the log keep the times they were given.
     *
     * @since 0.2.0
     */
    void restartCaseTime(double timeSeconds);

    /**
     * A new acquisition starts fresh (outside a case, or the user chose not to continue it): every
     * listed alarm of the previous run is closed and logged as closed by {@code user} (acknowledged
     * or not: its data are no longer on screen, and an alarm that never clears would mislead), an
     * audio pause ends, and grouped technical conditions (electrocautery) are forgotten. The log
     * keeps everything.
     *
     * @return how many alarms were closed
     * @throws UnsupportedOperationException from a manager written against 0.2.0 (a default method,
     *                                       so such a manager still compiles and resolves)
     * @since 0.3.0
     */
    default int closeAllForFreshStart(String user, double timeSeconds) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot close alarms for a fresh start");
    }

    AlarmSnapshot snapshot();

    /** The whole log, oldest first. */
    List<AlarmLogEntry> log();

    /** Log entries of one alarm, oldest first. */
    List<AlarmLogEntry> log(AlarmKey key);

    void addListener(AlarmListener listener);

    void removeListener(AlarmListener listener);
}
