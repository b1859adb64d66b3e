package org.openionm.core.stimulation;

/**
 * The pause of averaged stimulation (SSEP) around each train (transcranial MEP), as commercial
 * systems interleave them: a stimulus of a paused site planned at sample s is <em>skipped</em> (not
 * moved) when {@code train − beforeMs ≤ s < train + afterMs}, so no SSEP stimulus artifact lands in
 * the TcMEP pre-stimulus or response window, and no SSEP sweep holds the train's kilovolt artifact.
 * Skipped stimuli are never delivered, so no processor sees them: averages simply take a few
 * sweeps longer (a 200 ms guard every 15 s costs a 3.17 Hz site ≈1.4 % of its stimuli).
 *
 * @param beforeMs before the train's first pulse; default {@value #DEFAULT_BEFORE_MS} ms, the
 *                 longest SSEP sweep (tibial window 80–100 ms), which also covers the 20 ms MEP
 *                 pre-stimulus noise window
 * @param afterMs  after the first pulse; default {@value #DEFAULT_AFTER_MS} ms, the TcMEP analysis
 *                 window (100 ms, measured from the first pulse, so the train itself is inside).
 *                 Lengthen it when the MEP window is lengthened.
 */
public record TrainGuard(double beforeMs, double afterMs) {

    public static final double DEFAULT_BEFORE_MS = 100;
    public static final double DEFAULT_AFTER_MS = 100;
    /** Longest guard accepted on either side: a second is already a noticeable hole in SSEP averaging. */
    public static final double MAX_MS = 1000;

    public static final TrainGuard DEFAULT = new TrainGuard(DEFAULT_BEFORE_MS, DEFAULT_AFTER_MS);
    /** No pause: SSEP stimuli run on through TcMEP trains. */
    public static final TrainGuard OFF = new TrainGuard(0, 0);

    public TrainGuard {
        if (!(beforeMs >= 0 && beforeMs <= MAX_MS) || !(afterMs >= 0 && afterMs <= MAX_MS)) {
            throw new IllegalArgumentException("TcMEP guard must be 0.." + (int) MAX_MS + " ms on each side, was "
                    + beforeMs + " ms before and " + afterMs + " ms after");
        }
    }

    /** True for a site declared a {@link StimulationKind#TRAIN}, around which averaged sites pause. */
    public static boolean isTrain(PeriodicStimulation site) {
        return site.kind() == StimulationKind.TRAIN;
    }

    /**
     * True for a site this guard pauses: one declared {@link StimulationKind#AVERAGED} (SSEP).
     * Triggered-EMG ramps are not paused (a skipped step would change the ramp), nor are trains or
     * single trials.
     */
    public static boolean pauses(PeriodicStimulation site) {
        return site.kind() == StimulationKind.AVERAGED;
    }

    public boolean isOff() {
        return beforeMs == 0 && afterMs == 0;
    }

    /** For the technologist, e.g. "SSEP paused from 100 ms before to 100 ms after each TcMEP train". */
    public String describe() {
        return isOff() ? "SSEP not paused around TcMEP trains"
                : "SSEP paused from " + num(beforeMs) + " ms before to " + num(afterMs) + " ms after each TcMEP train";
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
