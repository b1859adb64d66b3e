package org.openionm.ui.parts;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.openionm.ui.widgets.trace.TraceBuffer;

/**
 * What {@code ./openionm bench ui} reads about the live display, written when the system property
 * {@value #PROPERTY} names a file: once a second the frames actually painted and the sample-to-pixel
 * latency of those frames (how old the newest drawn sample was when it reached the screen). The
 * simulator delivers samples in real time, so sample {@code i} exists {@code i / rate} seconds after
 * the acquisition started; the latency is the paint time minus that moment.
 */
final class DisplayStats {

    static final String PROPERTY = "openionm.ui.stats";

    private final PrintWriter out;
    private volatile TraceBuffer started;
    private volatile long startNanos;
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

    /** Engine's consumer thread: sample 0 of {@code buffer} is being acquired now. */
    void acquisitionStarted(TraceBuffer buffer) {
        startNanos = System.nanoTime();
        started = buffer;
    }

    /** UI thread, after the canvas painted a frame whose newest sample is {@code newestIndex}. */
    void painted(long newestIndex, TraceBuffer shown) {
        paints++;
        totalPaints++;
        if (shown != null && shown == started && newestIndex > 0) {
            double sampleAtMs = startNanos / 1e6 + newestIndex * 1000.0 / shown.samplingRateHz();
            double latency = System.nanoTime() / 1e6 - sampleAtMs;
            latencySumMs += latency;
            latencyMaxMs = Math.max(latencyMaxMs, latency);
            latencyCount++;
        }
    }

    void firstTrace(long msAfterProcessStart) {
        out.println("first-trace " + msAfterProcessStart);
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
