package org.openionm.core.driver;

import java.util.Map;
import java.util.Objects;

/**
 * Settings for one acquisition run.
 *
 * @param samplingRateHz requested samples per second per channel
 * @param channelCount   requested number of channels
 * @param realTime       true to pace delivery to the wall clock; false to run as fast as possible (replay, tests)
 * @param options        driver-specific settings (e.g. {@code seed}, a scenario or file path), documented by each driver
 */
public record AcquisitionConfig(double samplingRateHz, int channelCount, boolean realTime, Map<String, String> options) {

    public AcquisitionConfig {
        Objects.requireNonNull(options, "options");
        options = Map.copyOf(options);
        if (!(samplingRateHz > 0) || Double.isInfinite(samplingRateHz)) {
            throw new IllegalArgumentException("sampling rate must be a positive number of Hz, was " + samplingRateHz);
        }
        if (channelCount < 1) {
            throw new IllegalArgumentException("channel count must be at least 1, was " + channelCount);
        }
    }

    public AcquisitionConfig(double samplingRateHz, int channelCount, boolean realTime) {
        this(samplingRateHz, channelCount, realTime, Map.of());
    }

    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }
}
