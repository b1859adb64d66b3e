package org.openionm.driver.simulator.internal;

/**
 * Per-channel ring buffers of signal still to come: evoked responses, stimulus artifacts, spikes and
 * trains are rendered into them when they are fired (they may reach into later blocks) and drained
 * into the output as the blocks are generated. Positions are absolute sample indices; the ring holds
 * the next {@link #horizon()} samples from the current drain position.
 */
final class Overlay {

    private final double[][] rings;
    private final int mask;
    private long position;

    Overlay(int channels, int minimumSamples) {
        int size = Integer.highestOneBit(Math.max(16, minimumSamples - 1)) << 1;
        rings = new double[channels][size];
        mask = size - 1;
    }

    int horizon() {
        return mask + 1;
    }

    /** Where draining has reached; rendering before it is too late. */
    long position() {
        return position;
    }

    void add(int channel, long sample, double value) {
        if (sample >= position && sample - position <= mask) {
            rings[channel][(int) (sample & mask)] += value;
        }
    }

    /** Adds {@code gain × kernel} starting at {@code sample}. */
    void addKernel(int channel, long sample, double gain, double[] kernel) {
        double[] ring = rings[channel];
        int n = (int) Math.min(kernel.length, position + mask + 1 - sample);
        for (int i = Math.max(0, (int) (position - sample)); i < n; i++) {
            ring[(int) ((sample + i) & mask)] += gain * kernel[i];
        }
    }

    /**
     * Adds a Gaussian {@code amplitude·exp(-(n-μ)²/2σ²)} over ±5σ, μ = {@code origin + centre} samples
     * (fractional). The exponential is advanced by a recurrence (g(n+1) = g(n)·r(n), r(n+1) = r(n)·q):
     * two exp calls per peak instead of one per sample.
     */
    void addGaussian(int channel, long origin, double centre, double sigma, double amplitude) {
        int first = (int) Math.ceil(centre - 5 * sigma);
        int last = (int) Math.floor(centre + 5 * sigma);
        double inv = 1 / (2 * sigma * sigma);
        double x0 = first - centre;
        double g = amplitude * Math.exp(-x0 * x0 * inv);
        double r = Math.exp(-(2 * x0 + 1) * inv);
        double q = Math.exp(-2 * inv);
        double[] ring = rings[channel];
        for (int n = first; n <= last; n++) {
            long s = origin + n;
            if (s >= position && s - position <= mask) {
                ring[(int) (s & mask)] += g;
            }
            g *= r;
            r *= q;
        }
    }

    /** Adds {@code scratch[0..length)} starting at {@code sample}. */
    void addBuffer(int channel, long sample, double[] scratch, int length, double gain) {
        double[] ring = rings[channel];
        for (int i = 0; i < length; i++) {
            long s = sample + i;
            if (s >= position && s - position <= mask) {
                ring[(int) (s & mask)] += gain * scratch[i];
            }
        }
    }

    /** Moves samples {@code [position, position + length)} of a channel into {@code acc[0..length)}, adding. */
    void drain(int channel, double[] acc, int length) {
        double[] ring = rings[channel];
        int p = (int) (position & mask);
        for (int i = 0; i < length; i++) {
            int k = (p + i) & mask;
            acc[i] += ring[k];
            ring[k] = 0;
        }
    }

    /** All channels were drained up to {@code position + length}. */
    void advance(int length) {
        position += length;
    }
}
