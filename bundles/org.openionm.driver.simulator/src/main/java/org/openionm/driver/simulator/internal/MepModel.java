package org.openionm.driver.simulator.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.openionm.core.model.StimulusEvent;
import org.openionm.driver.simulator.internal.MontageChannel.Side;
import org.openionm.driver.simulator.internal.ScenarioEvent.MepChange;

/**
 * TcMEPs: a train from the anode's hemisphere excites contralateral muscles above their threshold
 * (ipsilateral ones 150 V higher and at half size, current spread); each response is 3–6 summed
 * Ricker (motor-unit-like) wavelets over 10–30 ms, with a log-normal peak-to-peak amplitude.
 * Thresholds are for 5-pulse trains and scale with √(5/pulses) (temporal summation).
 */
final class MepModel {

    static final double IPSILATERAL_EXTRA_V = 150;
    /** Recruitment above threshold: amplitude reaches 1 - 1/e of its maximum 60 V above. */
    static final double RECRUITMENT_V = 60;
    /** Constant-current TcMEP: 1 mA is taken as 4 V of a constant-voltage stimulator. */
    static final double VOLTS_PER_MA = 4;

    private static final class Muscle {
        final MontageChannel def;
        final int channel;
        final MepMuscle norm;
        final Ramp amplitudeFactor = new Ramp(1);
        final Ramp thresholdShiftV = new Ramp(0);

        Muscle(MontageChannel def, int channel, MepMuscle norm) {
            this.def = def;
            this.channel = channel;
            this.norm = norm;
        }
    }

    private final List<Muscle> muscles = new ArrayList<>();
    private final double rate;
    private final double sigmaLog;
    private final double[] scratch;

    MepModel(Map<String, MepMuscle> norms, Map<String, Integer> channelIndex, double samplingRateHz, Signals signals) {
        this.rate = samplingRateHz;
        double cv = signals.mepAmplitudeCv();
        this.sigmaLog = Math.sqrt(Math.log(1 + cv * cv));
        this.scratch = new double[(int) Math.ceil(0.045 * samplingRateHz)];
        for (MontageChannel c : Montage.full()) { // fixed order: randomness independent of the channel count
            MepMuscle norm = norms.get(c.label());
            if (norm != null) {
                muscles.add(new Muscle(c, channelIndex.getOrDefault(c.label(), -1), norm));
            }
        }
    }

    void change(MepChange e, long sample) {
        long ramp = Math.round(e.rampSeconds() * rate);
        for (Muscle m : muscles) {
            if (e.muscles().contains(m.def.label())) {
                if (e.amplitudePercent() != null) {
                    m.amplitudeFactor.moveTo(1 + e.amplitudePercent() / 100, sample, ramp);
                }
                if (e.thresholdShiftV() != null) {
                    m.thresholdShiftV.moveTo(e.thresholdShiftV(), sample, ramp);
                }
            }
        }
    }

    void fire(StimSite site, StimulusEvent stimulus, long at, SplittableRandom random, Overlay overlay) {
        double volts = stimulus.intensityUnit().equals("mA") ? stimulus.intensity() * VOLTS_PER_MA : stimulus.intensity();
        double summation = Math.sqrt(5.0 / stimulus.pulseCount());
        for (Muscle m : muscles) {
            SplittableRandom r = random.split();
            boolean contralateral = site.side() == Side.MIDLINE || site.side() == m.def.side();
            double threshold = (m.norm.thresholdV() + m.thresholdShiftV.at(at) + (contralateral ? 0 : IPSILATERAL_EXTRA_V))
                    * summation;
            if (m.channel < 0 || volts < threshold) {
                continue;
            }
            double recruitment = 0.1 + 0.9 * (1 - Math.exp(-(volts - threshold) / RECRUITMENT_V));
            double amplitude = m.norm.amplitudeUv() * m.amplitudeFactor.at(at) * recruitment * (contralateral ? 1 : 0.5)
                    * Math.exp(sigmaLog * r.nextGaussian());
            if (amplitude < 0.5) {
                continue;
            }
            double onsetMs = m.norm.onsetMs() + 0.5 * r.nextGaussian();
            int length = render(r);
            overlay.addBuffer(m.channel, at + Math.round(onsetMs * rate / 1000), scratch, length,
                    amplitude / Waveforms.peakToPeak(scratch, length));
        }
    }

    /** 3–6 Ricker wavelets over 10–30 ms into {@code scratch}, starting at index 0; returns the length used. */
    private int render(SplittableRandom r) {
        double ms = rate / 1000;
        double duration = r.nextDouble(10, 30) * ms;
        int count = r.nextInt(3, 7);
        int length = Math.min(scratch.length, (int) Math.ceil(duration + 10 * ms));
        Arrays.fill(scratch, 0, length, 0);
        double sign = r.nextBoolean() ? 1 : -1;
        for (int k = 0; k < count; k++) {
            // the first wavelet is brief and starts the response: its leading lobe rises 3 s before its centre
            double s = (k == 0 ? r.nextDouble(0.5, 1.0) : r.nextDouble(0.6, 1.6)) * ms;
            double centre = k == 0 ? 3 * s : r.nextDouble(3.5 * s, Math.max(3.5 * s + 1, duration - 3.5 * s));
            // the first wavelet is a clear initial deflection, as the onset of a real MEP is
            Waveforms.addRicker(scratch, centre, s, sign * r.nextDouble(k == 0 ? 0.7 : 0.4, 1.0));
            sign = r.nextDouble() < 0.7 ? -sign : sign; // mostly alternating polarity: polyphasic
        }
        return length;
    }
}
