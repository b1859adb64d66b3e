package org.openionm.core.stimulation;

import java.util.Objects;

/**
 * One stimulation site repeated at a fixed rate (SSEP), or fired on demand when {@code rateHz} is 0
 * (TcMEP trains), or ramped in intensity (triggered EMG).
 *
 * @param siteId               e.g. {@code "median.left"}, {@code "tcmep.C3C4"}, {@code "screw.L4.left"}
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
 */
public record PeriodicStimulation(String siteId, double rateHz, double intensity, String unit, double pulseWidthMicros,
        int pulseCount, double interPulseIntervalMs, double rampStep, double rampMax, double offsetMs) {

    /** A site interleaved automatically. */
    public PeriodicStimulation(String siteId, double rateHz, double intensity, String unit, double pulseWidthMicros,
            int pulseCount, double interPulseIntervalMs, double rampStep, double rampMax) {
        this(siteId, rateHz, intensity, unit, pulseWidthMicros, pulseCount, interPulseIntervalMs, rampStep, rampMax, Double.NaN);
    }

    public PeriodicStimulation {
        Objects.requireNonNull(siteId, "siteId");
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
    }

    /** This site with its first stimulus {@code ms} after the start. */
    public PeriodicStimulation withOffsetMs(double ms) {
        return new PeriodicStimulation(siteId, rateHz, intensity, unit, pulseWidthMicros, pulseCount, interPulseIntervalMs,
                rampStep, rampMax, ms);
    }

    /** A single-pulse site at a fixed rate, e.g. SSEP median nerve 4.7 Hz, 25 mA, 200 µs. */
    public static PeriodicStimulation ssep(String siteId, double rateHz, double milliamps, double pulseWidthMicros) {
        return new PeriodicStimulation(siteId, rateHz, milliamps, "mA", pulseWidthMicros, 1, 0, 0, 0);
    }

    /** A TcMEP train fired on demand. */
    public static PeriodicStimulation tcmepTrain(String siteId, double volts, int pulses, double isiMs) {
        return new PeriodicStimulation(siteId, 0, volts, "V", 50, pulses, isiMs, 0, 0);
    }

    /** A triggered-EMG ramp: from {@code startMa} by {@code stepMa} per stimulus up to {@code maxMa}. */
    public static PeriodicStimulation ramp(String siteId, double rateHz, double startMa, double stepMa, double maxMa) {
        return new PeriodicStimulation(siteId, rateHz, startMa, "mA", 200, 1, 0, stepMa, maxMa);
    }
}
