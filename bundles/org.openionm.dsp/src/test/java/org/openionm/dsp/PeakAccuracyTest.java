package org.openionm.dsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Accuracy of {@link PeakDetector} on simulated SSEP averages, against the issue requirement
 * "latency error < 0.1 ms and amplitude error < 5 % at post-average SNR ≥ 3".
 *
 * <p><b>Signal</b> (the simulator's shape, SsepNorms/SsepModel): N20 = −2 µV Gaussian of width 4 ms
 * (σ = width/6) smeared by the average of sweeps with 0.2 ms latency jitter (σ = √(0.667² + 0.2²)
 * ms, amplitude × 0.667/σ, i.e. −1.92 µV), P25 = +1.92 µV, width 7 ms, 5.5 ms later; N20 latency
 * uniform in 19.0–20.0 ms (off the sample grid). 50 ms average, fs 10 kHz (and 5 kHz).
 *
 * <p><b>Noise</b> of the average: Gaussian, half of its power white (amplifier), half 1/f EEG (the
 * simulator's PinkNoise: one-pole corners 0.25–64 Hz). The average of N sweeps of stationary noise is
 * the same process scaled by 1/√N, so the residual noise is drawn directly at the target level.
 *
 * <p><b>Measurement</b> as the SSEP processor does: zero-phase Butterworth band-pass order 2,
 * 30–1000 Hz (cortical), then {@link PeakDetector} in a 15–23 ms window.
 *
 * <p><b>SNR</b> = component amplitude (baseline-to-peak, 1.92 µV) / RMS of the residual noise of the
 * average, the RMS being that of the noise <em>process</em> (what the ± average estimates), in two
 * variants: {@code IN_BAND} = after the same band-pass, which is the {@code noiseRms} the processor
 * passes to the detector (primary); {@code UNFILTERED} = of the raw average; the band-pass keeps
 * ≈ 0.42 of that RMS, so an average reads ≈ 2.4 × higher SNR this way.
 *
 * <p><b>Truth</b>: the extremum of the noise-free average after the same filter, located on the
 * continuous time axis (the zero-phase filter shrinks a Gaussian peak a little; that is the filter's
 * doing, the same for baseline and test, not the detector's error).
 *
 * <p><b>Criterion</b>: a trial passes if |latency error| < 0.1 ms and |amplitude error| < 5 %; the
 * requirement "holds" at an SNR if ≥ 95 % of 200 seeded trials pass. A trial whose peak is rejected
 * (extremum on the window edge) fails.
 */
class PeakAccuracyTest {

    static final int TRIALS = 200;
    static final double JITTER_MS = 0.2;
    static final double SIGMA_MS = Math.hypot(4.0 / 6, JITTER_MS);
    static final double AMP = -2.0 * (4.0 / 6) / SIGMA_MS;
    static final PeakSpec N20 = new PeakSpec("N20", 15, 23, Polarity.NEGATIVE);
    static final double[] CORNERS_HZ = {0.25, 1, 4, 16, 64};
    static final double PINK_POWER = 0.5;
    static final double[] SNRS = {3, 5, 7, 10, 15, 20, 30, 50, 70, 100};

    enum Snr { IN_BAND, UNFILTERED }

    enum Method { THREE_POINT, NEW, ORACLE }

    /** Per-trial absolute errors (latency ms, relative amplitude) of one method at one SNR. */
    record Errors(double[] latency, double[] amplitude, boolean[] found) {

        double passRate() {
            int n = 0;
            for (int i = 0; i < latency.length; i++) {
                if (found[i] && latency[i] < 0.1 && amplitude[i] < 0.05) {
                    n++;
                }
            }
            return (double) n / latency.length;
        }

        double latencyPassRate() {
            int n = 0;
            for (int i = 0; i < latency.length; i++) {
                if (found[i] && latency[i] < 0.1) {
                    n++;
                }
            }
            return (double) n / latency.length;
        }

        static double percentile(double[] v, double p) {
            double[] s = v.clone();
            Arrays.sort(s);
            return s[(int) Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
        }
    }

    /** Simulated trials at one sampling rate: truth and a unit-level noise realisation per seed. */
    static final class Bench {
        final double fs;
        final double dt;
        final int len;
        final SosFilter bandPass;
        final double bandOverRaw;
        final double[] mu = new double[TRIALS];
        final double[][] truth = new double[TRIALS][];
        final float[][] clean = new float[TRIALS][];
        final float[][] cleanFiltered = new float[TRIALS][];
        final float[][] noise = new float[TRIALS][];
        final float[][] noiseFiltered = new float[TRIALS][];

        Bench(double fs) {
            this.fs = fs;
            this.dt = 1000 / fs;
            this.len = (int) Math.round(0.05 * fs);
            this.bandPass = Butterworth.bandPass(2, 30, 1000, fs);
            this.bandOverRaw = bandOverRaw();
            for (int t = 0; t < TRIALS; t++) {
                SplittableRandom r = new SplittableRandom(20_000 + t);
                mu[t] = r.nextDouble(19.0, 20.0);
                clean[t] = ssep(mu[t], 0);
                cleanFiltered[t] = bandPass.filtfilt(clean[t]);
                truth[t] = truth(mu[t]);
                double[] n = noise(r, len + (int) fs); // 1 s lead-in: the epoch sits in ongoing noise
                noise[t] = new float[len];
                for (int i = 0; i < len; i++) {
                    noise[t][i] = (float) n[(int) fs + i];
                }
                noiseFiltered[t] = bandPass.filtfilt(noise[t]);
            }
        }

        /** Unit-RMS noise process: white + the simulator's 1/f (PinkNoise), PINK_POWER of the power 1/f. */
        double[] noise(SplittableRandom r, int n) {
            int m = CORNERS_HZ.length;
            double[] pole = new double[m], gain = new double[m], state = new double[m];
            double var = 0;
            for (int i = 0; i < m; i++) {
                double a = Math.exp(-2 * Math.PI * CORNERS_HZ[i] / fs);
                double s = 1 / Math.sqrt(CORNERS_HZ[i]);
                pole[i] = a;
                gain[i] = (1 - a) * s;
                var += s * s * (1 - a) * (1 - a) / (1 - a * a);
                state[i] = Math.sqrt(gain[i] * gain[i] / (1 - a * a)) * r.nextGaussian();
            }
            double pinkScale = Math.sqrt(PINK_POWER / var), whiteScale = Math.sqrt(1 - PINK_POWER);
            double[] x = new double[n];
            for (int k = 0; k < n; k++) {
                double sum = 0;
                for (int i = 0; i < m; i++) {
                    state[i] = pole[i] * state[i] + gain[i] * r.nextGaussian();
                    sum += state[i];
                }
                x[k] = pinkScale * sum + whiteScale * r.nextGaussian();
            }
            return x;
        }

        /** RMS of the band-passed noise process over that of the raw one (20 s realisation). */
        double bandOverRaw() {
            double[] n = noise(new SplittableRandom(7), (int) (22 * fs));
            float[] raw = new float[n.length];
            for (int i = 0; i < n.length; i++) {
                raw[i] = (float) n[i];
            }
            float[] f = bandPass.filtfilt(raw);
            double sf = 0, sr = 0;
            for (int i = (int) fs; i < n.length - (int) fs; i++) {
                sf += (double) f[i] * f[i];
                sr += (double) raw[i] * raw[i];
            }
            return Math.sqrt(sf / sr);
        }

        /** N20 + P25 sampled with everything delayed by {@code shift} samples. */
        float[] ssep(double n20Ms, double shift) {
            float[] x = new float[len];
            for (int i = 0; i < len; i++) {
                double t = (i - shift) * dt;
                x[i] = (float) (AMP * Math.exp(-0.5 * sq((t - n20Ms) / SIGMA_MS))
                        - AMP * Math.exp(-0.5 * sq((t - n20Ms - 5.5) / (7.0 / 6))));
            }
            return x;
        }

        /**
         * Continuous-time N20 extremum of the filtered noise-free average: the filter is linear and
         * time-invariant, so the output between samples is that of the input shifted by a fraction.
         */
        double[] truth(double n20Ms) {
            int k = (int) Math.round(n20Ms / dt);
            double bestV = Double.MAX_VALUE, bestT = 0;
            for (int j = -60; j <= 60; j++) {
                double d = j / 100.0;
                float[] y = bandPass.filtfilt(ssep(n20Ms, -d));
                for (int i = k - 3; i <= k + 3; i++) {
                    if (y[i] < bestV) {
                        bestV = y[i];
                        bestT = (i + d) * dt;
                    }
                }
            }
            return new double[] {bestT, bestV};
        }

        Errors run(Method method, Snr def, double snr) {
            double noiseRms = Math.abs(AMP) / snr; // RMS of the process in the definition's sense
            double rawRms = def == Snr.IN_BAND ? noiseRms / bandOverRaw : noiseRms;
            double[] le = new double[TRIALS], ae = new double[TRIALS];
            boolean[] found = new boolean[TRIALS];
            for (int t = 0; t < TRIALS; t++) {
                float[] y = new float[len];
                for (int i = 0; i < len; i++) { // filtfilt is linear: filter(clean + g·noise)
                    y[i] = (float) (cleanFiltered[t][i] + rawRms * noiseFiltered[t][i]);
                }
                double[] est = estimate(method, y, t);
                found[t] = est != null;
                le[t] = est == null ? Double.POSITIVE_INFINITY : Math.abs(est[0] - truth[t][0]);
                ae[t] = est == null ? Double.POSITIVE_INFINITY : Math.abs(est[1] / truth[t][1] - 1);
            }
            return new Errors(le, ae, found);
        }

        /** {latency ms, amplitude µV}, or null if not found. */
        double[] estimate(Method method, float[] y, int t) {
            switch (method) {
                case NEW -> {
                    // k = 0: acceptance is not under test here, accuracy is
                    PeakResult r = new PeakDetector(fs, 0, 0).detect(y, N20, 0);
                    return r instanceof PeakResult.Found f ? new double[] {f.peak().latencyMs(), f.peak().amplitude()} : null;
                }
                case THREE_POINT -> {
                    // the previous PeakDetector: the same extremum search, a parabola through 3 samples
                    int i0 = (int) Math.ceil(N20.fromMs() / dt), i1 = (int) Math.floor(N20.toMs() / dt);
                    int best = i0;
                    for (int i = i0; i <= i1; i++) {
                        if (y[i] < y[best]) {
                            best = i;
                        }
                    }
                    if (y[best - 1] < y[best] || y[best + 1] < y[best]) {
                        return null;
                    }
                    double a = y[best - 1], b = y[best], c = y[best + 1];
                    double den = a - 2 * b + c;
                    double d = den == 0 ? 0 : 0.5 * (a - c) / den;
                    return new double[] {(best + d) * dt, b - 0.25 * (a - c) * d};
                }
                default -> {
                    // a bound no peak picker can beat: latency and shape known exactly, only the
                    // amplitude is estimated (least squares of the filtered template over ±1 σ)
                    int k = (int) Math.round(truth[t][0] / dt), h = (int) Math.round(SIGMA_MS / dt);
                    double num = 0, den = 0;
                    for (int i = k - h; i <= k + h; i++) {
                        num += (double) y[i] * cleanFiltered[t][i];
                        den += (double) cleanFiltered[t][i] * cleanFiltered[t][i];
                    }
                    return new double[] {truth[t][0], truth[t][1] * num / den};
                }
            }
        }

        /** Smallest SNR of {@link #SNRS} from which on the method passes in ≥ 95 % of trials, or NaN. */
        double requirementSnr(Method method, Snr def, boolean latencyOnly) {
            double from = Double.NaN;
            for (int i = SNRS.length - 1; i >= 0; i--) {
                Errors e = run(method, def, SNRS[i]);
                if ((latencyOnly ? e.latencyPassRate() : e.passRate()) >= 0.95) {
                    from = SNRS[i];
                } else {
                    break;
                }
            }
            return from;
        }

        void print() {
            System.out.printf("PeakAccuracyTest fs %.0f Hz, band-passed/raw noise RMS %.3f, %d trials%n", fs, bandOverRaw, TRIALS);
            for (Snr def : Snr.values()) {
                for (double snr : SNRS) {
                    for (Method m : Method.values()) {
                        Errors e = run(m, def, snr);
                        System.out.printf(java.util.Locale.ROOT,
                                "  %-10s SNR %5.1f %-11s |lat err| med %.3f p95 %.3f ms  |amp err| med %5.1f p95 %5.1f %%  pass %5.1f %%%n",
                                def, snr, m, Errors.percentile(e.latency, 0.5), Errors.percentile(e.latency, 0.95),
                                100 * Errors.percentile(e.amplitude, 0.5), 100 * Errors.percentile(e.amplitude, 0.95),
                                100 * e.passRate());
                    }
                }
            }
        }
    }

    static double sq(double x) {
        return x * x;
    }

    private static Bench bench10k;

    static synchronized Bench bench10k() {
        if (bench10k == null) {
            bench10k = new Bench(10_000);
            bench10k.print();
        }
        return bench10k;
    }

    /** Noise-free: the fit is (nearly) exact where the 3-point parabola is exact too. */
    @Test
    void noiseFreeAverageIsMeasuredExactly() {
        Bench b = bench10k();
        Errors e = b.run(Method.NEW, Snr.IN_BAND, 1e9);
        assertTrue(Errors.percentile(e.latency(), 1.0) < 0.01, "latency bias " + Errors.percentile(e.latency(), 1.0));
        assertTrue(Errors.percentile(e.amplitude(), 1.0) < 0.002, "amplitude bias " + Errors.percentile(e.amplitude(), 1.0));
    }

    /**
     * The requirement as written cannot hold at SNR 3 under either definition: even the oracle, which
     * knows the latency and the exact shape and only estimates the amplitude, misses 5 % in far more
     * than 5 % of trials. Amplitude error is bounded below by the in-band noise at the peak.
     */
    @Test
    void fivePercentAmplitudeAtSnr3IsBeyondAnyEstimator() {
        Bench b = bench10k();
        for (Snr def : Snr.values()) {
            Errors oracle = b.run(Method.ORACLE, def, 3);
            assertTrue(oracle.passRate() < 0.95, def + ": oracle passes " + oracle.passRate());
            assertTrue(Errors.percentile(oracle.amplitude(), 0.95) > 0.05, def + ": oracle p95 " + Errors.percentile(oracle.amplitude(), 0.95));
            Errors fit = b.run(Method.NEW, def, 3);
            assertTrue(fit.passRate() < 0.95, def + ": detector passes " + fit.passRate());
        }
    }

    /**
     * The local fit beats the 3-point parabola: latency median below 0.7 × and 95th percentile below
     * 0.9 × the parabola's (at in-band SNR 3 the 95th percentile is set by noise peaks picked instead
     * of the N20, which no refinement repairs), amplitude no worse, more trials passing.
     */
    @Test
    void leastSquaresFitBeatsThreePointParabola() {
        Bench b = bench10k();
        for (Snr def : Snr.values()) {
            for (double snr : new double[] {3, 5, 10}) {
                Errors old = b.run(Method.THREE_POINT, def, snr), fit = b.run(Method.NEW, def, snr);
                double lo = Errors.percentile(old.latency(), 0.95), ln = Errors.percentile(fit.latency(), 0.95);
                double mo = Errors.percentile(old.latency(), 0.5), mn = Errors.percentile(fit.latency(), 0.5);
                double ao = Errors.percentile(old.amplitude(), 0.95), an = Errors.percentile(fit.amplitude(), 0.95);
                String at = def + " SNR " + snr + ": ";
                assertTrue(ln < 0.9 * lo, at + "latency p95 " + ln + " vs 3-point " + lo);
                assertTrue(mn < 0.7 * mo, at + "latency median " + mn + " vs 3-point " + mo);
                assertTrue(an < 1.05 * ao, at + "amplitude p95 " + an + " vs 3-point " + ao);
                assertTrue(fit.passRate() >= old.passRate(), at + "pass " + fit.passRate() + " vs 3-point " + old.passRate());
            }
        }
    }

    /**
     * Where the requirement does hold (≥ 95 % of trials within 0.1 ms and 5 %), and that the fit
     * reaches the latency part of it at a lower SNR than the 3-point parabola.
     */
    @Test
    void snrAtWhichTheRequirementHolds() {
        Bench b = bench10k();
        for (Snr def : Snr.values()) {
            double both = b.requirementSnr(Method.NEW, def, false);
            double bothOld = b.requirementSnr(Method.THREE_POINT, def, false);
            double bothOracle = b.requirementSnr(Method.ORACLE, def, false);
            double lat = b.requirementSnr(Method.NEW, def, true);
            double latOld = b.requirementSnr(Method.THREE_POINT, def, true);
            System.out.printf(java.util.Locale.ROOT,
                    "PeakAccuracyTest %s: requirement (both) holds from SNR %.0f (3-point %.0f, oracle %.0f); latency alone from %.0f (3-point %.0f)%n",
                    def, both, bothOld, bothOracle, lat, latOld);
            assertTrue(both > 3, def + ": the requirement would hold at SNR 3: update the issue");
            assertTrue(!Double.isNaN(both) && both <= (def == Snr.IN_BAND ? 70 : 30), def + ": requirement needs SNR " + both);
            assertTrue(both <= bothOld, def + ": " + both + " vs 3-point " + bothOld);
            assertTrue(lat < latOld, def + ": latency criterion from SNR " + lat + " vs 3-point " + latOld);
        }
    }

    /** At 5 kHz (the lowest rate the reference allows): median latency error below 0.75 × the parabola's. */
    @Test
    void fitAlsoHelpsAt5kHz() {
        Bench b = new Bench(5_000);
        for (Snr def : Snr.values()) {
            for (double snr : new double[] {3, 5, 10}) {
                Errors old = b.run(Method.THREE_POINT, def, snr), fit = b.run(Method.NEW, def, snr);
                double lo = Errors.percentile(old.latency(), 0.95), ln = Errors.percentile(fit.latency(), 0.95);
                double mo = Errors.percentile(old.latency(), 0.5), mn = Errors.percentile(fit.latency(), 0.5);
                System.out.printf(java.util.Locale.ROOT,
                        "PeakAccuracyTest 5 kHz %s SNR %.0f: latency med %.3f p95 %.3f (3-point %.3f, %.3f) ms, amplitude p95 %.1f (3-point %.1f) %%%n",
                        def, snr, mn, ln, mo, lo, 100 * Errors.percentile(fit.amplitude(), 0.95), 100 * Errors.percentile(old.amplitude(), 0.95));
                // in-band SNR 3 at 5 kHz: wrong-peak picks dominate, only "not worse" is claimed
                double gain = def == Snr.IN_BAND && snr == 3 ? 1 : 0.75;
                assertTrue(mn < gain * mo, def + " SNR " + snr + ": latency median " + mn + " vs 3-point " + mo);
                assertTrue(ln < lo, def + " SNR " + snr + ": latency p95 " + ln + " vs 3-point " + lo);
            }
        }
    }
}
