package org.openionm.recording.internal;

import java.util.Locale;

/** Durations and sizes as people read them in messages. */
final class HumanText {

    private HumanText() {
    }

    /** "12.5 s", "12 min 31 s", "2 h 05 min". */
    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** A recording-time estimate, rounded as an estimate deserves: "about 40 min", "about 2 h 05 min". */
    static String estimate(double seconds) {
        if (seconds < 60) {
            return "about " + Math.max(0, Math.round(seconds)) + " s";
        }
        long minutes = Math.round(seconds / 60);
        if (minutes < 120) {
            return "about " + minutes + " min";
        }
        return String.format(Locale.ROOT, "about %d h %02d min", minutes / 60, minutes % 60);
    }

    /** "3 412", "1 048 576": groups of three digits, so a byte count reads at a glance. */
    static String bytes(long count) {
        String digits = Long.toString(count);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                b.append(' ');
            }
            b.append(digits.charAt(i));
        }
        return b.toString();
    }

    /** "1.2 GB", "640 MB", "12 kB". */
    static String size(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        if (bytes >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.0f kB", bytes / 1e3);
    }
}
