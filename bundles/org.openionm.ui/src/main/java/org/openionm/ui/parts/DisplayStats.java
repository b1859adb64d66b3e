package org.openionm.ui.parts;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What {@code ./openionm bench ui} reads about the live display, written when the system property
 * {@value #PROPERTY} names a file: once a second the frames actually painted and the sample-to-pixel
 * latency of those frames: from the moment the block holding the newest drawn sample reached the
 * display (the engine handed it over) to the end of the paint that drew it.
 */
final class DisplayStats {

    static final String PROPERTY = "openionm.ui.stats";

    private final PrintWriter out;
    private static final int BLOCKS = 256;
    /** End index and arrival time of the last blocks, written by the engine's thread. */
    private final long[] blockEnd = new long[BLOCKS];
    private final long[] blockNanos = new long[BLOCKS];
    private int blockNext;
    private long windowStart = System.nanoTime();
    private long paints;
    private long totalPaints;
    private double latencySumMs;
    private double latencyMaxMs;
    private int latencyCount;

    private DisplayStats(PrintWriter out) {
        this.out = out;
        out.println("# wall_ms paints_total fps latency_mean_ms latency_max_ms");
        out.flush();
    }

    /** The stats file the property names, or null when the property is not set or the file cannot be written. */
    static DisplayStats fromSystemProperty() {
        String file = System.getProperty(PROPERTY, "").trim();
        if (file.isEmpty()) {
            return null;
        }
        try {
            return new DisplayStats(new PrintWriter(Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)));
        } catch (IOException e) {
            System.getLogger(DisplayStats.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot write the display statistics to " + file + ": " + e.getMessage());
            return null;
        }
    }

    /** Engine's consumer thread: a new acquisition starts, the old blocks mean nothing. */
    synchronized void acquisitionStarted() {
        java.util.Arrays.fill(blockEnd, -1);
    }

    /** Engine's consumer thread: samples up to {@code endIndex} (exclusive) reached the display buffer now. */
    synchronized void blockArrived(long endIndex) {
        blockEnd[blockNext] = endIndex;
        blockNanos[blockNext] = System.nanoTime();
        blockNext = (blockNext + 1) % BLOCKS;
    }

    private synchronized long arrivalOf(long endIndex) {
        for (int i = 0; i < BLOCKS; i++) {
            if (blockEnd[i] == endIndex) {
                return blockNanos[i];
            }
        }
        return -1;
    }

    /** UI thread, after the canvas painted a frame whose newest sample is {@code newestIndex}. */
    void painted(long newestIndex) {
        paints++;
        totalPaints++;
        long arrived = arrivalOf(newestIndex);
        if (arrived > 0) {
            double latency = (System.nanoTime() - arrived) / 1e6;
            latencySumMs += latency;
            latencyMaxMs = Math.max(latencyMaxMs, latency);
            latencyCount++;
        }
    }

    void firstTrace(long msAfterProcessStart) {
        out.println("first-trace " + msAfterProcessStart);
        out.flush();
    }

    /** The start-up phases, one {@code phase <name> <wall ms> <process cpu ms> <thread cpu ms>} line each (issue 15). */
    void phases(java.util.List<org.openionm.ui.internal.StartupPhases.Phase> phases) {
        for (org.openionm.ui.internal.StartupPhases.Phase p : phases) {
            out.println("phase " + p.name() + " " + p.wallMs() + " " + p.cpuMs() + " " + p.threadCpuMs());
        }
        out.flush();
    }

    /** UI thread, every display frame: one line a second. */
    void tick() {
        long now = System.nanoTime();
        double seconds = (now - windowStart) / 1e9;
        if (seconds < 1) {
            return;
        }
        out.printf(java.util.Locale.ROOT, "%d %d %.1f %.1f %.1f%n", System.currentTimeMillis(), totalPaints, paints / seconds,
                latencyCount == 0 ? Double.NaN : latencySumMs / latencyCount, latencyCount == 0 ? Double.NaN : latencyMaxMs);
        out.flush();
        windowStart = now;
        paints = 0;
        latencySumMs = 0;
        latencyMaxMs = 0;
        latencyCount = 0;
    }

    void close() {
        out.close();
    }
}
