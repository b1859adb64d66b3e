package org.openionm.driver.simulator.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.DriverContext;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.stimulation.PeriodicStimulation;
import org.openionm.core.stimulation.StimulationProgram;

/**
 * Plays the acquisition engine for the simulator: plans stimuli like the engine's scheduler
 * (periodic sites interleaved k/n of a period apart, ramps, explicit stimuli), hands them out by
 * {@link #dueStimuli}, stops after a number of samples, and keeps what the driver reports.
 */
final class TestContext implements DriverContext {

    final double rate;
    final long stopAt;
    private final List<StimulusEvent> planned = new ArrayList<>();
    private boolean sorted;
    private int next;
    private final int[] kept;
    private final float[][] traces;
    final List<StimulusEvent> stimuli = new ArrayList<>();
    final List<Annotation> annotations = new ArrayList<>();
    final List<DriverHealth> health = new ArrayList<>();
    final List<SampleBlock> blocks = new ArrayList<>();
    private boolean keepBlocks;
    long received;

    /** @param keepChannels channels whose full trace is kept */
    TestContext(double rate, double seconds, int... keepChannels) {
        this.rate = rate;
        this.stopAt = Math.round(seconds * rate);
        this.kept = keepChannels.clone();
        this.traces = new float[kept.length][(int) stopAt + (int) rate];
    }

    TestContext keepBlocks() {
        keepBlocks = true;
        return this;
    }

    /** Plans one stimulus. */
    TestContext plan(StimulusEvent e) {
        planned.add(e);
        sorted = false;
        return this;
    }

    /** Plans single pulses of a site at a fixed rate between two times. */
    TestContext periodic(String site, double rateHz, double intensity, String unit, double fromSeconds, double toSeconds) {
        for (long k = 0;; k++) {
            long sample = Math.round((fromSeconds + k / rateHz) * rate);
            if (sample >= Math.round(toSeconds * rate)) {
                return this;
            }
            plan(StimulusEvent.single(site, sample, intensity, unit, 200));
        }
    }

    /** Plans a program as the engine's scheduler would until the stop. */
    TestContext program(StimulationProgram program) {
        List<PeriodicStimulation> repeating = program.sites().stream().filter(s -> s.rateHz() > 0).toList();
        for (int k = 0; k < repeating.size(); k++) {
            PeriodicStimulation s = repeating.get(k);
            double period = rate / s.rateHz();
            double offset = period * k / repeating.size();
            for (long n = 0;; n++) {
                long sample = Math.round(offset + n * period);
                double intensity = s.rampStep() > 0 ? Math.min(s.rampMax(), s.intensity() + n * s.rampStep()) : s.intensity();
                if (sample >= stopAt) {
                    break;
                }
                plan(new StimulusEvent(s.siteId(), s.kind(), sample, intensity, s.unit(), s.pulseWidthMicros(), s.pulseCount(),
                        s.interPulseIntervalMs()));
                if (s.rampStep() > 0 && intensity >= s.rampMax()) {
                    break;
                }
            }
        }
        return this;
    }

    @Override
    public List<StimulusEvent> dueStimuli(long endSampleIndex) {
        if (!sorted) {
            planned.sort(Comparator.comparingLong(StimulusEvent::sampleIndex));
            sorted = true;
        }
        List<StimulusEvent> due = new ArrayList<>();
        while (next < planned.size() && planned.get(next).sampleIndex() < endSampleIndex) {
            due.add(planned.get(next++));
        }
        return due;
    }

    @Override
    public void block(SampleBlock block) {
        if (block.firstSampleIndex() != received) {
            throw new AssertionError("block starts at " + block.firstSampleIndex() + ", expected " + received);
        }
        for (int k = 0; k < kept.length; k++) {
            System.arraycopy(block.channel(kept[k]), 0, traces[k], (int) block.firstSampleIndex(), block.sampleCount());
        }
        if (keepBlocks) {
            blocks.add(block);
        }
        received = block.endSampleIndex();
    }

    @Override
    public void stimulus(StimulusEvent event) {
        stimuli.add(event);
    }

    @Override
    public void annotation(Annotation annotation) {
        annotations.add(annotation);
    }

    @Override
    public void health(DriverHealth h) {
        health.add(h);
    }

    @Override
    public boolean isStopRequested() {
        return received >= stopAt;
    }

    /** The kept trace of {@code channel}, as long as what was received. */
    float[] trace(int channel) {
        for (int k = 0; k < kept.length; k++) {
            if (kept[k] == channel) {
                return Arrays.copyOf(traces[k], (int) received);
            }
        }
        throw new IllegalArgumentException("channel " + channel + " was not kept");
    }

