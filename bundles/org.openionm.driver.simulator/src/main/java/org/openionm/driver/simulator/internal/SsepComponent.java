package org.openionm.driver.simulator.internal;

/**
 * One SSEP peak as a Gaussian (σ = width/6, SEREEGA convention) on one channel.
 *
 * @param site        stimulation site, e.g. {@code "median.left"}
 * @param name        component name, e.g. {@code "N20"}
 * @param channel     montage label it appears on
 * @param latencyMs   peak latency after the stimulus
 * @param amplitudeUv signed peak value (N = negative)
 * @param widthMs     full width (±3σ)
 */
record SsepComponent(String site, String name, String channel, double latencyMs, double amplitudeUv, double widthMs) {

    SsepComponent with(double latency, double amplitude, double width) {
        return new SsepComponent(site, name, channel, latency, amplitude, width);
    }
}
