package org.openionm.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PeakDetectorTest {

    private static final double FS = 20_000;
    private static final int LEN = 1000;
    private static final PeakSpec N20 = new PeakSpec("N20", 15, 23, Polarity.NEGATIVE);
    private static final PeakSpec P25 = new PeakSpec("P25", 22, 30, Polarity.POSITIVE);
    private static final SosFilter SMOOTH = Butterworth.lowPass(4, 500, FS);

    /** Residual noise as it looks in a zero-phase 500 Hz low-passed average, scaled to {@code rms}. */
    private static float[] averageNoise(Random rnd, double rms) {
        float[] n = SMOOTH.filtfilt(Signals.noise(rnd, LEN, 1));
        double k = rms / Signals.rms(n);
        for (int i = 0; i < n.length; i++) {
            n[i] *= (float) k;
        }
        return n;
    }

    /**
     * SNR = N20 amplitude / RMS of the residual noise in the (500 Hz zero-phase low-passed) average.
     * Amplitude error is ~ noise / amplitude in any single average, so "< 5 %" cannot hold at SNR 3
     * (≈ 33 % per average); 3-point refinement of broad peaks (σ 1.5–2 ms) needs SNR ≈ 300 for a worst
     * latency error < 0.1 ms over 100 averages. The errors for SNR 3…300 are printed; asserted at 300.
     */
    @Test
    void latencyAndAmplitudeOfSsepLikeComponents() {
        for (double snr : new double[] {3, 10, 30, 100, 300}) {
            double[] e = worstErrors(snr, new Random(42));
            System.out.printf("peak detection, SNR %.0f: worst of 100 latency error %.4f ms, amplitude error %.2f %%%n",
                    snr, e[0], 100 * e[1]);
        }
        double[] e = worstErrors(SNR, new Random(42));
        assertTrue(e[0] < 0.1, "worst latency error " + e[0] + " ms");
        assertTrue(e[1] < 0.05, "worst amplitude error " + e[1]);
    }

    private static final double SNR = 300;

    /** Worst latency (ms) and relative amplitude error over 100 averages of N20/P25 at the given SNR. */
    private static double[] worstErrors(double snr, Random rnd) {
        PeakDetector det = new PeakDetector(FS, 0, 3);
        double noise = 2.5 / snr;
        double worstLat = 0, worstAmp = 0;
        for (int trial = 0; trial < 100; trial++) {
            double n20Lat = 19.0 + 0.0137 * trial; // off the sample grid
            float[] clean = new float[LEN];
            Signals.addGaussian(clean, FS, n20Lat, 1.5, -2.5);
            Signals.addGaussian(clean, FS, n20Lat + 5.5, 2.0, 3.0);
            float[] avg = Signals.plus(clean, averageNoise(rnd, noise));
            // k = 0 here: acceptance is tested separately, this measures accuracy
            Peak n20 = ((PeakResult.Found) new PeakDetector(FS, 0, 0).detect(avg, N20, noise)).peak();
            Peak p25 = ((PeakResult.Found) new PeakDetector(FS, 0, 0).detect(avg, P25, noise)).peak();
            // truth: the noiseless sum's extrema (the Gaussians overlap, so not the nominal values)
            double[] tn = extremum(clean, -1, 300, 460);
            double[] tp = extremum(clean, 1, 440, 600);
            worstLat = Math.max(worstLat, Math.max(Math.abs(n20.latencyMs() - tn[0]), Math.abs(p25.latencyMs() - tp[0])));
            worstAmp = Math.max(worstAmp, Math.max(Math.abs(n20.amplitude() / tn[1] - 1), Math.abs(p25.amplitude() / tp[1] - 1)));
            if (snr == SNR) {
                assertEquals(Math.abs(tn[1] - tp[1]), Peak.peakToPeak(n20, p25), 0.05 * Math.abs(tn[1] - tp[1]));
                assertTrue(det.detect(avg, N20, noise) instanceof PeakResult.Found);
            }
        }
        return new double[] {worstLat, worstAmp};
    }

    @Test
    void noiseFreeGaussianIsRefinedBelowTheSampleGrid() {
        float[] avg = Signals.gaussian(LEN, FS, 19.813, 1.5, -1.75);
        Peak p = ((PeakResult.Found) new PeakDetector(FS, 0, 3).detect(avg, N20, 0.01)).peak();
        assertEquals(19.813, p.latencyMs(), 0.002);
        assertEquals(-1.75, p.amplitude(), 0.001);
    }

    @Test
    void peakBelowKTimesNoiseIsRejectedWithAReason() {
        float[] avg = Signals.plus(Signals.gaussian(LEN, FS, 20, 1.5, -0.5), averageNoise(new Random(1), 0.1));
        PeakResult r = new PeakDetector(FS, 0, 3).detect(avg, N20, 0.3); // 0.5 µV < 3 × 0.3 µV
        PeakResult.Rejected rej = assertInstanceOf(PeakResult.Rejected.class, r);
        assertTrue(rej.reason().contains("not above 3.0 × noise 0.30 µV"), rej.reason());
        // the same peak with less noise is accepted
        assertInstanceOf(PeakResult.Found.class, new PeakDetector(FS, 0, 3).detect(avg, N20, 0.1));
    }

    @Test
    void slopeWithoutPeakInWindowIsRejected() {
        float[] avg = Signals.gaussian(LEN, FS, 30, 3, -3); // falls through the whole N20 window
        PeakResult r = new PeakDetector(FS, 0, 3).detect(avg, N20, 0.01);
        assertTrue(assertInstanceOf(PeakResult.Rejected.class, r).reason().contains("window edge"));
    }

    /** Latency (ms) and value of the true extremum of a noiseless trace, on a 100× finer grid. */
    private static double[] extremum(float[] x, int sign, int from, int to) {
        double bestT = 0, bestV = -Double.MAX_VALUE;
        for (int i = from * 100; i < to * 100; i++) {
            double pos = i / 100.0;
            int j = (int) pos;
            double f = pos - j;
            // cubic (Catmull-Rom) interpolation is exact enough for smooth Gaussians
            double p0 = x[j - 1], p1 = x[j], p2 = x[j + 1], p3 = x[j + 2];
            double v = p1 + 0.5 * f * (p2 - p0 + f * (2 * p0 - 5 * p1 + 4 * p2 - p3 + f * (3 * (p1 - p2) + p3 - p0)));
            if (sign * v > bestV) {
                bestV = sign * v;
                bestT = pos * 1000 / FS;
            }
        }
        return new double[] {bestT, sign * bestV};
    }
}
