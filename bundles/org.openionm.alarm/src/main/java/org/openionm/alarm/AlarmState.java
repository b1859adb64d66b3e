package org.openionm.alarm;

/**
 * Where an alarm stands. Alarms latch (IEC 60601-1-8): a condition that goes away unseen stays
 * listed until someone acknowledges it.
 *
 * <pre>
 *  raise ─► ACTIVE_UNACKNOWLEDGED ──ack──► ACTIVE_ACKNOWLEDGED ──clear──► CLOSED
 *               │      ▲  ▲                    │
 *             clear    │  └──── worsen ────────┘
 *               ▼      │ recur
 *        CLEARED_UNACKNOWLEDGED ──ack──► CLOSED
 * </pre>
 */
public enum AlarmState {
    /** Condition present, nobody has responded: visual and audio signal. */
    ACTIVE_UNACKNOWLEDGED,
    /** Condition present, a user has responded: visual signal only. */
    ACTIVE_ACKNOWLEDGED,
    /** Condition gone but never acknowledged: latched, stays visible. */
    CLEARED_UNACKNOWLEDGED,
    /** Cleared and acknowledged: off the active list, still in the log. */
    CLOSED
}
