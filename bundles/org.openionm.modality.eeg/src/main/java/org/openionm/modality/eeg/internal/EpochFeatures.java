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

    /**
     * The median of several epochs' features, feature by feature (a baseline): one epoch with an
     * artifact the rejection missed (a TcMEP train has 10-15 times the beta power of clean EEG) must
     * not lift the baseline and make every clean epoch afterwards read as a decrease.
     */
    static EpochFeatures median(java.util.Collection<EpochFeatures> epochs) {
        int n = epochs.size();
        double[][] v = new double[8][n];
        int k = 0;
        for (EpochFeatures e : epochs) {
            double[] f = { e.total, e.delta, e.theta, e.alpha, e.beta, e.betaCea, e.sef95, e.median };
            for (int i = 0; i < f.length; i++) {
                v[i][k] = f[i];
            }
            k++;
        }
        double[] m = new double[8];
        for (int i = 0; i < m.length; i++) {
            java.util.Arrays.sort(v[i]);
            m[i] = n % 2 == 1 ? v[i][n / 2] : (v[i][n / 2 - 1] + v[i][n / 2]) / 2;
        }
        return new EpochFeatures(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7]);
    }
}
