package org.openionm.review.ui;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.openionm.review.ReviewWindow;

/**
 * Seek → pixels in the Review traces, written when the system property {@value #PROPERTY} names a file
 * (the Live display's statistics file, {@code org.openionm.ui.parts.DisplayStats}: one file per
 * workbench, each line says whose it is). Off by default: without the property the view holds no
 * instance and pays nothing.
 * <p>
 * A seek is noted when the view's position or window changes (before the index is read: reading it is
 * part of what the reader waits for); when the traces canvas has finished the paint that shows that
 * window, one line: {@code review-seek request_wall_ms window_s ms_to_painted channels columns rows}.
 * Requests that come faster than paints keep the earliest unpainted request time (what the reader
 * waited) and the latest window (what was painted). An open is noted from the start of the open to the
 * end of the first paint of the overview that shows the opened case:
 * {@code review-open request_wall_ms ms_to_painted index_built|cached_index seconds_of_recording}.
 * UI thread only.
 */
final class ReviewDrawStats {

    static final String PROPERTY = "openionm.ui.stats";

    private static ReviewDrawStats instance;
    private static boolean looked;

    private final PrintWriter out;
    private final List<Runnable> afterSeekPainted = new ArrayList<>();
    private final List<Runnable> afterOpenPainted = new ArrayList<>();
    private ReviewWindow pending;
    private long pendingNanos;
    private long pendingWall;
    private long openNanos;
    private long openWall;
    /** Set when the opened case is handed to the overview: its next paint ends the open. */
    private String opened;

    ReviewDrawStats(PrintWriter out) {
        this.out = out;
        out.println("# review-seek request_wall_ms window_s ms_to_painted channels columns rows | "
                + "review-open request_wall_ms ms_to_painted index duration_s");
        out.flush();
    }

    /** The one instance for the workbench, or null when the property is not set (or the file cannot be written). */
    static synchronized ReviewDrawStats fromSystemProperty() {
        if (!looked) {
            looked = true;
            String file = System.getProperty(PROPERTY, "").trim();
            if (!file.isEmpty()) {
                try {
                    instance = new ReviewDrawStats(new PrintWriter(Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND)));
                } catch (IOException e) {
                    System.getLogger(ReviewDrawStats.class.getName()).log(System.Logger.Level.WARNING,
                            "cannot write the review draw statistics to " + file + ": " + e.getMessage());
                }
            }
        }
        return instance;
    }

    /** An open starts now. */
    void opening() {
        openNanos = System.nanoTime();
        openWall = System.currentTimeMillis();
        opened = null;
        pending = null;
    }

    /** The opened case went to the overview; {@code indexBuilt}: its index was built by this open. */
    void opened(boolean indexBuilt, double durationSeconds) {
        if (openNanos != 0) {
            opened = String.format(Locale.ROOT, "%s %.1f", indexBuilt ? "index_built" : "cached_index", durationSeconds);
        }
    }

    /** The overview finished a paint. */
    void overviewPainted() {
        if (opened == null) {
            return;
        }
        out.printf(Locale.ROOT, "review-open %d %.1f %s%n", openWall, (System.nanoTime() - openNanos) / 1e6, opened);
        out.flush();
        opened = null;
        openNanos = 0;
        List.copyOf(afterOpenPainted).forEach(Runnable::run); // a listener may add one
    }

    /** The view was asked to show {@code window}. */
    void requested(ReviewWindow window) {
        if (pending == null) {
            pendingNanos = System.nanoTime();
            pendingWall = System.currentTimeMillis();
        }
        pending = window;
    }

    /** The traces canvas finished a paint of {@code shown}: {@code channels} envelopes of {@code columns}, {@code rows} drawn. */
    void tracesPainted(ReviewWindow shown, int channels, int columns, int rows) {
        if (pending == null || !pending.equals(shown)) {
            return;
        }
        out.printf(Locale.ROOT, "review-seek %d %.3f %.2f %d %d %d%n", pendingWall, shown.spanSeconds(),
                (System.nanoTime() - pendingNanos) / 1e6, channels, columns, rows);
        out.flush();
        pending = null;
        List.copyOf(afterSeekPainted).forEach(Runnable::run);
    }

    /** Written as is (the bench driver's start and end marks). */
    void line(String text) {
        out.println(text);
        out.flush();
    }

    void onSeekPainted(Runnable r) {
        afterSeekPainted.add(r);
    }

    void onOpenPainted(Runnable r) {
        afterOpenPainted.add(r);
    }
}
