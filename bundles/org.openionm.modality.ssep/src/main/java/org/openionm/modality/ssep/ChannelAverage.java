package org.openionm.modality.ssep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openionm.dsp.ArtifactRejector;
import org.openionm.dsp.ArtifactRule;
import org.openionm.dsp.OddEvenAverager;
import org.openionm.dsp.PlusMinusAverager;
import org.openionm.dsp.Verdict;

/**
 * Block average of one (site, recording channel): artifact rejection, the average with its ±
 * noise estimate and the odd/even split. Not thread-safe; owned by the processor.
 */
final class ChannelAverage {

    final StimSite site;
    final Recording recording;
    final List<ComponentNorm> components;
    private final ArtifactRejector rejector;
    private final PlusMinusAverager plusMinus = new PlusMinusAverager();
    private final OddEvenAverager oddEven = new OddEvenAverager();
    private final Map<String, Integer> rejected = new LinkedHashMap<>();
    private boolean cauteryPaused;
    private boolean inCautery;
    /** Last completed average, for display, baseline and marker moves; null before the first. */
    AverageResult last;

    ChannelAverage(StimSite site, Recording recording, List<ComponentNorm> components, Map<String, Double> s) {
        this.site = site;
        this.recording = recording;
        this.components = components;
        double fs = recording.channel().samplingRateHz();
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

    /** Checks and, if clean, averages one sweep. */
    void offer(float[] sweep) {
        Verdict v = rejector.check(sweep);
        if (v.accepted()) {
            inCautery = false;
            plusMinus.add(v.sweep());
            oddEven.add(v.sweep());
            return;
        }
        rejected.merge(v.rule(), 1, Integer::sum);
        if (v.pauseAveraging()) {
            inCautery = true;
            cauteryPaused = true;
        }
    }

    /** A sweep lost to missing data ("gap") or never fully received ("late"): counted, never averaged. */
    void discard(String reason) {
        rejected.merge(reason, 1, Integer::sum);
    }

    int sweeps() {
        return plusMinus.sweeps();
    }

    int rejectedTotal() {
        return rejected.values().stream().mapToInt(Integer::intValue).sum();
    }

    Map<String, Integer> rejectedByReason() {
        return Map.copyOf(rejected);
    }

    boolean cauteryPaused() {
        return cauteryPaused;
    }

    float[] average() {
        return plusMinus.average();
    }

    float[] noiseEstimate() {
        return plusMinus.noiseEstimate();
    }

    /** Factor from the ± average's RMS to the residual noise of the average (pairs vs sweeps). */
    double noiseScale() {
        double rms = Analysis.rms(plusMinus.noiseEstimate());
        return rms > 0 ? plusMinus.residualNoiseRms() / rms : 1;
    }

    float[] odd() {
        return oddEven.odd();
    }

    float[] even() {
        return oddEven.even();
    }

    String describeRejection() {
        return rejector.describe();
    }

    /** Starts the next block average. */
    void reset() {
        plusMinus.reset();
        oddEven.reset();
        rejected.clear();
        cauteryPaused = inCautery;
    }

    String key() {
        return site.id() + "/" + recording.label();
    }
}
