package org.openionm.modality.ssep.internal;

import java.util.List;
import java.util.Random;

import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.processing.ModalityProcessor;

/**
 * Known truth for the tests: left median nerve stimulated at 4.7 Hz, 10 kHz sampling, Gaussian
 * components (sigma = width / 6) at known latencies on correctly labelled channels, a decaying
 * stimulus artifact at t = 0 and seeded white noise. CP3 (ipsilateral) carries noise only.
 */
final class Synthetic {

    static final double FS = 10_000;
    static final int PERIOD = (int) Math.round(FS / 4.7);
    static final String SITE = "median.left";
    static final String ERB = "Erb-L", CERVICAL = "Cv5-Fpz", IPSI = "CP3-Fpz", CONTRA = "CP4-Fpz";
    static final double N20_MS = 19.5, N20_UV = -2.0, P25_MS = 25.0, P25_UV = 2.0;

    final List<Channel> channels = List.of(
            new Channel(0, ERB, Channel.MICROVOLT, FS, -3200, 3200, ChannelRole.SSEP_PERIPHERAL),
            new Channel(1, CERVICAL, Channel.MICROVOLT, FS, -3200, 3200, ChannelRole.SSEP_SUBCORTICAL),
            new Channel(2, IPSI, Channel.MICROVOLT, FS, -3200, 3200, ChannelRole.SSEP_CORTICAL),
            new Channel(3, CONTRA, Channel.MICROVOLT, FS, -3200, 3200, ChannelRole.SSEP_CORTICAL));
    private final Random rng;
    private final double noiseUv;
    long next;
    /** Scale of the cortical amplitudes and latencies: the changes the alarm tests script. */
    double corticalAmp = 1, corticalLatency = 1;

    Synthetic(long seed, double noiseUv) {
        this.rng = new Random(seed);
        this.noiseUv = noiseUv;
    }

    /** One stimulus and the block of one period after it. */
    void sweep(ModalityProcessor p, double cauteryRmsUv) {
        p.onStimulus(StimulusEvent.single(SITE, next, 30, "mA", 200));
        float[][] x = new float[4][PERIOD];
        for (int i = 0; i < PERIOD; i++) {
            double ms = i * 1000 / FS;
            double artifact = 300 * Math.exp(-ms / 0.3); // time-locked: only blanking removes it
            for (int c = 0; c < 4; c++) {
                x[c][i] = (float) (artifact + noiseUv * rng.nextGaussian() + cauteryRmsUv * rng.nextGaussian());
            }
            x[0][i] += (float) gauss(ms, 9.5, -4.0, 3);
            x[1][i] += (float) gauss(ms, 13.2, -2.5, 4);
            x[3][i] += (float) (gauss(ms, N20_MS * corticalLatency, N20_UV * corticalAmp, 4)
                    + gauss(ms, P25_MS * corticalLatency, P25_UV * corticalAmp, 7));
        }
        p.onBlock(new SampleBlock(next, 0, x));
        next += PERIOD;
    }

    void sweeps(ModalityProcessor p, int n) {
        for (int i = 0; i < n; i++) {
            sweep(p, 0);
        }
    }

    /** A sweep whose samples [100, 150) never arrive: the engine reports a DataGap between two blocks. */
    void sweepWithGap(ModalityProcessor p) {
        p.onStimulus(StimulusEvent.single(SITE, next, 30, "mA", 200));
        p.onBlock(new SampleBlock(next, 0, noise(100)));
        p.onGap(new DataGap(next + 100, 50, "test: consumer overflow"));
        p.onBlock(new SampleBlock(next + 150, 0, noise(PERIOD - 150)));
        next += PERIOD;
    }

    private float[][] noise(int n) {
        float[][] x = new float[4][n];
        for (float[] ch : x) {
            for (int i = 0; i < n; i++) {
                ch[i] = (float) (noiseUv * rng.nextGaussian());
            }
        }
        return x;
    }

    static double gauss(double ms, double latencyMs, double amplitude, double widthMs) {
        double sigma = widthMs / 6;
        double z = (ms - latencyMs) / sigma;
        return amplitude * Math.exp(-0.5 * z * z);
    }

    double nowSeconds() {
        return next / FS;
    }
}
