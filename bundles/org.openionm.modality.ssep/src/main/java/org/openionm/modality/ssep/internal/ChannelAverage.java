package org.openionm.modality.ssep.internal;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openionm.dsp.ArtifactRejector;
import org.openionm.dsp.ArtifactRule;
import org.openionm.dsp.MovingSplitAverage;
import org.openionm.dsp.Verdict;

/**
 * Moving average of one (site, recording channel) over its last N accepted sweeps, recomputed every
 * M new sweeps (M = N gives classic block averages): artifact rejection, the average with its ±
 * noise estimate and the odd/even split, all over the same N sweeps. A moving window reports a
 * change within one window rather than up to two, which is what an alarm needs. The window keeps
 * running sums ({@link MovingSplitAverage}): each accepted sweep is added once and subtracted when it
 * leaves, instead of re-summing N sweeps at every average (a third of a case's re-analysis); a
 * rejected sweep never enters them. Not thread-safe; owned by the processor.
 */
final class ChannelAverage {

    final StimSite site;
    final Recording recording;
    final List<ComponentNorm> components;
    private final ArtifactRejector rejector;
    /** The last N accepted sweeps and their running sums. */
    private final MovingSplitAverage window;
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
        this.window = new MovingSplitAverage(n);
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
            window.add(v.sweep()); // the rejector's own copy: nobody changes it afterwards
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
        return window.window();
    }

    int updateSweeps() {
        return update;
    }

    /** The sweeps of the current window, oldest first (fewer before it first fills). */
    java.util.List<float[]> windowSweeps() {
        return window.windowSweeps();
    }

    /** A sweep lost to missing data ("gap") or never fully received ("late"): counted, never averaged. */
    void discard(String reason) {
        rejections.addLast(new Rejection(accepted, reason));
        while (!rejections.isEmpty() && rejections.peekFirst().acceptedBefore() < accepted - window.window()) {
            rejections.removeFirst(); // happened before the oldest sweep still in the window
        }
    }

    /** The window is full and M sweeps have arrived since the last average. */
    boolean due() {
        return accepted >= window.window() && accepted - acceptedAtLastAverage >= update;
    }

    /**
     * The window is still filling and M sweeps have arrived since the last running average: time to
     * show one (for the eye only; the full moving average stays the only one measured and judged).
     */
    boolean partialDue() {
        return accepted < window.window() && accepted - acceptedAtLastPartial >= update;
    }

    /** The plain mean of the sweeps accepted so far (all of them: the window is not full). */
    float[] partialMean() {
        acceptedAtLastPartial = accepted;
        return window.average();
    }

    /** Sweeps rejected while the window fills (all are still inside it). */
    int rejectedSoFar() {
        return rejections.size();
    }

    /** Sweeps in a full average (N). */
    int target() {
        return window.window();
    }

    /** Computes the average over the window and starts counting towards the next one. */
    Snapshot take() {
        Map<String, Integer> byReason = new LinkedHashMap<>();
        for (Rejection r : rejections) {
            if (r.acceptedBefore() >= accepted - window.window()) {
                byReason.merge(r.reason(), 1, Integer::sum);
            }
        }
        boolean cautery = cauterySinceLastAverage;
        acceptedAtLastAverage = accepted;
        cauterySinceLastAverage = false;
        return new Snapshot(window.average(), window.noiseEstimate(), window.residualNoiseRms(), window.odd(),
                window.even(), window.sweeps(), Map.copyOf(byReason), cautery);
    }

    /**
     * One average's data: the average, its ± average (Schimmel noise estimate) with the residual noise
     * it implies, and the odd/even sub-averages, all of the same sweeps, and the rejections among them.
     */
    record Snapshot(float[] average, float[] noiseEstimate, double residualNoiseRms, float[] odd, float[] even,
            int sweeps, Map<String, Integer> rejectedByReason, boolean cauteryPaused) {

        int rejectedTotal() {
            return rejectedByReason.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Factor from the ± average's RMS to the residual noise of the average (pairs vs sweeps). */
        double noiseScale() {
            double rms = Analysis.rms(noiseEstimate);
            return rms > 0 ? residualNoiseRms / rms : 1;
        }
    }

    /** Keeps {@code r} and drops averages older than {@link #HISTORY_WINDOWS} windows of sweeps. */
    void remember(AverageResult r) {
        last = r;
        history.addLast(r);
        while (history.size() > HISTORY_WINDOWS * window.window() / update + 1) {
            history.removeFirst();
        }
    }

    /** Sweeps per average and how often a new one is computed, for provenance. */
    String describeAveraging() {
        return update == window.window() ? "block average of " + window.window() + " sweeps"
                : "moving average of the last " + window.window() + " sweeps, updated every " + update;
    }

    String describeRejection() {
        return rejector.describe();
    }

    String key() {
        return site.id() + "/" + recording.label();
    }
}
