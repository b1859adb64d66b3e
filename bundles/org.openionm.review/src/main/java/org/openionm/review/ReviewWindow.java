package org.openionm.review;

/**
 * Where review looks in a recording: a cursor and the span of raw traces shown around it. The
 * window is centred on the cursor but never leaves the recording (near the start or the end the
 * cursor moves off centre instead). Zoom goes through fixed spans from one second to eight hours,
 * so a reader can say "10 s page" or "30 min page" and get exactly that.
 *
 * @param durationSeconds the recording's length
 * @param cursorSeconds   the cursor, within [0, duration]
 * @param spanSeconds     the width of the raw-trace window, one of {@link #SPANS}
 * @since 0.2.0
 */
public record ReviewWindow(double durationSeconds, double cursorSeconds, double spanSeconds) {

    /** The zoom steps, in seconds: 1 s … 8 h. */
    public static final double[] SPANS = {1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 14_400, 28_800};

    /** The span a review opens with: ten seconds, the usual page of raw EEG/EMG. */
    public static final double DEFAULT_SPAN = 10;

    public ReviewWindow {
        if (!(durationSeconds >= 0) || Double.isInfinite(durationSeconds)) {
            throw new IllegalArgumentException("duration must be ≥ 0 s, not " + durationSeconds);
        }
        if (!(spanSeconds > 0)) {
            throw new IllegalArgumentException("span must be > 0 s, not " + spanSeconds);
        }
        cursorSeconds = clamp(Double.isNaN(cursorSeconds) ? 0 : cursorSeconds, 0, durationSeconds);
    }

    /** A recording opened at its start with the default span. */
    public static ReviewWindow of(double durationSeconds) {
        return new ReviewWindow(durationSeconds, 0, DEFAULT_SPAN);
    }

    /** The first second shown: the cursor minus half the span, kept inside the recording. */
    public double startSeconds() {
        return clamp(cursorSeconds - spanSeconds / 2, 0, Math.max(0, durationSeconds - spanSeconds));
    }

    /** One past the last second shown (the recording's end when it is shorter than the span). */
    public double endSeconds() {
        return Math.min(durationSeconds, startSeconds() + spanSeconds);
    }

    public ReviewWindow moveTo(double seconds) {
        return new ReviewWindow(durationSeconds, seconds, spanSeconds);
    }

    /** Moves the cursor by {@code pages} spans (negative: back). */
    public ReviewWindow scroll(double pages) {
        return moveTo(cursorSeconds + pages * spanSeconds);
    }

    /** The next shorter span; the shortest stays. */
    public ReviewWindow zoomIn() {
        for (int i = SPANS.length - 1; i >= 0; i--) {
            if (SPANS[i] < spanSeconds) {
                return new ReviewWindow(durationSeconds, cursorSeconds, SPANS[i]);
            }
        }
        return this;
    }

    /** The next longer span, up to the first that holds the whole recording. */
    public ReviewWindow zoomOut() {
        if (spanSeconds >= durationSeconds) {
            return this;
        }
        for (double span : SPANS) {
            if (span > spanSeconds) {
                return new ReviewWindow(durationSeconds, cursorSeconds, span);
            }
        }
        return this;
    }

    /** The window's first sample at {@code rateHz}. */
    public long firstSample(double rateHz) {
        return Math.round(startSeconds() * rateHz);
    }

    /** One past the window's last sample at {@code rateHz}. */
    public long endSample(double rateHz) {
        return Math.round(endSeconds() * rateHz);
    }

    /** The time under pixel column {@code x} of a view {@code width} pixels wide showing this window. */
    public double secondsAt(int x, int width) {
        return startSeconds() + (endSeconds() - startSeconds()) * clamp(x, 0, width) / Math.max(1, width);
    }

    /** The pixel column of {@code seconds} in a view {@code width} pixels wide showing this window. */
    public int xOf(double seconds, int width) {
        double shown = endSeconds() - startSeconds();
        return shown <= 0 ? 0 : (int) Math.round((seconds - startSeconds()) / shown * width);
    }

    /** "10 s", "2 min", "1 h": how a span is named on the zoom control. */
    public static String describeSpan(double seconds) {
        if (seconds >= 3600 && seconds % 3600 == 0) {
            return (long) (seconds / 3600) + " h";
        }
        if (seconds >= 60 && seconds % 60 == 0) {
            return (long) (seconds / 60) + " min";
        }
        return (seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds)) + " s";
    }

    /** Case time as h:mm:ss.s, how the cursor is read out. */
    public static String clock(double seconds) {
        long tenths = Math.round(seconds * 10);
        return String.format(java.util.Locale.ROOT, "%d:%02d:%02d.%d", tenths / 36_000, tenths / 600 % 60, tenths / 10 % 60,
                tenths % 10);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
