package org.openionm.ui.internal;

import java.util.Map;

import org.openionm.core.driver.AcquisitionConfig;

/**
 * What the technologist chose in Setup; kept in the application context so that the Start command
 * and the Setup part agree.
 *
 * @param driverId       amplifier driver id
 * @param samplingRateHz sampling rate per channel
 * @param channelCount   channels to record
 * @param options        driver-specific options (scenario, file, seed…)
 */
public record AcquisitionSettings(String driverId, double samplingRateHz, int channelCount, Map<String, String> options) {

    /** The demo: simulated amplifier, 16 channels at 5 kHz, the stable-baseline scenario. */
    public static final AcquisitionSettings DEMO = new AcquisitionSettings("simulator", 5000, 16, Map.of());

    public AcquisitionSettings {
        options = Map.copyOf(options);
    }

    /** System property naming a driver to start when the workbench opens (set by the launcher for the demo). */
    public static final String AUTOSTART_PROPERTY = "openionm.autostart";

    /** System property naming the scenario the autostarted simulator plays (empty: its default). */
    public static final String AUTOSTART_SCENARIO_PROPERTY = "openionm.autostart.scenario";

    public AcquisitionConfig toConfig() {
        return new AcquisitionConfig(samplingRateHz, channelCount, true, options);
    }
}
