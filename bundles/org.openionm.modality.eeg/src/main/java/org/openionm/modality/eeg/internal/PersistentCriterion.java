package org.openionm.modality.eeg.internal;

/**
 * An ischaemia criterion judged epoch by epoch that alarms only once it has held over at least the
 * persistence time of signal (transient changes are not linked to stroke: Eur J Vasc Surg 1989;3:423),
 * counted from the start of the first epoch that met it, and clears once it has not held for as long.
 * Rejected epochs neither extend nor break a run.
 */
final class PersistentCriterion {

    private final double persistence;
    private double metSince = Double.NaN;
    private double unmetSince = Double.NaN;
    private boolean active;

    PersistentCriterion(double persistenceSeconds) {
        this.persistence = persistenceSeconds;
    }

    /**
     * One valid epoch [start, end): returns {@code TRUE} when the alarm turns active, {@code FALSE} when it
     * clears, {@code null} when nothing changes.
     */
    Boolean epoch(double start, double end, boolean met) {
        if (met) {
            unmetSince = Double.NaN;
            if (Double.isNaN(metSince)) {
                metSince = start;
            }
            if (!active && end - metSince >= persistence - 1e-9) {
                active = true;
                return Boolean.TRUE;
            }
        } else {
            metSince = Double.NaN;
            if (active) {
                if (Double.isNaN(unmetSince)) {
                    unmetSince = start;
                }
                if (end - unmetSince >= persistence - 1e-9) {
                    active = false;
                    unmetSince = Double.NaN;
                    return Boolean.FALSE;
                }
            }
        }
        return null;
    }

    /**
     * The data went on after a stretch without any (an acquisition that continues the case): a run of
     * met or unmet epochs does not bridge it, the alarm state stays.
     */
    void resume() {
        metSince = Double.NaN;
        unmetSince = Double.NaN;
    }

    boolean active() {
        return active;
    }
}
