package org.openionm.ui.internal;

import org.openionm.core.driver.AcquisitionConfig;

/**
 * What the technologist chose in Setup; kept in the application context so that the Start command
 * and the Setup part agree.
 *
 * @param driverId       amplifier driver id
 * @param samplingRateHz sampling rate per channel
 * @param channelCount   channels to record
 */
public record AcquisitionSettings(String driverId, double samplingRateHz, int channelCount) {

    /** The demo: simulated amplifier, 8 channels at 2 kHz. */
    public static final AcquisitionSettings DEMO = new AcquisitionSettings("simulator", 2000, 8);

    /** System property naming a driver to start when the workbench opens (set by the launcher for the demo). */
    public static final String AUTOSTART_PROPERTY = "openionm.autostart";

    public AcquisitionConfig toConfig() {
        return new AcquisitionConfig(samplingRateHz, channelCount, true);
    }
}
