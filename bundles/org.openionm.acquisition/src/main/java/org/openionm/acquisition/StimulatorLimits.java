package org.openionm.acquisition;

import java.util.List;
import java.util.Optional;

import org.openionm.core.driver.StimulatorDescriptor;
import org.openionm.core.stimulation.PeriodicStimulation;
import org.openionm.core.stimulation.StimulationKind;

/**
 * The range a site's intensity may be set to: 0 up to the amplifier's declared stimulator output of
 * the site's unit (a constant-current output for mA, constant-voltage for V). The engine refuses
 * anything else, and an editor offers exactly this range.
 *
 * @since 0.3.0
 */
public final class StimulatorLimits {

    private StimulatorLimits() {
    }

    /** The output that drives a site of {@code unit}: the largest declared one of that unit, if any. */
    public static Optional<StimulatorDescriptor> outputFor(String unit, List<StimulatorDescriptor> stimulators) {
        return stimulators.stream().filter(s -> s.unit().equals(unit))
                .max(java.util.Comparator.comparingDouble(StimulatorDescriptor::maxIntensity));
    }

    /**
     * {@code site} at {@code intensity}.
     *
     * @throws IllegalArgumentException naming the site, the value and the limit when the amplifier has
     *                                  no output of the site's unit, the value is out of range, or the
     *                                  site is a ramp
     */
    public static PeriodicStimulation withIntensity(PeriodicStimulation site, double intensity,
            List<StimulatorDescriptor> stimulators) {
        if (site.kind() == StimulationKind.RAMP) {
            throw new IllegalArgumentException(site.siteId() + " is a ramp: its intensities are its program's (start "
                    + site.intensity() + ", step " + site.rampStep() + ", maximum " + site.rampMax() + " " + site.unit() + ")");
        }
        StimulatorDescriptor output = outputFor(site.unit(), stimulators).orElseThrow(() -> new IllegalArgumentException(
                "the amplifier declares no " + site.unit() + " stimulator output for " + site.siteId()));
        if (!(intensity >= 0) || intensity > output.maxIntensity()) {
            throw new IllegalArgumentException("intensity of " + site.siteId() + " must be 0.." + output.maxIntensity() + " "
                    + site.unit() + " (" + output.label() + "), was " + intensity);
        }
        return new PeriodicStimulation(site.siteId(), site.kind(), site.rateHz(), intensity, site.unit(),
                site.pulseWidthMicros(), site.pulseCount(), site.interPulseIntervalMs(), site.rampStep(), site.rampMax(),
                site.offsetMs(), site.onDemand());
    }
}
