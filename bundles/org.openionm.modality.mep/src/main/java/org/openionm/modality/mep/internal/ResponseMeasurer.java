package org.openionm.modality.mep.internal;

import org.openionm.dsp.SosFilter;

/**
 * Measures one single-trial MEP: blank the train artifact, filter zero-phase, then onset, p2p,
 * rectified area and phase count against the pre-stimulus noise.
 */
final class ResponseMeasurer {

    private final SosFilter filter;
    private final MepSettings s;
    private final double fs;

    ResponseMeasurer(SosFilter filter, MepSettings settings) {
        this.filter = filter;
        this.s = settings;
        this.fs = filter.samplingRateHz();
    }

    /**
     * @param raw      pre-stimulus samples, then the analysis window (µV)
     * @param pre      index in {@code raw} of the first pulse
     * @param blankEnd samples after the first pulse that are blanked (to last pulse + blanking)
     */
    MuscleResponse measure(float[] raw, int pre, int blankEnd) {
        float[] x = raw.clone();
        int end = Math.min(raw.length, pre + blankEnd);
        // linear bridge over the train: the filter must not ring on kilovolt-driven spikes
        float a = pre > 0 ? x[pre - 1] : 0;
        float b = end < x.length ? x[end] : a;
        for (int i = pre; i < end; i++) {
            x[i] = a + (b - a) * (i - pre + 1) / (float) (end - pre + 1);
        }
        float[] y = filter.filtfilt(x);

        double mean = 0;
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int i = 0; i < pre; i++) {
            mean += y[i];
            lo = Math.min(lo, y[i]);
            hi = Math.max(hi, y[i]);
        }
        mean /= Math.max(1, pre);
        double var = 0;
        for (int i = 0; i < pre; i++) {
            var += (y[i] - mean) * (y[i] - mean);
        }
        double noiseRms = Math.sqrt(var / Math.max(1, pre));
        double noiseP2p = pre > 0 ? hi - lo : 0;

        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = end; i < y.length; i++) {
            min = Math.min(min, y[i]);
            max = Math.max(max, y[i]);
        }
        double p2p = end < y.length ? max - min : 0;
        float[] trace = java.util.Arrays.copyOfRange(y, pre, y.length);
        if (p2p - noiseP2p < s.responseMinUv()) {
            return new MuscleResponse(false, Double.NaN, p2p, 0, 0, noiseRms, noiseP2p, trace);
        }

        // onset: first crossing of k × noise, then back to where the trace left the ±1 RMS band
        double kNoise = s.onsetK() * noiseRms;
        int first = end;
        while (first < y.length && Math.abs(y[first]) <= kNoise) {
            first++;
        }
        int onset = first;
        while (onset > end && Math.abs(y[onset - 1]) > noiseRms) {
            onset--;
        }
        // phases: excursions beyond h with alternating sign (hysteresis keeps noise from adding phases)
        double h = Math.max(kNoise, s.phaseMinPct() / 100.0 * p2p);
        int last = y.length - 1;
        while (last > onset && Math.abs(y[last]) <= h) {
            last--;
        }
        int phases = 0;
        int sign = 0;
        double area = 0;
        for (int i = onset; i <= last && i < y.length; i++) {
            area += Math.abs(y[i]);
            if (y[i] > h && sign != 1) {
                phases++;
                sign = 1;
            } else if (y[i] < -h && sign != -1) {
                phases++;
                sign = -1;
            }
        }
        double onsetMs = (onset - pre) * 1000.0 / fs;
        return new MuscleResponse(true, onsetMs, p2p, area * 1000.0 / fs, phases, noiseRms, noiseP2p, trace);
    }
}
