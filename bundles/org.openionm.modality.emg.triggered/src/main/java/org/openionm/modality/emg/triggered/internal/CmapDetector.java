package org.openionm.modality.emg.triggered.internal;

import java.util.Arrays;

import org.openionm.dsp.SosFilter;

/**
 * Reads one stimulus's response in one muscle: the stimulus artifact blanked (bridged linearly, so
 * the filter does not ring on it), the window filtered zero-phase, then the CMAP's peak-to-peak after
 * the blanking. A response is a peak-to-peak of at least the criterion.
 */
final class CmapDetector {

    /** One muscle's response to one stimulus. */
    record Cmap(boolean present, double p2pUv, double onsetMs, float[] traceUv) {
    }

    private final SosFilter filter;
    private final double fs;
    private final double criterionUv;

    CmapDetector(SosFilter filter, double criterionUv) {
        this.filter = filter;
        this.fs = filter.samplingRateHz();
        this.criterionUv = criterionUv;
    }

    /**
     * @param raw   pre-stimulus samples, then the window (µV)
     * @param pre   index of the stimulus in {@code raw}
     * @param blank samples after the stimulus that are blanked
     */
    Cmap measure(float[] raw, int pre, int blank) {
        float[] x = raw.clone();
        double offset = 0;
        for (int i = 0; i < pre; i++) {
            offset += x[i];
        }
        offset = pre > 0 ? offset / pre : 0;
        for (int i = 0; i < x.length; i++) {
            x[i] -= (float) offset; // an electrode's offset would make the filter start with a step
        }
        int end = Math.min(x.length, pre + blank);
        float a = pre > 0 ? x[pre - 1] : 0;
        float b = end < x.length ? x[end] : a;
        for (int i = pre; i < end; i++) {
            x[i] = a + (b - a) * (i - pre + 1) / (float) (end - pre + 1);
        }
        float[] y = filter.filtfilt(x);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = end; i < y.length; i++) {
            min = Math.min(min, y[i]);
            max = Math.max(max, y[i]);
        }
        double p2p = end < y.length ? max - min : 0;
        float[] trace = Arrays.copyOfRange(y, pre, y.length);
        if (p2p < criterionUv) {
            return new Cmap(false, p2p, Double.NaN, trace);
        }
        // onset: first sample after the blanking beyond 10 % of the peak-to-peak
        double level = 0.1 * p2p;
        int onset = end;
        while (onset < y.length && Math.abs(y[onset]) < level) {
            onset++;
        }
        return new Cmap(true, p2p, (onset - pre) * 1000 / fs, trace);
    }
}
