package org.openionm.modality.eeg.internal;

/**
 * What one valid epoch of one derivation measured: band powers in µV² (delta 0.5–4, theta 4–8, alpha
 * 8–13, beta 13–30 Hz; total over the spectrum's limits; the CEA preset's own beta band), SEF95 and
 * median frequency in Hz.
 */
public record EpochFeatures(double total, double delta, double theta, double alpha, double beta, double betaCea,
        double sef95, double median) {

    /** The features of a spectrum under the settings' band limits. */
    public static EpochFeatures of(Spectrum s, EegSettings settings) {
        double lo = settings.spectrumLowHz();
        double hi = settings.spectrumHighHz();
        return new EpochFeatures(s.power(lo, hi), s.power(EegSettings.DELTA_LO, EegSettings.THETA_LO),
                s.power(EegSettings.THETA_LO, EegSettings.ALPHA_LO), s.power(EegSettings.ALPHA_LO, EegSettings.BETA_LO),
                s.power(EegSettings.BETA_LO, EegSettings.BETA_HI), s.power(settings.betaLowHz(), settings.betaHighHz()),
                s.edgeFrequency(0.95, lo, hi), s.edgeFrequency(0.5, lo, hi));
    }

    /** Share of the total power in % (NaN without power). */
    public double relative(double bandPower) {
        return total > 0 ? 100 * bandPower / total : Double.NaN;
    }

    /** Alpha over delta power (NaN without delta). */
    public double alphaDeltaRatio() {
        return delta > 0 ? alpha / delta : Double.NaN;
    }

    /** The mean of several epochs' features (a baseline). */
    static EpochFeatures mean(java.util.Collection<EpochFeatures> epochs) {
        double[] sum = new double[8];
        for (EpochFeatures e : epochs) {
            double[] v = { e.total, e.delta, e.theta, e.alpha, e.beta, e.betaCea, e.sef95, e.median };
            for (int i = 0; i < v.length; i++) {
                sum[i] += v[i];
            }
        }
        int n = epochs.size();
        return new EpochFeatures(sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n, sum[4] / n, sum[5] / n, sum[6] / n,
                sum[7] / n);
    }
}