    /**
     * Simple mean of the sweeps of {@code site} delivered in {@code [fromSeconds, toSeconds)}:
     * samples {@code [stimulus + firstMs, stimulus + lastMs)} of {@code channel}.
     */
    Average average(int channel, String site, double fromSeconds, double toSeconds, double firstMs, double lastMs) {
        float[] x = trace(channel);
        int first = (int) Math.round(firstMs * rate / 1000);
        int n = (int) Math.round((lastMs - firstMs) * rate / 1000);
        double[] sum = new double[n];
        int sweeps = 0;
        for (StimulusEvent e : stimuli) {
            long start = e.sampleIndex() + first;
            if (e.siteId().equals(site) && e.sampleIndex() >= fromSeconds * rate && e.sampleIndex() < toSeconds * rate
                    && start >= 0 && start + n <= x.length) {
                for (int i = 0; i < n; i++) {
                    sum[i] += x[(int) start + i];
                }
                sweeps++;
            }
        }
        for (int i = 0; i < n; i++) {
            sum[i] /= sweeps;
        }
        return new Average(sum, firstMs, rate, sweeps);
    }

    /** An averaged sweep; sample i is at {@code firstMs + i·1000/rate} ms. */
    record Average(double[] values, double firstMs, double rate, int sweeps) {

        int index(double ms) {
            return (int) Math.round((ms - firstMs) * rate / 1000);
        }

        double ms(double index) {
            return firstMs + index * 1000 / rate;
        }

        /**
         * Least-squares amplitudes of unit Gaussians ({centre, σ} in ms) fitted together with an
         * offset and a slope over [fromMs, toMs): slow background left in the average does not
         * bias them. Returns one amplitude per Gaussian.
         */
        double[] fitGaussians(double fromMs, double toMs, double[]... gaussians) {
            int k = gaussians.length + 2;
            double[][] xtx = new double[k][k];
            double[] xty = new double[k];
            double mid = (fromMs + toMs) / 2;
            for (int i = index(fromMs); i < index(toMs); i++) {
                double t = ms(i);
                double[] row = new double[k];
                row[0] = 1;
                row[1] = (t - mid) / 10;
                for (int g = 0; g < gaussians.length; g++) {
                    double d = t - gaussians[g][0];
                    row[g + 2] = Math.exp(-d * d / (2 * gaussians[g][1] * gaussians[g][1]));
                }
                for (int r = 0; r < k; r++) {
                    for (int c = 0; c < k; c++) {
                        xtx[r][c] += row[r] * row[c];
                    }
                    xty[r] += row[r] * values[i];
                }
            }
            double[] x = solve(xtx, xty);
            return java.util.Arrays.copyOfRange(x, 2, k);
        }

        /** Zero-phase Gaussian smoothing (σ in ms): removes noise above a few hundred Hz, never shifts a symmetric peak. */
        Average smoothed(double sigmaMs) {
            double sigma = sigmaMs * rate / 1000;
            int half = (int) Math.ceil(4 * sigma);
            double[] out = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                double weight = 0;
                double sum = 0;
                for (int k = Math.max(-half, -i); k <= Math.min(half, values.length - 1 - i); k++) {
                    double g = Math.exp(-k * k / (2 * sigma * sigma));
                    weight += g;
                    sum += g * values[i + k];
                }
                out[i] = sum / weight;
            }
            return new Average(out, firstMs, rate, sweeps);
        }

        /** Latency (ms) of the most negative (sign -1) or positive (+1) sample in [fromMs, toMs), parabola-refined. */
        double peakMs(int sign, double fromMs, double toMs) {
            int best = index(fromMs);
            for (int i = index(fromMs); i < index(toMs); i++) {
                if (sign * values[i] > sign * values[best]) {
                    best = i;
                }
            }
            double a = values[best - 1];
            double b = values[best];
            double c = values[best + 1];
            double denom = a - 2 * b + c;
            return ms(best + (denom == 0 ? 0 : 0.5 * (a - c) / denom));
        }

        private static double[] solve(double[][] m, double[] y) {
            int n = y.length;
            for (int p = 0; p < n; p++) {
                for (int r = p + 1; r < n; r++) {
                    double f = m[r][p] / m[p][p];
                    for (int c = p; c < n; c++) {
                        m[r][c] -= f * m[p][c];
                    }
                    y[r] -= f * y[p];
                }
            }
            double[] x = new double[n];
            for (int r = n - 1; r >= 0; r--) {
                double s = y[r];
                for (int c = r + 1; c < n; c++) {
                    s -= m[r][c] * x[c];
                }
                x[r] = s / m[r][r];
            }
            return x;
        }
    }

    /** Configures and runs {@code amp} with this context. */
    static TestContext run(SimulatedAmplifier amp, double rate, int channels, Map<String, String> options, TestContext ctx)
            throws Exception {
        amp.configure(new AcquisitionConfig(rate, channels, false, options));
        amp.run(ctx);
        return ctx;
    }
}
