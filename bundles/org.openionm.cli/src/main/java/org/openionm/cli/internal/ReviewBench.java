package org.openionm.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfReader;
import org.openionm.io.edf.EdfRecordingInfo;
import org.openionm.io.edf.EdfWriter;
import org.openionm.review.Envelope;
import org.openionm.review.EnvelopeIndex;

/**
 * {@code openionm bench review} (issue 13): a long recording of 32 channels at 10 kHz (BDF), its
 * envelope index built on first open, the open of the indexed case, and "seek and draw": the
 * envelopes of every channel for one screen (1600 columns) at random positions and zooms, from the
 * page cache and, when the bench may drop it (root), from disk.
 */
final class ReviewBench {

    private static final int CHANNELS = 32;
    private static final double RATE = 10_000;
    private static final int COLUMNS = 1600;
    private static final int SEEKS = 40;

    private final BenchReport r;

    ReviewBench(BenchReport report) {
        this.r = report;
    }

    boolean run(double hours, Path folder) throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(folder), "openionm-review-bench");
        Path file = dir.resolve("long-case.bdf");
        long seconds = Math.round(hours * 3600);
        r.printf("## review: %d channels × %.0f Hz BDF, %.2f h (%d s) of signal, %d columns per screen%n%n", CHANNELS, RATE,
                hours, seconds, COLUMNS);
        r.json.key("review").begin('{').field("channels", CHANNELS).field("rateHz", RATE).field("hours", hours);
        try {
            long t0 = System.nanoTime();
            write(file, seconds);
            double writeS = (System.nanoTime() - t0) / 1e9;
            r.printf("| what | time |%n|---|---|%n");
            r.printf("| write the recording (%.1f GB) | %.1f s |%n", Files.size(file) / 1e9, writeS);

            t0 = System.nanoTime();
            double buildS;
            try (EdfReader reader = EdfReader.open(file)) {
                double openS = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                try (EnvelopeIndex index = EnvelopeIndex.open(reader, f -> { })) {
                    buildS = (System.nanoTime() - t1) / 1e9;
                    r.printf("| first open: read the header and annotations | %.2f s |%n", openS);
                    r.printf("| first open: build the index (%.0f MB, %d levels) | %.1f s (%.0f× real time) |%n",
                            Files.size(index.file()) / 1e6, index.levels(0), buildS, seconds / buildS);
                    r.json.field("indexBytes", Files.size(index.file())).field("indexBuildSeconds", buildS);
                }
            }
            t0 = System.nanoTime();
            try (EnvelopeIndex index = EnvelopeIndex.open(file, f -> { })) {
                double reopenS = (System.nanoTime() - t0) / 1e9;
                if (index.builtNow()) {
                    r.err.println("bench review: error: the cached index was not used on the second open");
                    return false;
                }
                r.printf("| open the indexed recording (header; annotations from the index) | %.3f s |%n%n", reopenS);
                r.json.field("openSeconds", reopenS);
                seeks(index, seconds, "page cache");
                if (dropPageCache()) {
                    seeks(index, seconds, "disk (page cache dropped before each seek)");
                } else {
                    r.printf("(cold-cache seeks skipped: dropping the page cache needs root)%n");
                }
            }
            r.out.println();
            return true;
        } finally {
            r.json.end('}');
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Only the recording, written to {@code file} and kept: {@code ./openionm bench review-ui} opens it in the workbench. */
    boolean writeOnly(double hours, Path file) throws IOException {
        long seconds = Math.round(hours * 3600);
        Files.createDirectories(file.toAbsolutePath().getParent());
        long t0 = System.nanoTime();
        write(file, seconds);
        r.printf("## review: wrote %s: %d channels × %.0f Hz BDF, %d s, %.1f GB in %.1f s%n%n", file, CHANNELS, RATE, seconds,
                Files.size(file) / 1e9, (System.nanoTime() - t0) / 1e9);
        r.json.key("reviewWrite").begin('{').field("file", file.toString()).field("seconds", seconds)
                .field("bytes", Files.size(file)).end('}');
        return true;
    }

    /** Seek-and-draw times for windows from 10 s to the whole recording. */
    private void seeks(EnvelopeIndex index, long seconds, String from) throws IOException {
        boolean cold = from.startsWith("disk");
        r.printf("Seek and draw one screen, all %d channels, from the %s:%n%n", CHANNELS, from);
        r.printf("| window | bins | median (ms) | p95 (ms) | max (ms) |%n|---|---|---|---|---|%n");
        r.json.key(cold ? "seeksCold" : "seeksWarm").begin('[');
        SplittableRandom random = new SplittableRandom(11);
        long previous = 0;
        for (long window : new long[] {10, 60, 600, 3600, seconds}) {
            if (window > seconds || window <= previous) {
                continue; // the whole recording only when it is longer than the last window
            }
            previous = window;
            long span = (long) (window * RATE);
            double[] ms = new double[SEEKS];
            int bin = 0;
            for (int i = 0; i < SEEKS; i++) {
                if (cold) {
                    dropPageCache();
                }
                long first = (long) (random.nextDouble() * Math.max(1, index.samples(0) - span));
                long t0 = System.nanoTime();
                Envelope[] screen = index.envelopes(first, first + span, COLUMNS);
                bin = screen[0].samplesPerBin();
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            r.printf("| %s | %s | %.1f | %.1f | %.1f |%n", window >= 3600 ? BenchReport.f("%.1f h", window / 3600.0)
                    : window + " s", bin == 1 ? "raw samples" : bin + " samples", ms[SEEKS / 2], ms[(int) (SEEKS * 0.95)],
                    ms[SEEKS - 1]);
            r.json.element().begin('{').field("windowSeconds", window).field("binSamples", bin)
                    .field("medianMs", ms[SEEKS / 2]).field("p95Ms", ms[(int) (SEEKS * 0.95)]).field("maxMs", ms[SEEKS - 1])
                    .end('}');
        }
        r.json.end(']');
        r.out.println();
    }

    /** Drops the kernel's page cache (root only), so a read goes to the disk. */
    private static boolean dropPageCache() {
        Path control = Path.of("/proc/sys/vm/drop_caches");
        if (!Files.isWritable(control)) {
            return false;
        }
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
            Files.writeString(control, "3");
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Noise blocks reused with a per-second offset: the content does not matter, the size does. */
    private static void write(Path file, long seconds) throws IOException {
        List<Channel> channels = new ArrayList<>();
        for (int c = 0; c < CHANNELS; c++) {
            channels.add(new Channel(c, "Ch" + (c + 1), Channel.MICROVOLT, RATE, -20_000, 20_000, ChannelRole.EMG_FREE_RUN));
        }
        SplittableRandom random = new SplittableRandom(3);
        float[][][] blocks = new float[8][CHANNELS][(int) RATE];
        for (float[][] block : blocks) {
            for (float[] channel : block) {
                for (int i = 0; i < channel.length; i++) {
                    channel[i] = (float) (random.nextDouble(-1, 1) * 50);
                }
            }
        }
        try (EdfWriter writer = EdfWriter.create(file, EdfFormat.BDF, EdfRecordingInfo.anonymous(LocalDateTime.of(2026, 12, 4,
                7, 0)), channels, "HP:0Hz LP:0Hz", EdfWriter.recommendedSamplesPerRecord(RATE, CHANNELS, EdfFormat.BDF))) {
            float[][] out = new float[CHANNELS][(int) RATE];
            for (long s = 0; s < seconds; s++) {
                float[][] block = blocks[(int) (s % blocks.length)];
                float offset = (float) (100 * Math.sin(s / 300.0));
                for (int c = 0; c < CHANNELS; c++) {
                    for (int i = 0; i < out[c].length; i++) {
                        out[c][i] = block[c][i] + offset;
                    }
                }
                writer.write(new SampleBlock((long) (s * RATE), 0, out));
            }
        }
    }
}
