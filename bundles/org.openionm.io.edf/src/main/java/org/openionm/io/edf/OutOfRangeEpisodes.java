package org.openionm.io.edf;

import java.util.function.Consumer;

/**
 * Per channel, the samples a writer could not store as they were (beyond the physical range, or not
 * a number): running totals for the warnings, and episodes — such samples closer together than
 * {@code mergeSamples} — each handed to a sink when it ends, to be annotated in the file.
 */
final class OutOfRangeEpisodes {

    /** One episode of one channel: first and last sample index, samples clamped and NaN samples. */
    record Episode(int channel, long first, long last, long clamped, long nan) {
    }

    private final long mergeSamples;
    private final Consumer<Episode> ended;
    private final boolean[] open;
    private final long[] first;
    private final long[] last;
    private final long[] clamped;
    private final long[] nan;
    private final long[] clampedTotal;
    private final long[] nanTotal;
    private final long[] firstIndex;

    OutOfRangeEpisodes(int channels, long mergeSamples, Consumer<Episode> ended) {
        this.mergeSamples = mergeSamples;
        this.ended = ended;
        open = new boolean[channels];
        first = new long[channels];
        last = new long[channels];
        clamped = new long[channels];
        nan = new long[channels];
        clampedTotal = new long[channels];
        nanTotal = new long[channels];
        firstIndex = new long[channels];
        java.util.Arrays.fill(firstIndex, -1);
    }

    /** Counts one sample of channel {@code s} at {@code index} that was clamped ({@code isNaN} false) or NaN. */
    void add(int s, long index, boolean isNaN) {
        if (open[s] && index - last[s] > mergeSamples) {
            end(s);
        }
        if (!open[s]) {
            open[s] = true;
            first[s] = index;
            clamped[s] = 0;
            nan[s] = 0;
        }
        last[s] = index;
        if (firstIndex[s] < 0) {
            firstIndex[s] = index;
        }
        if (isNaN) {
            nan[s]++;
            nanTotal[s]++;
        } else {
            clamped[s]++;
            clampedTotal[s]++;
        }
    }

    /** Ends the episodes with no such sample for more than the merge distance before {@code next}. */
    void endQuiet(long next) {
        for (int s = 0; s < open.length; s++) {
            if (open[s] && next - last[s] > mergeSamples) {
                end(s);
            }
        }
    }

    void endAll() {
        for (int s = 0; s < open.length; s++) {
            end(s);
        }
    }

    private void end(int s) {
        if (open[s]) {
            open[s] = false;
            ended.accept(new Episode(s, first[s], last[s], clamped[s], nan[s]));
        }
    }

    long clampedTotal(int s) {
        return clampedTotal[s];
    }

    long nanTotal(int s) {
        return nanTotal[s];
    }

    /** Index of the channel's first such sample, or −1. */
    long firstIndex(int s) {
        return firstIndex[s];
    }
}
