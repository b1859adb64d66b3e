package org.openionm.dsp;

import java.util.Locale;

/**
 * Finds a component inside its latency window: extremum of the expected polarity, 3-point parabolic
 * refinement of latency and amplitude, accepted only if its prominence exceeds k × noise (noise e.g.
 * from {@link PlusMinusAverager#residualNoiseRms()}). Filter the average zero-phase first: a causal
 * filter moves latencies.
 *
 * @param samplingRateHz  of the average
 * @param firstSampleMs   time of sample 0 relative to the stimulus (negative with a pre-stimulus part)
 * @param k               prominence must exceed k × noise, e.g. 3
 */
public record PeakDetector(double samplingRateHz, double firstSampleMs, double k) {

    public PeakResult detect(float[] average, PeakSpec spec, double noiseRms) {
        double msPerSample = 1000 / samplingRateHz;
        int i0 = Math.max(1, (int) Math.ceil((spec.fromMs() - firstSampleMs) / msPerSample));
        int i1 = Math.min(average.length - 2, (int) Math.floor((spec.toMs() - firstSampleMs) / msPerSample));
        if (i1 - i0 < 2) {
            return new PeakResult.Rejected(spec.component(), "latency window " + spec.fromMs() + "–" + spec.toMs()
                    + " ms lies outside the average");
        }
        int s = spec.polarity().sign;
        int best = i0;
        for (int i = i0; i <= i1; i++) {
            if (s * average[i] > s * average[best]) {
                best = i;
            }
        }
        // an extremum on the window edge that keeps rising outside is a slope, not a peak
        if (s * average[best - 1] > s * average[best] || s * average[best + 1] > s * average[best]) {
            return new PeakResult.Rejected(spec.component(), String.format(Locale.ROOT,
                    "no %s peak inside %.1f–%.1f ms (extremum on the window edge)",
                    spec.polarity().name().toLowerCase(Locale.ROOT), spec.fromMs(), spec.toMs()));
        }
        double leftBase = Double.MAX_VALUE, rightBase = Double.MAX_VALUE;
        for (int i = i0; i <= best; i++) {
            leftBase = Math.min(leftBase, s * average[i]);
        }
        for (int i = best; i <= i1; i++) {
            rightBase = Math.min(rightBase, s * average[i]);
        }
        double prominence = s * average[best] - Math.max(leftBase, rightBase);
        double a = average[best - 1], b = average[best], c = average[best + 1];
        double denom = a - 2 * b + c;
        double delta = denom == 0 ? 0 : 0.5 * (a - c) / denom;
        double amplitude = b - 0.25 * (a - c) * delta;
        double latency = firstSampleMs + (best + delta) * msPerSample;
        if (!(prominence > k * noiseRms)) {
            return new PeakResult.Rejected(spec.component(), String.format(Locale.ROOT,
                    "%s at %.2f ms: prominence %.2f µV not above %.1f × noise %.2f µV",
                    spec.component(), latency, prominence, k, noiseRms));
        }
        return new PeakResult.Found(new Peak(spec.component(), latency, amplitude, prominence));
    }
}
