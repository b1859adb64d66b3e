package org.openionm.driver.simulator.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.openionm.driver.simulator.internal.ScenarioEvent.SsepChange;

/**
 * Stimulus-locked SSEPs: each component is a Gaussian at its latency on its channel, with
 * sweep-to-sweep latency jitter and amplitude variation, scaled by a sigmoid of the stimulus
 * intensity and by the scenario's scripted amplitude and latency changes.
 */
final class SsepModel {

    private static final class Component {
        final SsepComponent def;
        final int channel;
        final Ramp amplitudeFactor = new Ramp(1);
        final Ramp latencyShiftMs = new Ramp(0);

        Component(SsepComponent def, int channel) {
            this.def = def;
            this.channel = channel;
        }
    }

    private final Map<String, List<Component>> bySite = new HashMap<>();
    private final double rate;
    private final double jitterMs;
    private final double amplitudeCv;

    SsepModel(List<SsepComponent> components, Map<String, Integer> channelIndex, double samplingRateHz, Signals signals) {
        this.rate = samplingRateHz;
        this.jitterMs = signals.ssepJitterMs();
        this.amplitudeCv = signals.ssepAmplitudeCv();
        for (SsepComponent c : components) {
            bySite.computeIfAbsent(c.site(), k -> new ArrayList<>())
                    .add(new Component(c, channelIndex.getOrDefault(c.channel(), -1)));
        }
    }

    void change(SsepChange e, long sample) {
        long ramp = Math.round(e.rampSeconds() * rate);
        for (Component c : bySite.getOrDefault(e.site(), List.of())) {
            if (!e.components().isEmpty() && !e.components().contains(c.def.name())) {
                continue;
            }
            if (e.amplitudePercent() != null) {
                c.amplitudeFactor.moveTo(1 + e.amplitudePercent() / 100, sample, ramp);
            }
            if (e.latencyShiftMs() != null) {
                c.latencyShiftMs.moveTo(e.latencyShiftMs(), sample, ramp);
            } else if (e.latencyPercent() != null) {
                c.latencyShiftMs.moveTo(c.def.latencyMs() * e.latencyPercent() / 100, sample, ramp);
            }
        }
    }

    /** Renders the responses to one stimulus of {@code site} delivered at sample {@code at}. */
    void fire(String site, long at, double intensityMa, SplittableRandom random, Overlay overlay) {
        List<Component> components = bySite.get(site);
        if (components == null) {
            return;
        }
        // recruitment: half-size at the site's half intensity, ≈ full size at the usual 25–40 mA
        double recruitment = 1 / (1 + Math.exp(-(intensityMa - SsepNorms.halfIntensityMa(site)) / SsepNorms.slopeMa(site)));
        double msToSamples = rate / 1000;
        for (Component c : components) {
            // always draw, so a channel's presence never changes another's randomness
            double jitter = random.nextGaussian() * jitterMs;
            double variation = Math.max(0, 1 + amplitudeCv * random.nextGaussian());
            if (c.channel < 0) {
                continue;
            }
            double latency = c.def.latencyMs() + c.latencyShiftMs.at(at) + jitter;
            double amplitude = c.def.amplitudeUv() * c.amplitudeFactor.at(at) * recruitment * variation;
            if (amplitude != 0) {
                overlay.addGaussian(c.channel, at, latency * msToSamples, c.def.widthMs() / 6 * msToSamples, amplitude);
            }
        }
    }
}
