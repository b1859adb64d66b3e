package org.openionm.modality.emg.freerun.internal;

/**
 * Finds discharges (excursions beyond the threshold; one ends 3 ms after its last sample beyond it)
 * in one channel's band-passed signal and groups them into episodes: discharges less than
 * {@code episodeGap} apart belong together. A closed episode is classified (OpenIONM's operational
 * definitions, docs/emg.md):
 * <ul>
 * <li><b>spike</b> — one discharge of at most 20 ms;</li>
 * <li><b>neurotonic</b> — at least {@code neurotonicMinDischarges} discharges over at least
 * {@code neurotonicMin}: repetitive discharges sustained over time;</li>
 * <li><b>burst</b> — anything else: a few discharges crowded together, or one long one.</li>
 * </ul>
 * A neurotonic episode is reported as soon as it qualifies (an alarm must not wait for its end).
 */
final class DischargeDetector {

    /** Kinds, as {@code DetectedEvent.kind} spells them. */
    static final String SPIKE = "spike";
    static final String BURST = "burst";
    static final String NEUROTONIC = "neurotonic";

    interface Listener {
        void neurotonicStarted(long onset, long at);

        void episode(String kind, long onset, long end, double peakUv, int discharges);
    }

    private final long dead;
    private final long gap;
    private final long longSpike;
    private final long neurotonicMin;
    private final int neurotonicMinDischarges;
    private final Listener listener;

    private boolean inDischarge;
    private long lastAbove;
    private long dischargeStart;

    private boolean open;
    private long episodeStart;
    private long episodeEnd;
    private double episodePeak;
    private int discharges;
    private boolean neurotonicSaid;

    DischargeDetector(double fs, double episodeGapMs, double neurotonicMinS, int neurotonicMinDischarges, Listener listener) {
        this.dead = Math.max(1, Math.round(0.003 * fs));
        this.gap = Math.round(episodeGapMs * fs / 1000);
        this.longSpike = Math.round(0.020 * fs);
        this.neurotonicMin = Math.round(neurotonicMinS * fs);
        this.neurotonicMinDischarges = neurotonicMinDischarges;
        this.listener = listener;
    }

    /** One filtered sample against the discharge threshold (µV). */
    void sample(long i, double x, double threshold) {
        double a = Math.abs(x);
        if (a >= threshold) {
            if (!inDischarge) {
                inDischarge = true;
                dischargeStart = i;
                if (!open) {
                    open = true;
                    episodeStart = i;
                    episodePeak = 0;
                    discharges = 0;
                    neurotonicSaid = false;
                }
                discharges++;
            }
            lastAbove = i;
            episodeEnd = i + 1;
            if (a > episodePeak) {
                episodePeak = a;
            }
            if (!neurotonicSaid && discharges >= neurotonicMinDischarges && episodeEnd - episodeStart >= neurotonicMin) {
                neurotonicSaid = true;
                listener.neurotonicStarted(episodeStart, i);
            }
        } else if (inDischarge && i - lastAbove > dead) {
            inDischarge = false;
        }
        if (open && !inDischarge && i - lastAbove > gap) {
            close();
        }
    }

    /** Whether an episode is open (its samples are not background). */
    boolean busy() {
        return open;
    }

    long episodeStart() {
        return episodeStart;
    }

    /** Closes the open episode now, classified on what it held. */
    void close() {
        if (!open) {
            return;
        }
        open = false;
        inDischarge = false;
        long duration = episodeEnd - episodeStart;
        String kind = discharges >= neurotonicMinDischarges && duration >= neurotonicMin ? NEUROTONIC
                : discharges == 1 && duration <= longSpike ? SPIKE : BURST;
        listener.episode(kind, episodeStart, episodeEnd, episodePeak, discharges);
    }

    /** Forgets the open episode without reporting it (it belonged to an A-train or to cautery). */
    void discard() {
        open = false;
        inDischarge = false;
    }
}
