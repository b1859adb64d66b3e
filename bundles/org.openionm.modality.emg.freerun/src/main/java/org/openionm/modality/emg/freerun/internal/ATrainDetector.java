package org.openionm.modality.emg.freerun.internal;

/**
 * Finds A-trains in one channel's band-passed signal, sample by sample: a run of regular half-waves
 * (sinusoidal, symmetric: Prell, Romstöck) whose frequency lies in the A-train band and whose peaks
 * reach the amplitude threshold. Half-waves are cut by a Schmitt trigger (hysteresis 0.3 × threshold)
 * so noise around zero does not split them. A train counts once {@code minHalfWaves} consecutive
 * half-waves qualify, each within 1.5× the duration and 3× the peak of the one before; its onset is
 * the start of the first of them. It ends at the end of its last regular half-wave once more than two
 * irregular half-waves follow or {@code gapSamples} pass without a regular one. Half-waves touched by
 * stimulus blanking are neither regular nor irregular: a stimulus does not cut a train in two.
 * <p>
 * Cost: a few comparisons per sample, no allocation.
 */
final class ATrainDetector {

    /** What the detector found; sample indices on the acquisition's clock. */
    interface Listener {
        /** A train is recognised at {@code confirmedAt}; it started at {@code onset}. */
        void aTrainStarted(long onset, long confirmedAt);

        /** The train that started at {@code onset} ended at {@code end}. */
        void aTrainEnded(long onset, long end, double peakUv, double frequencyHz);
    }

    private final double fs;
    private final double minHalf;
    private final double maxHalf;
    private final int minHalfWaves;
    private final long gapSamples;
    private final Listener listener;

    private int sign;
    private long flipAt = -1;
    private double peak;
    private boolean disturbed;

    private int count;
    private long chainStart;
    private double lastDur;
    private double lastPeak;
    private double chainPeak;
    private double sumDur;
    private long lastGoodEnd = Long.MIN_VALUE / 2;
    private int bad;
    private long blankedSinceGood;
    private boolean active;

    ATrainDetector(double fs, double minHz, double maxHz, int minHalfWaves, double gapMs, Listener listener) {
        this.fs = fs;
        // one sample of slack at each end: a half-wave's length is measured in whole samples
        this.minHalf = fs / (2 * maxHz) - 1;
        this.maxHalf = fs / (2 * minHz) + 1;
        this.minHalfWaves = minHalfWaves;
        this.gapSamples = Math.round(gapMs * fs / 1000);
        this.listener = listener;
    }

    /** One filtered sample; {@code threshold} is the half-wave peak an A-train must reach (µV). */
    void sample(long i, double x, double threshold) {
        double h = 0.3 * threshold;
        if ((sign >= 0 && x < -h) || (sign <= 0 && x > h)) {
            if (sign != 0 && flipAt >= 0) {
                halfWave(flipAt, i, peak, threshold);
            }
            sign = x > 0 ? 1 : -1;
            flipAt = i;
            peak = 0;
            disturbed = false;
        }
        double a = Math.abs(x);
        if (a > peak) {
            peak = a;
        }
        if (i - lastGoodEnd - blankedSinceGood > gapSamples) {
            if (active) {
                close();
            } else {
                count = 0;
            }
        }
    }

    /** A blanked sample (stimulus artifact): the half-wave it falls in is not judged. */
    void blanked(long i) {
        disturbed = true;
        blankedSinceGood++; // blanked time does not count towards the gap
    }

    /** Ends a running train now (cautery, a gap, the end of the acquisition); forgets a half-built one. */
    void interrupt() {
        if (active) {
            close();
        }
        count = 0;
        sign = 0;
        flipAt = -1;
    }

    boolean active() {
        return active;
    }

    /** Onset of the running train, or of the run of regular half-waves being built. */
    long onset() {
        return chainStart;
    }

    /** End of the last regular half-wave of the running train. */
    long lastGoodEnd() {
        return lastGoodEnd;
    }

    private void halfWave(long start, long end, double p, double threshold) {
        if (disturbed) {
            return;
        }
        double dur = end - start;
        boolean qualifies = dur >= minHalf && dur <= maxHalf && p >= threshold;
        boolean regular = count == 0 || (dur <= 1.5 * lastDur && dur * 1.5 >= lastDur && p <= 3 * lastPeak && p * 3 >= lastPeak);
        if (qualifies && regular) {
            if (count == 0) {
                chainStart = start;
                chainPeak = 0;
                sumDur = 0;
            }
            count++;
            lastDur = dur;
            lastPeak = p;
            chainPeak = Math.max(chainPeak, p);
            sumDur += dur;
            lastGoodEnd = end;
            blankedSinceGood = 0;
            bad = 0;
            if (!active && count >= minHalfWaves) {
                active = true;
                listener.aTrainStarted(chainStart, end);
            }
        } else if (active) {
            if (++bad > 2) {
                close();
            }
        } else if (qualifies) { // a new run may start here
            count = 1;
            chainStart = start;
            chainPeak = p;
            sumDur = dur;
            lastDur = dur;
            lastPeak = p;
            lastGoodEnd = end;
            blankedSinceGood = 0;
        } else {
            count = 0;
        }
    }

    private void close() {
        active = false;
        double hz = sumDur > 0 ? count * fs / (2 * sumDur) : Double.NaN;
        int n = count;
        count = 0;
        bad = 0;
        if (n > 0) {
            listener.aTrainEnded(chainStart, lastGoodEnd, chainPeak, hz);
        }
    }
}
