package org.openionm.recording.internal;

import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfWriter;

/**
 * Samples per data record for a crash-safe recording. A record is the unit that reaches the file (EDF
 * has no partial records), so its duration bounds what a crash can lose: at most 0.5 s where the rate
 * gives a whole number of samples, so that a crash loses less than a second with the engine's block
 * and queue delay on top. Shorter when EdfWriter's size recommendation (about 60 kB) asks for it.
 */
final class RecordDurations {

    static final double MAX_SECONDS = 0.5;
    private static final double[] CANDIDATES = { 0.5, 0.25, 0.2, 0.1, 0.05 };

    private RecordDurations() {
    }

    static int samplesPerRecord(double rate, int channels, EdfFormat format) {
        int recommended = EdfWriter.recommendedSamplesPerRecord(rate, channels, format);
        if (recommended / rate <= MAX_SECONDS + 1e-12) {
            return recommended;
        }
        for (double d : CANDIDATES) {
            double samples = rate * d;
            long whole = Math.round(samples);
            // 7 decimals at most: the 8-character duration field must hold the duration exactly
            if (whole >= 1 && Math.abs(samples - whole) <= 1e-9 * samples && Math.abs(whole / rate * 1e7
                    - Math.rint(whole / rate * 1e7)) < 1e-6) {
                return (int) whole;
            }
        }
        return recommended; // an odd rate (e.g. 1 Hz): the recommended record, at most 1 s
    }
}
