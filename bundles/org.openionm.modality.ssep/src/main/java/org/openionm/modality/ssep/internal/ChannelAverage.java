package org.openionm.modality.ssep.internal;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openionm.dsp.ArtifactRejector;
import org.openionm.dsp.ArtifactRule;
import org.openionm.dsp.OddEvenAverager;
import org.openionm.dsp.PlusMinusAverager;
import org.openionm.dsp.Verdict;

/**
 * Moving average of one (site, recording channel) over its last N accepted sweeps, recomputed every
 * M new sweeps (M = N gives classic block averages): artifact rejection, the average with its ±
 * noise estimate and the odd/even split, all over the same N sweeps. A moving window reports a
 * change within one window rather than up to two, which is what an alarm needs. Not thread-safe;
 * owned by the processor.
 */
final class ChannelAverage {

    final StimSite site;
    final Recording recording;
    final List<ComponentNorm> components;
    private final ArtifactRejector rejector;
    private final float[][] window;
    private final int update;
    private long accepted;
    private long acceptedAtLastAverage;
    /** Its own count, so running averages shown while the window fills never shift the first full one. */
    private long acceptedAtLastPartial;
    /** Rejections as (accepted sweeps when it happened, reason): those inside the window count. */
    private final ArrayDeque<Rejection> rejections = new ArrayDeque<>();
    private boolean cauterySinceLastAverage;
    /** Last completed average, for display, baseline and marker moves; null before the first. */
    AverageResult last;
    /** Recent averages, newest last, spanning {@link #HISTORY_WINDOWS} windows: what a baseline is captured from. */
    final ArrayDeque<AverageResult> history = new ArrayDeque<>();
    static final int HISTORY_WINDOWS = 3;
    /** The baseline waveform of the watched component, set at baseline capture; null before. */
    TemplateProjection projection;
    /** The sequential test on this channel's single sweeps, set with {@link #projection}; null when off. */
    SequentialDetector detector;
    /** The averages' filter, for single sweeps of the sequential test. */
    org.openionm.dsp.SosFilter sweepFilter;
    /** Accepted sweeps when {@link #detector} last flagged. */
    long acceptedAtFlag;

    private record Rejection(long acceptedBefore, String reason) {
    }

    ChannelAverage(StimSite site, Recording recording, List<ComponentNorm> components, Map<String, Double> s) {
        this.site = site;
        this.recording = recording;
        this.components = components;
        double fs = recording.channel().samplingRateHz();
        int n = s.get(site.upperLimb() ? SsepSettings.UPPER_SWEEPS : SsepSettings.LOWER_SWEEPS).intValue();
        this.window = new float[n][];
        this.update = Math.min(n, s.get(SsepSettings.UPDATE_SWEEPS).intValue());
        // cautery first: a clipping burst is cautery (pause) rather than a plain amplitude reject
        double cauteryHp = Math.min(s.get(SsepSettings.CAUTERY_HP), 0.45 * fs);
        this.rejector = new ArtifactRejector(recording.channel(), s.get(SsepSettings.BLANKING), List.of(
                new ArtifactRule.Cautery(cauteryHp, s.get(SsepSettings.CAUTERY_RMS)),
                new ArtifactRule.Saturation(s.get(SsepSettings.SATURATION)),
                new ArtifactRule.AmplitudeThreshold(s.get(SsepSettings.AMPLITUDE))));
    }

    int channelIndex() {
        return recording.channel().index();
    }

    /**
     * Checks and, if clean, adds one sweep to the window (replacing the oldest).
     *
     * @return the sweep as averaged (stimulus artifact blanked), null when rejected
     */
    float[] offer(float[] sweep) {
        Verdict v = rejector.check(sweep);
        if (v.accepted()) {
            window[(int) (accepted % window.length)] = v.sweep();
            accepted++;
            return v.sweep();
        }
        discard(v.rule());
        if (v.pauseAveraging()) {
            cauterySinceLastAverage = true;
        }
        return null;
    }

    /** Sweeps accepted so far. */
    long accepted() {
        return accepted;
    }

    int windowLength() {
        return window.length;
    }

    int updateSweeps() {
        return update;
    }

