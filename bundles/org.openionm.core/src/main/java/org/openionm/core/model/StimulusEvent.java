package org.openionm.core.model;

import java.util.Objects;

import org.openionm.core.stimulation.StimulationKind;

/**
 * One stimulus (or the first pulse of a train) delivered to the patient, aligned to the sample clock.
 *
 * @param siteId               stimulation site, e.g. {@code "median.left"}, {@code "tcmep.C3C4"}
 *                             ({@code org.openionm.core.stimulation.SiteId} parses OpenIONM's forms)
 * @param kind                 what the site was declared to be (its program's {@code PeriodicStimulation.kind},
 *                             or what a recording says): a processor recognises its stimuli by it, not by the id
 * @param sampleIndex          sample at which the (first) pulse was delivered
 * @param intensity            stimulus intensity in {@code intensityUnit}
 * @param intensityUnit        {@code "mA"} for constant current, {@code "V"} for constant voltage
 * @param pulseWidthMicros     width of each pulse in microseconds
 * @param pulseCount           1 for a single pulse, more for a train (TcMEP)
 * @param interPulseIntervalMs time between pulses of a train; 0 for a single pulse
 */
public record StimulusEvent(String siteId, StimulationKind kind, long sampleIndex, double intensity, String intensityUnit,
        double pulseWidthMicros, int pulseCount, double interPulseIntervalMs) {

    public StimulusEvent {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(kind, "kind");
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

    /** A single pulse of an averaged site (SSEP). */
    public static StimulusEvent single(String siteId, long sampleIndex, double intensity, String unit, double pulseWidthMicros) {
        return new StimulusEvent(siteId, StimulationKind.AVERAGED, sampleIndex, intensity, unit, pulseWidthMicros, 1, 0);
    }

    /**
     * This stimulus delivered at another sample (a late plan is delivered when it can be).
     *
     * @since 0.2.0
     */
    public StimulusEvent at(long sample) {
        return new StimulusEvent(siteId, kind, sample, intensity, intensityUnit, pulseWidthMicros, pulseCount,
                interPulseIntervalMs);
    }
}
