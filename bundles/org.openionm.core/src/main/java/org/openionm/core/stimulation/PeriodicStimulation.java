package org.openionm.core.stimulation;

import java.util.Objects;

/**
 * One stimulation site repeated at a fixed rate (SSEP), or fired on demand when {@code rateHz} is 0
 * (TcMEP trains), or ramped in intensity (triggered EMG). What the site is for is declared in
 * {@code kind}, never read from its id.
 *
 * @param siteId               e.g. {@code "median.left"}, {@code "tcmep.C3C4"}, {@code "screw.L4.left"}
 *                             (forms in {@link SiteId}; any other text is accepted for sites named elsewhere)
 * @param kind                 averaged, train, ramp or single: decides what pauses around what
 *                             ({@link TrainGuard}); {@link StimulationKind#RAMP} exactly when
 *                             {@code rampStep > 0}, and an averaged site needs a rate
 * @param rateHz               stimuli per second for this site; 0 = on demand only
 * @param intensity            starting intensity in {@code unit}
 * @param unit                 {@code "mA"} or {@code "V"}
 * @param pulseWidthMicros     pulse width
 * @param pulseCount           pulses per stimulus (TcMEP train: 3–9)
 * @param interPulseIntervalMs interval between pulses of a train
 * @param rampStep             intensity added after each stimulus (triggered-EMG ramp); 0 = constant
 * @param rampMax              ramp stops after this intensity
 * @param offsetMs             first stimulus this long after the start; NaN to interleave evenly with
 *                             the other sites of the same rate. Explicit offsets keep another site's
 *                             stimulus artifact out of a long recording window (tibial 100 ms).
 * @param onDemand             a ramp that waits for {@code startRamp} (the technologist touches a screw
 *                             with the probe and starts it) instead of running from the acquisition's
 *                             start; only for {@link StimulationKind#RAMP} sites (other on-demand sites
 *                             have rate 0). Since 0.3.0.
 */
public record PeriodicStimulation(String siteId, StimulationKind kind, double rateHz, double intensity, String unit,
        double pulseWidthMicros, int pulseCount, double interPulseIntervalMs, double rampStep, double rampMax, double offsetMs,
        boolean onDemand) {

    /** A site that runs from the start of the acquisition (every site before 0.3.0). */
    public PeriodicStimulation(String siteId, StimulationKind kind, double rateHz, double intensity, String unit,
            double pulseWidthMicros, int pulseCount, double interPulseIntervalMs, double rampStep, double rampMax,
            double offsetMs) {
        this(siteId, kind, rateHz, intensity, unit, pulseWidthMicros, pulseCount, interPulseIntervalMs, rampStep, rampMax,
                offsetMs, false);
    }

    /** A site interleaved automatically. */
    public PeriodicStimulation(String siteId, StimulationKind kind, double rateHz, double intensity, String unit,
            double pulseWidthMicros, int pulseCount, double interPulseIntervalMs, double rampStep, double rampMax) {
        this(siteId, kind, rateHz, intensity, unit, pulseWidthMicros, pulseCount, interPulseIntervalMs, rampStep, rampMax,
                Double.NaN);
    }

    public PeriodicStimulation {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        if (!(rateHz >= 0) || rateHz > 1000) {
            throw new IllegalArgumentException("stimulation rate of " + siteId + " must be 0..1000 Hz, was " + rateHz);
        }
        if (!(intensity >= 0) || pulseCount < 1 || !(pulseWidthMicros > 0)) {
            throw new IllegalArgumentException("invalid stimulus for " + siteId + ": intensity " + intensity
                    + ", pulses " + pulseCount + ", width " + pulseWidthMicros + " us");
        }
        if (offsetMs < 0 || Double.isInfinite(offsetMs) || (rateHz > 0 && offsetMs >= 1000 / rateHz)) {
            throw new IllegalArgumentException("offset of " + siteId + " must lie within one period, was " + offsetMs + " ms");
        }
        if (rampStep < 0 || (rampStep > 0 && rampMax < intensity)) {
            throw new IllegalArgumentException("invalid ramp for " + siteId + ": step " + rampStep + ", max " + rampMax);
        }
        if ((kind == StimulationKind.RAMP) != (rampStep > 0)) {
            throw new IllegalArgumentException(kind == StimulationKind.RAMP
                    ? "ramp site " + siteId + " needs a ramp step > 0"
                    : siteId + " has a ramp step of " + rampStep + " " + unit + " but is declared " + kind.token()
                            + "; declare it a ramp");
        }
        if (onDemand && (kind != StimulationKind.RAMP || rateHz == 0)) {
            throw new IllegalArgumentException("only a ramp with a rate > 0 Hz can wait to be started on demand; "
                    + siteId + " is " + kind.token() + (rateHz == 0 ? " at 0 Hz (already on demand)" : ""));
        }
        if (kind == StimulationKind.AVERAGED && rateHz == 0) {
            throw new IllegalArgumentException("averaged site " + siteId
                    + " needs a rate > 0 Hz; an on-demand site is a train or single");
        }
    }

    /** This site with its first stimulus {@code ms} after the start. */
    public PeriodicStimulation withOffsetMs(double ms) {
        return new PeriodicStimulation(siteId, kind, rateHz, intensity, unit, pulseWidthMicros, pulseCount,
                interPulseIntervalMs, rampStep, rampMax, ms, onDemand);
    }

    /**
     * This ramp waiting for {@code startRamp} instead of running from the start of the acquisition.
     *
     * @throws IllegalArgumentException when this is not a ramp site
     * @since 0.3.0
     */
    public PeriodicStimulation startedOnDemand() {
        return new PeriodicStimulation(siteId, kind, rateHz, intensity, unit, pulseWidthMicros, pulseCount,
                interPulseIntervalMs, rampStep, rampMax, offsetMs, true);
    }

    /** An averaged single-pulse site at a fixed rate, e.g. SSEP median nerve 4.7 Hz, 25 mA, 200 µs. */
    public static PeriodicStimulation ssep(String siteId, double rateHz, double milliamps, double pulseWidthMicros) {
        return new PeriodicStimulation(siteId, StimulationKind.AVERAGED, rateHz, milliamps, "mA", pulseWidthMicros, 1, 0, 0, 0);
    }

    /** A TcMEP train fired on demand; averaged sites pause around it. */
    public static PeriodicStimulation tcmepTrain(String siteId, double volts, int pulses, double isiMs) {
        return new PeriodicStimulation(siteId, StimulationKind.TRAIN, 0, volts, "V", 50, pulses, isiMs, 0, 0);
    }

    /** A triggered-EMG ramp: from {@code startMa} by {@code stepMa} per stimulus up to {@code maxMa}. */
    public static PeriodicStimulation ramp(String siteId, double rateHz, double startMa, double stepMa, double maxMa) {
        return new PeriodicStimulation(siteId, StimulationKind.RAMP, rateHz, startMa, "mA", 200, 1, 0, stepMa, maxMa);
    }
}
