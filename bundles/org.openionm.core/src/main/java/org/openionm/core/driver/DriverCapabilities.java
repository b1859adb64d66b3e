package org.openionm.core.driver;

import java.util.List;
import java.util.Objects;

/**
 * What an amplifier can do.
 *
 * @param maxChannels        most channels it records at once
 * @param maxSamplingRateHz  highest sampling rate per channel
 * @param stimulators        stimulator outputs it drives (empty for a recording-only device)
 */
public record DriverCapabilities(int maxChannels, double maxSamplingRateHz, List<StimulatorDescriptor> stimulators) {

    public DriverCapabilities {
        Objects.requireNonNull(stimulators, "stimulators");
        stimulators = List.copyOf(stimulators);
        if (maxChannels < 1 || !(maxSamplingRateHz > 0)) {
            throw new IllegalArgumentException("capabilities need >= 1 channel and a positive rate");
        }
    }

    /** Checks a configuration against these limits; the message names the offending setting. */
    public void check(AcquisitionConfig config) {
        if (config.channelCount() > maxChannels) {
            throw new IllegalArgumentException("channel count " + config.channelCount()
                    + " exceeds this amplifier's maximum of " + maxChannels);
        }
        if (config.samplingRateHz() > maxSamplingRateHz) {
            throw new IllegalArgumentException("sampling rate " + config.samplingRateHz()
                    + " Hz exceeds this amplifier's maximum of " + maxSamplingRateHz + " Hz");
        }
    }
}
