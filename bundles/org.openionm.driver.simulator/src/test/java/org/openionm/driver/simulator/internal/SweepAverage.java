package org.openionm.driver.simulator.internal;

import org.openionm.core.model.StimulusEvent;
import org.openionm.testkit.RecordingDriverContext;

/**
 * A stimulus-locked mean of a trace kept by the test kit's {@link RecordingDriverContext}, with the
 * fits the simulator's ground-truth tests need. An averaged sweep; sample i is at {@code firstMs + i·1000/rate} ms.
 */
record SweepAverage(double[] values, double firstMs, double rate, int sweeps) {

    /**
     * Simple mean of the sweeps of {@code site} delivered in {@code [fromSeconds, toSeconds)}:
     * samples {@code [stimulus + firstMs, stimulus + lastMs)} of {@code channel}.
     */
    static SweepAverage of(RecordingDriverContext ctx, int channel, String site, double fromSeconds, double toSeconds,
            double firstMs, double lastMs) {
        float[] x = ctx.trace(channel);
        double rate = ctx.samplingRateHz();
        int first = (int) Math.round(firstMs * rate / 1000);
        int n = (int) Math.round((lastMs - firstMs) * rate / 1000);
        double[] sum = new double[n];
        int sweeps = 0;
        for (StimulusEvent e : ctx.stimuli()) {
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
        return new SweepAverage(sum, firstMs, rate, sweeps);
    }

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
    SweepAverage smoothed(double sigmaMs) {
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
        return new SweepAverage(out, firstMs, rate, sweeps);
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
