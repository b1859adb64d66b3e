package org.openionm.modality.eeg.internal;

import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * One epoch's one-sided power spectral density, by a Hann-windowed FFT (commons-math3): the epoch is
 * zero-padded to the next power of two. Scaled so that the sum over all bins times the bin width is
 * the epoch's mean square (Parseval with the window's power removed): a sine of amplitude A gives
 * A²/2 µV² in the bins around its frequency, whatever the window and padding.
 *
 * @param psd   µV²/Hz at bin k = k × {@link #binHz}, k = 0 … n/2
 * @param binHz bin spacing
 */
public record Spectrum(double[] psd, double binHz) {

    /** The spectrum of {@code samples} (µV) taken at {@code rateHz}; the mean is removed first. */
    public static Spectrum of(double[] samples, int length, double rateHz) {
        int n = Integer.highestOneBit(Math.max(1, length - 1)) << 1; // smallest power of two >= length
        double mean = 0;
        for (int i = 0; i < length; i++) {
            mean += samples[i];
        }
        mean /= length;
        double[][] ri = new double[2][n];
        double windowPower = 0;
        for (int i = 0; i < length; i++) {
            double w = length == 1 ? 1 : 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (length - 1));
            ri[0][i] = (samples[i] - mean) * w;
            windowPower += w * w;
        }
        FastFourierTransformer.transformInPlace(ri, DftNormalization.STANDARD, TransformType.FORWARD);
        double binHz = rateHz / n;
        double[] psd = new double[n / 2 + 1];
        // |X_k|² / (Σw² · rate): a two-sided density; one-sided doubles every bin but DC and Nyquist
        double scale = 1 / (windowPower * rateHz);
        for (int k = 0; k <= n / 2; k++) {
            double p = (ri[0][k] * ri[0][k] + ri[1][k] * ri[1][k]) * scale;
            psd[k] = k == 0 || k == n / 2 ? p : 2 * p;
        }
        return new Spectrum(psd, binHz);
    }

    /** Power (µV²) in [loHz, hiHz): the bins whose centre lies in the band, times the bin width. */
    public double power(double loHz, double hiHz) {
        double sum = 0;
        for (int k = firstBin(loHz); k < psd.length && k * binHz < hiHz; k++) {
            sum += psd[k];
        }
        return sum * binHz;
    }

    /**
     * The frequency below which {@code fraction} of the power in [loHz, hiHz) lies (SEF95: 0.95, median
     * frequency: 0.5), at bin resolution: the centre of the bin where the cumulative power reaches it.
     * NaN when the band holds no power.
     */
    public double edgeFrequency(double fraction, double loHz, double hiHz) {
        double total = power(loHz, hiHz) / binHz;
        if (!(total > 0)) {
            return Double.NaN;
        }
        double cumulative = 0;
        int k = firstBin(loHz);
        for (; k < psd.length && k * binHz < hiHz; k++) {
            cumulative += psd[k];
            if (cumulative >= fraction * total) {
                return k * binHz;
            }
        }
        return (k - 1) * binHz;
    }

    private int firstBin(double loHz) {
        return (int) Math.ceil(loHz / binHz - 1e-9);
    }
}
