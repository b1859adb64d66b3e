package org.openionm.readingroom.ui;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Trace frame → reader screen latency, written when the system property {@value #PROPERTY} names a
 * file (off by default; when off the columns hold {@code null} and pay nothing). For every trace frame
 * a column drew: from the OR's wall clock stamped in the frame when it was published to the end of the
 * first paint of the reader's trace strip that shows the frame's last sample. Once a second a line:
 * frames painted in that second, their median and maximum, and the median, p99 and maximum since the
 * start. Wall clocks of OR and reader must agree (one machine, or NTP: then the figure includes the
 * clock offset). {@value #SKIP_PROPERTY} (seconds, default 0) leaves the start-up out of the "since start"
 * figures: a workbench that is still loading its parts paints the first frames late, which is not the
 * steady state a reader works in (the per-second figures still show it).
 */
final class ScreenLatencyStats {

    static final String PROPERTY = "openionm.readingroom.stats";
    static final String SKIP_PROPERTY = "openionm.readingroom.stats.skip";
    private static ScreenLatencyStats instance;
    private static boolean looked;

    private final PrintWriter out;
    /** Per column: end index (exclusive) and publication wall time of frames appended but not yet painted. */
    private final Map<Object, ArrayDeque<long[]>> pending = new HashMap<>();
    private double[] all = new double[4096];
    private int count;
    private double[] second = new double[256];
    private int secondCount;
    private long windowStart = System.nanoTime();
    /** Before this (nanoTime), latencies count for their second only, not for the since-start figures. */
    private final long countFrom;

    ScreenLatencyStats(PrintWriter out) {
        this(out, 0);
    }

    ScreenLatencyStats(PrintWriter out, double skipSeconds) {
        this.out = out;
        this.countFrom = System.nanoTime() + (long) (Math.max(0, skipSeconds) * 1e9);
        out.println("# wall_ms frames_painted_this_second p50_ms max_ms | since_start: frames p50_ms p99_ms max_ms");
        out.flush();
    }

    /** The one instance for the workbench, or null when the property is not set (or the file cannot be written). */
    static synchronized ScreenLatencyStats fromSystemProperty() {
        if (!looked) {
            looked = true;
            String file = System.getProperty(PROPERTY, "").trim();
            if (!file.isEmpty()) {
                try {
                    instance = new ScreenLatencyStats(new PrintWriter(Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND)), Double.parseDouble(System.getProperty(SKIP_PROPERTY, "0")));
                } catch (IOException e) {
                    System.getLogger(ScreenLatencyStats.class.getName()).log(System.Logger.Level.WARNING,
                            "cannot write the reading-room screen statistics to " + file + ": " + e.getMessage());
                }
            }
        }
        return instance;
    }

    /** MQTT thread: a frame ending (exclusive) at {@code endIndex} of the column's buffer went into it. */
    synchronized void frameAppended(Object column, long endIndex, long publishedWallMillis) {
        ArrayDeque<long[]> q = pending.computeIfAbsent(column, c -> new ArrayDeque<>());
        if (q.size() > 1000) { // a column that is not painted (hidden): keep memory bounded
            q.pollFirst();
        }
        q.addLast(new long[] {endIndex, publishedWallMillis});
    }

    /** MQTT thread: the column's buffer was replaced (new epoch or channels); indices start again. */
    synchronized void bufferReplaced(Object column) {
        pending.remove(column);
    }

    /** UI thread, after the column's trace strip painted up to {@code newestIndex} (exclusive end of the data). */
    void painted(Object column, long newestIndex) {
        painted(column, newestIndex, System.currentTimeMillis());
    }

    /** As above at wall time {@code now} (tests). */
    synchronized void painted(Object column, long newestIndex, long now) {
        ArrayDeque<long[]> q = pending.get(column);
        if (q == null || newestIndex < 0) {
            return;
        }
        while (!q.isEmpty() && q.peekFirst()[0] <= newestIndex) {
            add(now - q.pollFirst()[1]);
        }
    }

    private void add(double ms) {
        if (System.nanoTime() >= countFrom) {
            addToAll(ms);
        }
        if (secondCount == second.length) {
            second = Arrays.copyOf(second, secondCount * 2);
        }
        second[secondCount++] = ms;
    }

    private void addToAll(double ms) {
        if (count == all.length) {
            all = Arrays.copyOf(all, count * 2);
        }
        all[count++] = ms;
    }

    /** UI thread, often: one line a second. */
    synchronized void tick() {
        long now = System.nanoTime();
        if (now - windowStart < 1_000_000_000L) {
            return;
        }
        windowStart = now;
        double[] s = Arrays.copyOf(second, secondCount);
        Arrays.sort(s);
        double[] a = Arrays.copyOf(all, count);
        Arrays.sort(a);
        out.printf(java.util.Locale.ROOT, "%d %d %.0f %.0f | %d %.0f %.0f %.0f%n", System.currentTimeMillis(), s.length, pct(s, 0.5),
                pct(s, 1), a.length, pct(a, 0.5), pct(a, 0.99), pct(a, 1));
        out.flush();
        secondCount = 0;
    }

    /** Every latency measured so far, sorted (tests). */
    synchronized double[] latencies() {
        double[] a = Arrays.copyOf(all, count);
        Arrays.sort(a);
        return a;
    }

    static double pct(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))];
    }
}
