package org.openionm.dsp;

/**
 * One second-order section {@code (b0 + b1 z^-1 + b2 z^-2) / (1 + a1 z^-1 + a2 z^-2)}; a first-order
 * section has {@code b2 = a2 = 0}. Run in direct form II transposed (two state values).
 */
public record Biquad(double b0, double b1, double b2, double a1, double a2) {

    /** Complex response at {@code freqHz} for sampling rate {@code fs}. */
    public Complex response(double freqHz, double fs) {
        double w = 2 * Math.PI * freqHz / fs;
        Complex z1 = Complex.polar(1, -w);
        Complex z2 = Complex.polar(1, -2 * w);
        Complex num = new Complex(b0, 0).plus(z1.times(b1)).plus(z2.times(b2));
        Complex den = Complex.ONE.plus(z1.times(a1)).plus(z2.times(a2));
        return num.div(den);
    }

    /** Same section with the numerator multiplied by {@code k} (gain normalisation). */
    public Biquad scaled(double k) {
        return new Biquad(b0 * k, b1 * k, b2 * k, a1, a2);
    }

    /**
     * DF2T state reached after a constant input {@code x} forever, so a filter can start "settled"
     * on the first sample instead of ringing from zero (scipy's sosfilt_zi).
     */
    double[] steadyState(double x) {
        double y = x * (b0 + b1 + b2) / (1 + a1 + a2);
        double z2 = b2 * x - a2 * y;
        double z1 = b1 * x - a1 * y + z2;
        return new double[] {z1, z2};
    }

    /** DC gain, used to chain steady states through the cascade. */
    double dcGain() {
        return (b0 + b1 + b2) / (1 + a1 + a2);
    }
}