    /** The sweeps of the current window, oldest first (fewer before it first fills). */
    java.util.List<float[]> windowSweeps() {
        java.util.List<float[]> out = new java.util.ArrayList<>();
        for (long i = Math.max(0, accepted - window.length); i < accepted; i++) {
            out.add(window[(int) (i % window.length)]);
        }
        return out;
    }

    /** A sweep lost to missing data ("gap") or never fully received ("late"): counted, never averaged. */
    void discard(String reason) {
        rejections.addLast(new Rejection(accepted, reason));
        while (!rejections.isEmpty() && rejections.peekFirst().acceptedBefore() < accepted - window.length) {
            rejections.removeFirst(); // happened before the oldest sweep still in the window
        }
    }

    /** The window is full and M sweeps have arrived since the last average. */
    boolean due() {
        return accepted >= window.length && accepted - acceptedAtLastAverage >= update;
    }

    /**
     * The window is still filling and M sweeps have arrived since the last running average: time to
     * show one (for the eye only; the full moving average stays the only one measured and judged).
     */
    boolean partialDue() {
        return accepted < window.length && accepted - acceptedAtLastPartial >= update;
    }

    /** The plain mean of the sweeps accepted so far (all of them: the window is not full). */
    float[] partialMean() {
        acceptedAtLastPartial = accepted;
        int n = (int) accepted;
        double[] sum = new double[window[0].length];
        for (int k = 0; k < n; k++) {
            float[] sweep = window[k];
            for (int i = 0; i < sum.length; i++) {
                sum[i] += sweep[i];
            }
        }
        float[] mean = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            mean[i] = (float) (sum[i] / n);
        }
        return mean;
    }

    /** Sweeps rejected while the window fills (all are still inside it). */
    int rejectedSoFar() {
        return rejections.size();
    }

    /** Sweeps in a full average (N). */
    int target() {
        return window.length;
    }

    /** Computes the average over the window and starts counting towards the next one. */
    Snapshot take() {
        PlusMinusAverager plusMinus = new PlusMinusAverager();
        OddEvenAverager oddEven = new OddEvenAverager();
        for (long i = accepted - window.length; i < accepted; i++) { // oldest first
            float[] sweep = window[(int) (i % window.length)];
            plusMinus.add(sweep);
            oddEven.add(sweep);
        }
        Map<String, Integer> byReason = new LinkedHashMap<>();
        for (Rejection r : rejections) {
            if (r.acceptedBefore() >= accepted - window.length) {
                byReason.merge(r.reason(), 1, Integer::sum);
            }
        }
        boolean cautery = cauterySinceLastAverage;
        acceptedAtLastAverage = accepted;
        cauterySinceLastAverage = false;
        return new Snapshot(plusMinus, oddEven, Map.copyOf(byReason), cautery);
    }

    /** One average's data: the ± and odd/even averages of the same sweeps and the rejections among them. */
    record Snapshot(PlusMinusAverager plusMinus, OddEvenAverager oddEven, Map<String, Integer> rejectedByReason,
            boolean cauteryPaused) {

        int sweeps() {
            return plusMinus.sweeps();
        }

        int rejectedTotal() {
            return rejectedByReason.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Factor from the ± average's RMS to the residual noise of the average (pairs vs sweeps). */
        double noiseScale() {
            double rms = Analysis.rms(plusMinus.noiseEstimate());
            return rms > 0 ? plusMinus.residualNoiseRms() / rms : 1;
        }
    }

    /** Keeps {@code r} and drops averages older than {@link #HISTORY_WINDOWS} windows of sweeps. */
    void remember(AverageResult r) {
        last = r;
        history.addLast(r);
        while (history.size() > HISTORY_WINDOWS * window.length / update + 1) {
            history.removeFirst();
        }
    }

    /** Sweeps per average and how often a new one is computed, for provenance. */
    String describeAveraging() {
        return update == window.length ? "block average of " + window.length + " sweeps"
                : "moving average of the last " + window.length + " sweeps, updated every " + update;
    }

    String describeRejection() {
        return rejector.describe();
    }

    String key() {
        return site.id() + "/" + recording.label();
    }
}
