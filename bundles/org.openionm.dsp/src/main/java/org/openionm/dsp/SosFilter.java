package org.openionm.dsp;

import java.util.List;
import java.util.Objects;

/**
 * A cascade of second-order sections with the overall gain folded into the sections. Immutable and
 * thread-safe; per-stream state lives in {@link Stream}. Arithmetic is double even though samples
 * are float: high-order narrow band-passes lose accuracy in float state.
 */
public final class SosFilter {

    private final List<Biquad> sections;
    private final double samplingRateHz;
    private final String description;
    /** b0 b1 b2 a1 a2 per section, flat, for the inner loop. */
    private final double[] c;

    public SosFilter(List<Biquad> sections, double samplingRateHz, String description) {
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("a filter needs at least one section");
        }
        this.sections = List.copyOf(sections);
        this.samplingRateHz = samplingRateHz;
        this.description = Objects.requireNonNull(description, "description");
        this.c = new double[5 * this.sections.size()];
        for (int k = 0; k < this.sections.size(); k++) {
            Biquad b = this.sections.get(k);
            System.arraycopy(new double[] {b.b0(), b.b1(), b.b2(), b.a1(), b.a2()}, 0, c, 5 * k, 5);
        }
    }

    public List<Biquad> sections() { return sections; }

    public double samplingRateHz() { return samplingRateHz; }

    /** Provenance text for causal use, e.g. "Butterworth band-pass 30–3000 Hz, order 4, causal". */
    public String describe() { return description + ", causal"; }

    /** Provenance text for {@link #filtfilt}. */
    public String describeZeroPhase() { return description + ", zero-phase"; }

    /** Complex response of the cascade at {@code freqHz}. */
    public Complex response(double freqHz) {
        Complex h = Complex.ONE;
        for (Biquad s : sections) {
            h = h.times(s.response(freqHz, samplingRateHz));
        }
        return h;
    }

    /** Causal filtering from rest (zero state), as an analogue amplifier filter would behave. */
    public float[] filter(float[] in) {
        float[] out = new float[in.length];
        newStream().process(in, out);
        return out;
    }

    /**
     * Zero-phase forward-backward filtering (magnitude |H|², no delay), matching
     * scipy.signal.sosfiltfilt defaults: odd reflection padding of 3 × (2 × sections + 1) samples
     * and initial states settled on the first sample of each pass, so the edges do not ring.
     */
    public float[] filtfilt(float[] in) {
        int n = in.length;
        if (n == 0) {
            return new float[0];
        }
        int pad = Math.min(padLength(), n - 1);
        int m = n + 2 * pad;
        double[] x = new double[m];
        for (int i = 0; i < n; i++) {
            x[pad + i] = in[i];
        }
        for (int i = 1; i <= pad; i++) {
            x[pad - i] = 2.0 * in[0] - in[i];
            x[pad + n - 1 + i] = 2.0 * in[n - 1] - in[n - 1 - i];
        }
        runSettled(x);
        // the backward pass runs from the end: the same operations as reversing, filtering and
        // reversing back, without the two copies through the array (a re-analysis hot spot)
        runSettledBackward(x);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) x[pad + i];
        }
        return out;
    }

    /** scipy's default padlen: first-order sections need fewer taps. */
    int padLength() {
        int firstOrder = 0;
        for (Biquad s : sections) {
            if (s.b2() == 0 && s.a2() == 0) {
                firstOrder++;
            }
        }
        return 3 * (2 * sections.size() + 1 - firstOrder);
    }

    private void runSettled(double[] x) {
        Stream st = newStream();
        st.settle(x[0]);
        st.processInPlace(x);
    }

    private void runSettledBackward(double[] x) {
        Stream st = newStream();
        st.settle(x[x.length - 1]);
        st.processInPlaceBackward(x);
    }

    /**
     * Sum of squares of the causal output over {@code x[from…]}, the state settled on {@code x[from]}
     * (a high-pass then starts at zero instead of ringing on the sweep's offset), without an output
     * array: a per-sweep power check needs the energy only, not the waveform or its phase.
     */
    double settledEnergy(float[] x, int from) {
        Stream st = newStream();
        st.settle(x[from]);
        double energy = 0;
        for (int i = from; i < x.length; i++) {
            double y = st.step(x[i]);
            energy += y * y;
        }
        return energy;
    }

    /** A fresh stateful filter for live, block-by-block use. */
    public Stream newStream() {
        return new Stream();
    }

    /** Causal filter state for one channel; blocks of any size give the same result as one call. */
    public final class Stream {
        private final double[] z = new double[2 * sections.size()];

        private Stream() {}

        /** Filters {@code in} into {@code out} (may be the same array). */
        public void process(float[] in, float[] out) {
            for (int i = 0; i < in.length; i++) {
                out[i] = (float) step(in[i]);
            }
        }

        /** Sets the state as if {@code x} had been the input forever (avoids a start-up step). */
        public void settle(double x) {
            double level = x;
            for (int k = 0; k < sections.size(); k++) {
                double[] zi = sections.get(k).steadyState(level);
                z[2 * k] = zi[0];
                z[2 * k + 1] = zi[1];
                level *= sections.get(k).dcGain();
            }
        }

        public void reset() {
            java.util.Arrays.fill(z, 0);
        }

        void processInPlace(double[] x) {
            for (int i = 0; i < x.length; i++) {
                x[i] = step(x[i]);
            }
        }

        void processInPlaceBackward(double[] x) {
            for (int i = x.length - 1; i >= 0; i--) {
                x[i] = step(x[i]);
            }
        }

        private double step(double x) {
            for (int j = 0, q = 0; j < z.length; j += 2, q += 5) {
                double y = c[q] * x + z[j];
                z[j] = c[q + 1] * x - c[q + 3] * y + z[j + 1];
                z[j + 1] = c[q + 2] * x - c[q + 4] * y;
                x = y;
            }
            return x;
        }
    }
}
