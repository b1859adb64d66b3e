package org.openionm.modality.eeg.internal;

import java.util.ArrayDeque;

/**
 * Burst suppression of one derivation (Rampil 1998; Miller's Anesthesia): a sample is suppressed when
 * it lies in a run of at least {@code minRun} samples with |EEG| below the threshold; the burst
 * suppression ratio is the suppressed share of the valid samples of the last {@code window}
 * samples. Samples of rejected epochs are marked invalid afterwards and count for neither side. A
 * burst is the stretch between two suppressions (at most {@link #MAX_BURST_SECONDS}).
 * <p>
 * Fed with the band-limited EEG at the analysis rate, one sample at a time; a run is marked once
 * it is long enough, so the newest {@code minRun} samples may still turn suppressed.
 */
final class BurstSuppressionDetector {

    /** Longer stretches between suppressions are EEG, not a burst. */
    static final double MAX_BURST_SECONDS = 30;

    private static final byte ACTIVE = 0;
    private static final byte SUPPRESSED = 1;
    private static final byte INVALID = 2;

    /** A burst between two suppressions: first sample, length in samples, largest |EEG| in µV. */
    record Burst(long start, int length, double peakUv) {
    }

    private final byte[] ring;
    private final double threshold;
    private final int minRun;
    private final int maxBurst;
    private final ArrayDeque<Long> burstStarts = new ArrayDeque<>();
    private long next;
    private int quietRun;
    private boolean inSuppression;
    private long burstStart = -1;
    private double burstPeak;

    BurstSuppressionDetector(double rateHz, double thresholdUv, double minSeconds, double windowSeconds) {
        ring = new byte[(int) Math.round(windowSeconds * rateHz)];
        threshold = thresholdUv;
        minRun = Math.max(1, (int) Math.round(minSeconds * rateHz));
        maxBurst = (int) Math.round(MAX_BURST_SECONDS * rateHz);
        java.util.Arrays.fill(ring, INVALID);
    }

    /** Adds the next sample (µV); returns the burst that a new suppression just closed, or null. */
    Burst push(double x) {
        long index = next++;
        Burst closed = null;
        if (Math.abs(x) < threshold) {
            quietRun++;
            if (quietRun == minRun) {
                long start = index - minRun + 1;
                for (long i = Math.max(start, index - ring.length + 1); i <= index; i++) {
                    ring[slot(i)] = ring[slot(i)] == INVALID && i < index ? INVALID : SUPPRESSED;
                }
                if (burstStart >= 0 && start > burstStart && start - burstStart <= maxBurst) {
                    closed = new Burst(burstStart, (int) (start - burstStart), burstPeak);
                    burstStarts.addLast(burstStart);
                }
                inSuppression = true;
                burstStart = -1;
            } else {
                ring[slot(index)] = quietRun > minRun ? SUPPRESSED : ACTIVE;
            }
        } else {
            if (inSuppression) {
                inSuppression = false;
                burstStart = index;
                burstPeak = 0;
            }
            quietRun = 0;
            ring[slot(index)] = ACTIVE;
        }
        if (burstStart >= 0) {
            burstPeak = Math.max(burstPeak, Math.abs(x));
        }
        while (!burstStarts.isEmpty() && burstStarts.peekFirst() <= index - ring.length) {
            burstStarts.removeFirst();
        }
        return closed;
    }

    /** The samples [from, to) were rejected as artifact: neither suppressed nor active; no burst spans them. */
    void invalidate(long from, long to) {
        for (long i = Math.max(from, next - ring.length); i < Math.min(to, next); i++) {
            ring[slot(i)] = INVALID;
        }
        burstStart = -1;
        inSuppression = false;
    }

    /** Data will not continue where they stopped (a gap): runs and bursts start again. */
    void interrupt() {
        quietRun = 0;
        inSuppression = false;
        burstStart = -1;
    }

    /** Index of the next sample. */
    long position() {
        return next;
    }

    /** Suppressed share (0–1) of the valid samples of the window; NaN when less than half of it is valid. */
    double ratio() {
        int suppressed = 0;
        int valid = 0;
        for (byte b : ring) {
            if (b != INVALID) {
                valid++;
                suppressed += b;
            }
        }
        return valid * 2 < ring.length ? Double.NaN : suppressed / (double) valid;
    }

    /** Bursts that started within the window. */
    int burstCount() {
        return burstStarts.size();
    }

    private int slot(long index) {
        return (int) (index % ring.length);
    }
}
