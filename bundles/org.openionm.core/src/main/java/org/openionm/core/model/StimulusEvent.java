package org.openionm.core.model;

import java.util.Objects;

/**
 * One stimulus (or the first pulse of a train) delivered to the patient, aligned to the sample clock.
 *
 * @param siteId               stimulation site, e.g. {@code "median.left"}, {@code "tcmep.C3C4"}
 * @param sampleIndex          sample at which the (first) pulse was delivered
 * @param intensity            stimulus intensity in {@code intensityUnit}
 * @param intensityUnit        {@code "mA"} for constant current, {@code "V"} for constant voltage
 * @param pulseWidthMicros     width of each pulse in microseconds
 * @param pulseCount           1 for a single pulse, more for a train (TcMEP)
 * @param interPulseIntervalMs time between pulses of a train; 0 for a single pulse
 */
public record StimulusEvent(String siteId, long sampleIndex, double intensity, String intensityUnit,
        double pulseWidthMicros, int pulseCount, double interPulseIntervalMs) {

    public StimulusEvent {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(intensityUnit, "intensityUnit");
        if (sampleIndex < 0) {
            throw new IllegalArgumentException("stimulus sample index must be >= 0, was " + sampleIndex);
        }
        if (pulseCount < 1) {
            throw new IllegalArgumentException("a stimulus has at least one pulse, was " + pulseCount);
        }
        if (intensity < 0 || Double.isNaN(intensity)) {
            throw new IllegalArgumentException("stimulus intensity must be >= 0, was " + intensity);
        }
    }

    /** A single pulse. */
    public static StimulusEvent single(String siteId, long sampleIndex, double intensity, String unit, double pulseWidthMicros) {
        return new StimulusEvent(siteId, sampleIndex, intensity, unit, pulseWidthMicros, 1, 0);
    }
}
