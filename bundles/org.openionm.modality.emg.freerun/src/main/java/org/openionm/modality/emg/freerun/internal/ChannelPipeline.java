package org.openionm.modality.emg.freerun.internal;

import org.openionm.core.model.Channel;
import org.openionm.dsp.SosFilter;

/**
 * Everything done to one free-run EMG channel, block by block: the causal band-pass, stimulus blanking
 * (on the filtered signal, so the filter is not left ringing by a held value), electrocautery detection
 * (the amplifier's SATURATION reports, a sample at the rail, or a steep broadband signal) with a hold-off
 * after it, the background level, and the two detectors. While cautery lasts (and for the hold-off)
 * nothing is detected and a running train or episode is ended or dropped.
 */
final class ChannelPipeline {

    /** What a channel found; the processor knows which channel it is. */
    interface Findings extends ATrainDetector.Listener, DischargeDetector.Listener {
        void cauteryStarted(long at);

        void cauteryEnded(long start, long end);
    }

    final Channel channel;
    private final FreeRunSettings settings;
    private final SosFilter.Stream filter;
    private final double fs;
    final ATrainDetector trains;
    final DischargeDetector discharges;
    private final Findings findings;
    private final long holdoff;
    private final double slopeScale;
    private final double slopeAlpha;
    private final double noiseAlpha;
    private final double slopeLimitSq;
    private float[] buffer = new float[0];

    private double meanAbs;
    private double slopeSq;
    private double lastRaw = Double.NaN;
    private boolean saturation;
    private long cauteryUntil = Long.MIN_VALUE;
    private long cauteryStart = -1;
    private double threshold;
    private double aTrainThreshold;

    ChannelPipeline(Channel channel, FreeRunSettings settings, SosFilter band, Findings findings) {
        this.channel = channel;
        this.settings = settings;
        this.fs = channel.samplingRateHz();
        this.filter = band.newStream();
        this.findings = findings;
        this.trains = new ATrainDetector(fs, settings.aTrainMinHz(), settings.aTrainMaxHz(), settings.aTrainMinHalfWaves(),
                settings.aTrainGapMs(), findings);
        this.discharges = new DischargeDetector(fs, settings.episodeGapMs(), settings.neurotonicMinS(),
                settings.neurotonicMinDischarges(), findings);
        this.holdoff = Math.round(settings.cauteryHoldoffS() * fs);
        this.slopeScale = fs / 1000; // per sample → per ms
        this.slopeAlpha = 1 - Math.exp(-1 / (0.010 * fs)); // 10 ms
        this.noiseAlpha = 1 - Math.exp(-1 / (2.0 * fs)); // 2 s
        this.slopeLimitSq = settings.cauterySlopeUvPerMs() * settings.cauterySlopeUvPerMs();
        // start at the minimum threshold; the background estimate settles within seconds
        this.meanAbs = settings.detectMinUv() / (1.25 * settings.detectK());
        updateThresholds();
    }

    /** The amplifier says this input is (or is no longer) at its rail. */
    void saturation(boolean active, long at) {
        saturation = active;
        if (!active) {
            cauteryUntil = Math.max(cauteryUntil, at + holdoff);
        }
    }

    /** Whether cautery (or its hold-off) covers the last sample processed. */
    boolean inCautery() {
        return cauteryStart >= 0;
    }

    /** Background level (mean absolute filtered signal, µV) the thresholds follow. */
    double background() {
        return meanAbs;
    }

    /**
     * Starts from a background level measured before (an acquisition that continues the case): the
     * thresholds are where they were, not at the minimum while the estimate settles.
     */
    void background(double uv) {
        if (Double.isFinite(uv) && uv > 0) {
            meanAbs = uv;
            updateThresholds();
        }
    }

    /** Current discharge threshold (µV). */
    double threshold() {
        return threshold;
    }

    /**
     * Processes one block of this channel: {@code raw} in µV from sample {@code first}; {@code blank}
     * marks blanked samples. Returns the filtered samples (valid until the next call), NaN where blanked.
     */
    float[] process(long first, float[] raw, boolean[] blank) {
        int n = raw.length;
        if (buffer.length < n) {
            buffer = new float[n];
        }
        float[] x = buffer;
        filter.process(raw, x); // writes raw.length samples
        for (int k = 0; k < n; k++) {
            long i = first + k;
            double r = raw[k];
            boolean rail = channel.isAtRail(r);
            if (!blank[k] && !Double.isNaN(lastRaw)) {
                double d = (r - lastRaw) * slopeScale;
                slopeSq += slopeAlpha * (d * d - slopeSq);
            }
            lastRaw = r;
            if (saturation || rail || slopeSq > slopeLimitSq) {
                cauteryUntil = Math.max(cauteryUntil, i + holdoff);
            }
            if (i < cauteryUntil || saturation) {
                if (cauteryStart < 0) {
                    cauteryStart = i;
                    trains.interrupt();
                    discharges.discard();
                    findings.cauteryStarted(i);
                }
                x[k] = Float.NaN;
                continue;
            }
            if (cauteryStart >= 0) {
                findings.cauteryEnded(cauteryStart, i);
                cauteryStart = -1;
            }
            if (blank[k]) {
                trains.blanked(i);
                x[k] = Float.NaN;
                continue;
            }
            double v = x[k];
            trains.sample(i, v, aTrainThreshold);
            if (trains.active()) {
                continue; // the train's own excursions are not discharges
            }
            discharges.sample(i, v, threshold);
            if (!discharges.busy()) {
                meanAbs += noiseAlpha * (Math.abs(v) - meanAbs);
                updateThresholds();
            }
        }
        return x;
    }

    /** Data will be missing: a running train ends, an open episode is reported as it stands. */
    void gap() {
        trains.interrupt();
        discharges.close();
        lastRaw = Double.NaN;
    }

    /** The acquisition ends. */
    void end(long at) {
        trains.interrupt();
        discharges.close();
        if (cauteryStart >= 0) {
            findings.cauteryEnded(cauteryStart, at);
            cauteryStart = -1;
        }
    }

    private void updateThresholds() {
        double background = settings.detectK() * 1.25 * meanAbs;
        threshold = Math.max(settings.detectMinUv(), background);
        aTrainThreshold = Math.max(settings.aTrainMinUv(), background);
    }
}
