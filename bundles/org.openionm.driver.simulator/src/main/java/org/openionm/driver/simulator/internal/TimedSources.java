package org.openionm.driver.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.openionm.driver.simulator.internal.ScenarioEvent.ATrain;
import org.openionm.driver.simulator.internal.ScenarioEvent.EmgSpikes;

/**
 * Scripted EMG activity rendered block by block into the overlay: A-trains (a sine from the exact
 * onset sample, sudden start and stop) and irregular motor-unit spikes (Poisson times, Ricker shapes).
 */
final class TimedSources {

    private record Train(int channel, long on, long off, double frequencyHz, double amplitudeUv) {
    }

    private static final class Spikes {
        final int channel;
        final long off;
        final double meanIntervalSamples;
        final double amplitudeUv;
        final SplittableRandom random;
        final double deadSamples;
        /** A burst's spikes follow each other at 0.5–1.5 × the mean interval, so all of them fall inside it. */
        final boolean crowded;
        double next;

        Spikes(int channel, long on, long off, double rateHz, double amplitudeUv, double samplingRate, SplittableRandom random,
                double minIntervalMs) {
            this.channel = channel;
            this.off = off;
            this.deadSamples = minIntervalMs * samplingRate / 1000;
            // the dead time is part of the mean interval: the rate stays what the scenario says when it can
            this.meanIntervalSamples = Math.max(samplingRate / rateHz - deadSamples, 0.1 * samplingRate / rateHz);
            this.amplitudeUv = amplitudeUv;
            this.random = random;
            this.crowded = false;
            this.next = on + interval();
        }

        /** A burst: {@code count} spikes at sorted uniform times within {@code [on, off)}. */
        Spikes(int channel, long on, long off, int count, double amplitudeUv, SplittableRandom random) {
            this.channel = channel;
            this.off = off;
            this.deadSamples = 0;
            this.meanIntervalSamples = (off - on) / (double) count;
            this.amplitudeUv = amplitudeUv;
            this.random = random;
            this.crowded = true;
            this.next = on;
        }

        double interval() {
            if (crowded) {
                return meanIntervalSamples * random.nextDouble(0.5, 1.0);
            }
            return deadSamples - Math.log(1 - random.nextDouble()) * meanIntervalSamples;
        }
    }

    private final List<Train> trains = new ArrayList<>();
    private final List<Spikes> spikes = new ArrayList<>();
    private final double rate;
    private final double[] spike;

    TimedSources(List<ScenarioEvent> events, Map<String, Integer> channelIndex, double samplingRateHz, long seed) {
        this.rate = samplingRateHz;
        this.spike = new double[(int) Math.ceil(0.012 * samplingRateHz)];
        int n = 0;
        for (ScenarioEvent e : events) {
            n++;
            if (e instanceof ATrain t && channelIndex.containsKey(t.channel())) {
                long on = Math.round(t.atSeconds() * rate);
                trains.add(new Train(channelIndex.get(t.channel()), on, on + Math.round(t.durationSeconds() * rate),
                        t.frequencyHz(), t.amplitudeUv()));
            } else if (e instanceof EmgSpikes s && channelIndex.containsKey(s.channel())) {
                long on = Math.round(s.atSeconds() * rate);
                spikes.add(new Spikes(channelIndex.get(s.channel()), on, on + Math.round(s.durationSeconds() * rate),
                        s.rateHz(), s.amplitudeUv(), rate, new SplittableRandom(Seeds.mix(seed, 0x5B1CE, n)), s.minIntervalMs()));
            } else if (e instanceof ScenarioEvent.Neurotonic s && channelIndex.containsKey(s.channel())) {
                long on = Math.round(s.atSeconds() * rate);
                spikes.add(new Spikes(channelIndex.get(s.channel()), on, on + Math.round(s.durationSeconds() * rate),
                        s.rateHz(), s.amplitudeUv(), rate, new SplittableRandom(Seeds.mix(seed, 0x5B1CE, n)), 5));
            } else if (e instanceof ScenarioEvent.EmgBurst b && channelIndex.containsKey(b.channel())) {
                long on = Math.round(b.atSeconds() * rate);
                spikes.add(new Spikes(channelIndex.get(b.channel()), on, on + Math.round(b.durationSeconds() * rate),
                        b.count(), b.amplitudeUv(), new SplittableRandom(Seeds.mix(seed, 0x5B1CE, n))));
            } else if (e instanceof ScenarioEvent.ATrainCluster k) {
                long on = Math.round(k.atSeconds() * rate);
                long off = on + Math.round(k.durationSeconds() * rate);
                for (int i = 0; i < k.channels().size(); i++) {
                    Integer c = channelIndex.get(k.channels().get(i));
                    if (c != null) {
                        trains.add(new Train(c, on, off, k.frequencyHz() + 7 * i, k.amplitudeUv()));
                    }
                }
            }
        }
    }

    /** Renders activity falling in {@code [start, end)}. */
    void render(long start, long end, Overlay overlay) {
        for (Train t : trains) {
            long a = Math.max(start, t.on());
            long b = Math.min(end, t.off());
            if (a >= b) {
                continue;
            }
            double w = 2 * Math.PI * t.frequencyHz() / rate;
            double cycles = (a - t.on()) * t.frequencyHz() / rate;
            double phase = 2 * Math.PI * (cycles - Math.floor(cycles));
            double c = Math.cos(phase);
            double s = Math.sin(phase);
            double cw = Math.cos(w);
            double sw = Math.sin(w);
            for (long i = a; i < b; i++) {
                overlay.add(t.channel(), i, t.amplitudeUv() * s);
                double ns = s * cw + c * sw;
                c = c * cw - s * sw;
                s = ns;
            }
        }
        double ms = rate / 1000;
        for (Spikes sp : spikes) {
            while (sp.next < end && sp.next < sp.off) {
                double width = sp.random.nextDouble(0.5, 0.9) * ms;
                double amplitude = sp.amplitudeUv * sp.random.nextDouble(0.6, 1.4) * (sp.random.nextBoolean() ? 1 : -1);
                java.util.Arrays.fill(spike, 0);
                double centre = 3.5 * width;
                Waveforms.addRicker(spike, centre, width, 1);
                overlay.addBuffer(sp.channel, (long) Math.floor(sp.next), spike, spike.length, amplitude);
                sp.next += sp.interval();
            }
        }
    }
}
