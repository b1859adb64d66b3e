package org.openionm.review.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.openionm.review.ReviewWindow;

/**
 * The driver of {@code ./openionm bench review-ui}: once the recording is open and its overview painted,
 * {@value #SEEKS_PROPERTY} seeks to seeded pseudo-random positions at each window length (10 s, 1 min,
 * 10 min, 1 h, the whole case; lengths the recording does not exceed are left out, as in
 * {@code bench review}), one at a time, each after the paint of the previous one finished
 * ({@link ReviewDrawStats} writes the lines); then the same file is opened once more (the indexed open),
 * and the workbench is told to quit.
 * <p>
 * Driven from inside rather than with xdotool: a click lands on a pixel, so its time and window are only
 * as exact as the screen's resolution and the zoom buttons' fixed steps, and from outside the end of a
 * paint can only be guessed from screenshots. Here each seek goes through the same path a click on the
 * overview takes ({@code ReviewView.setWindow}: index read on the UI thread, redraw), and the probe sees
 * the end of the real paint.
 */
final class ReviewSeekBench {

    static final String SEEKS_PROPERTY = "openionm.review.bench.seeks";
    static final String SEED_PROPERTY = "openionm.review.bench.seed";
    /** Window lengths measured, in seconds; the whole case is added after them. */
    static final double[] WINDOWS = {10, 60, 600, 3600};
    /** A seek whose paint does not come within this is written as lost and the bench goes on. */
    private static final int LOST_AFTER_MS = 30_000;

    private final ReviewView view;
    private final ReviewDrawStats stats;
    private final List<ReviewWindow> plan;
    private final Runnable reopen;
    private final Runnable quit;
    private int next;
    private boolean reopened;
    private boolean started;
    private boolean seeksDone;

    private ReviewSeekBench(ReviewView view, ReviewDrawStats stats, List<ReviewWindow> plan, Runnable reopen, Runnable quit) {
        this.view = view;
        this.stats = stats;
        this.plan = plan;
        this.reopen = reopen;
        this.quit = quit;
    }

    /** Seeks per window length from the system property, 0 when it is not set (no bench). */
    static int seeksFromSystemProperty() {
        try {
            return Math.max(0, Integer.parseInt(System.getProperty(SEEKS_PROPERTY, "0").trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SEEKS_PROPERTY + " must be a whole number of seeks per window length, not "
                    + System.getProperty(SEEKS_PROPERTY));
        }
    }

    /**
     * The windows to show, in order: {@code seeks} per length, cursor uniformly over the recording from a
     * {@link SplittableRandom} seeded with {@code seed}.
     */
    static List<ReviewWindow> plan(double durationSeconds, int seeks, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Double> lengths = new ArrayList<>();
        double previous = 0;
        for (double w : WINDOWS) {
            if (w <= durationSeconds) {
                lengths.add(w);
                previous = w;
            }
        }
        if (durationSeconds > previous) {
            lengths.add(durationSeconds);
        }
        List<ReviewWindow> plan = new ArrayList<>();
        for (double span : lengths) {
            for (int i = 0; i < seeks; i++) {
                plan.add(new ReviewWindow(durationSeconds, random.nextDouble() * durationSeconds, span));
            }
        }
        return plan;
    }

    /**
     * Starts the bench on {@code view} once its open is painted: {@code reopen} opens the file again after
     * the seeks (its open line is the indexed open), {@code quit} ends the workbench after that.
     */
    static void start(ReviewView view, int seeks, long seed, Runnable reopen, Runnable quit) {
        ReviewDrawStats stats = view.drawStats();
        if (stats == null) {
            throw new IllegalStateException("the review seek bench needs " + ReviewDrawStats.PROPERTY + "=<file> to write to");
        }
        // The bench's Xvfb has no window manager to maximise the window: fill the screen, so a seek draws
        // as many rows and columns as a reader's full-screen Review would.
        view.getShell().setBounds(view.getDisplay().getPrimaryMonitor().getClientArea());
        ReviewSeekBench[] bench = new ReviewSeekBench[1];
        stats.onOpenPainted(() -> {
            if (bench[0] == null) {
                bench[0] = new ReviewSeekBench(view, stats, plan(view.window().durationSeconds(), seeks, seed), reopen, quit);
                stats.onSeekPainted(bench[0]::painted);
                stats.onOpenPainted(bench[0]::reopenPainted);
                view.getDisplay().timerExec(200, bench[0]::begin);
            }
        });
    }

    private void begin() {
        started = true;
        stats.line(String.format(Locale.ROOT, "review-bench start seeks=%d duration_s=%.1f", plan.size(), view.window().durationSeconds()));
        seek();
    }

    private void seek() {
        if (view.isDisposed()) {
            return;
        }
        if (next == plan.size()) {
            stats.line("review-bench seeks-done");
            seeksDone = true;
            reopened = true;
            reopen.run();
            return;
        }
        int issued = next;
        view.show(plan.get(next++));
        view.getDisplay().timerExec(LOST_AFTER_MS, () -> {
            if (next == issued + 1 && !seeksDone && !view.isDisposed()) {
                stats.line("review-bench lost seek " + issued);
                seek();
            }
        });
    }

    private void painted() {
        if (started && !seeksDone) {
            // a short pause, as between a reader's clicks: the next request does not queue behind this frame
            int after = next;
            view.getDisplay().timerExec(50, () -> {
                if (next == after) {
                    seek();
                }
            });
        }
    }

    private void reopenPainted() {
        if (reopened) {
            reopened = false;
            stats.line("review-bench end");
            view.getDisplay().timerExec(500, quit);
        }
    }
}
