package org.openionm.cli.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.openionm.dsp.Butterworth;
import org.openionm.dsp.SosFilter;

/**
 * {@code openionm bench filtfilt} (issue 4): our zero-phase Butterworth band-pass
 * ({@link SosFilter#filtfilt}, one channel at a time, one thread) against
 * {@code scipy.signal.sosfiltfilt} on the same data in the same run: 64 channels × 20 kHz of seeded
 * noise, mains, drift and evoked responses, written once as raw float32 for both. SSEP
 * subcortical corners (30–3000 Hz), order 2 (the SSEP default) and 4. Only the filtering is timed
 * (best of three), not loading or writing. Outputs are compared sample by sample.
 */
final class FiltfiltBench {

    static final int CHANNELS = 64;
    static final double RATE = 20_000;
    static final double LOW_HZ = 30;
    static final double HIGH_HZ = 3000;
    static final int[] ORDERS = {2, 4};
    /** Samples left out at each end for the "interior" comparison (50 ms). */
    static final int EDGE = 1000;

    private static final String SCRIPT = """
            import sys, time
            import numpy as np, scipy
            from scipy import signal
            path, ch, n, fs, lo, hi = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6])
            x = np.fromfile(path, dtype='<f4').reshape(ch, n)
            for order in [int(o) for o in sys.argv[7].split(',')]:
                sos = signal.butter(order, [lo, hi], btype='bandpass', fs=fs, output='sos')
                best = 1e9
                for _ in range(3):
                    t = time.perf_counter()
                    y = signal.sosfiltfilt(sos, x, axis=-1)
                    best = min(best, time.perf_counter() - t)
                y.astype('<f4').tofile(path + '.scipy%d' % order)
                print('RESULT', order, best, sos.shape[0], flush=True)
            print('VERSION', scipy.__version__, np.__version__, sys.version.split()[0])
            """;

    private final BenchReport r;

    FiltfiltBench(BenchReport report) {
        this.r = report;
    }

    void run(BenchOptions o, double seconds) throws Exception {
        int n = (int) Math.round(seconds * RATE);
        Path dir = Files.createTempDirectory(Files.createDirectories(o.dir()), "openionm-filtfilt");
        Path raw = dir.resolve("signal.f32");
        float[][] data = signal(n);
        write(raw, data);
        double total = (double) CHANNELS * n;
        r.printf("## filtfilt: zero-phase Butterworth band-pass %.0f–%.0f Hz, %d channels × %.0f Hz × %.0f s (%.1f M samples),"
                + " one thread%n%n", LOW_HZ, HIGH_HZ, CHANNELS, RATE, seconds, total / 1e6);
        r.out.println("| order | implementation | time (s) | M samples/s | × real time | max abs diff vs scipy (all / interior) |");
        r.out.println("|---|---|---|---|---|---|");
        Map<Integer, Double> ours = new HashMap<>();
        Map<Integer, float[][]> ourOut = new HashMap<>();
        for (int order : ORDERS) {
            SosFilter bp = Butterworth.bandPass(order, LOW_HZ, HIGH_HZ, RATE);
            float[][] out = new float[CHANNELS][];
            double best = Double.MAX_VALUE;
            for (int round = 0; round < 4; round++) { // round 0 warms the JIT up and is not counted
                long t0 = System.nanoTime();
                for (int c = 0; c < CHANNELS; c++) {
                    out[c] = bp.filtfilt(data[c]);
                }
                double s = (System.nanoTime() - t0) / 1e9;
                if (round > 0) {
                    best = Math.min(best, s);
                }
            }
            ours.put(order, best);
            ourOut.put(order, out);
        }
        Python py = python(o.python(), raw, n);
        r.json.key("filtfilt").begin('{').field("channels", CHANNELS).field("samplingRateHz", RATE).field("seconds", seconds)
                .field("lowHz", LOW_HZ).field("highHz", HIGH_HZ).field("interiorEdgeSamples", EDGE)
                .field("python", o.python()).field("scipy", py.version == null ? "" : py.version).key("rows").begin('[');
        for (int order : ORDERS) {
            double t = ours.get(order);
            r.printf("| %d | OpenIONM SosFilter.filtfilt (Java %s) | %.3f | %.1f | %.0f | |%n", order,
                    System.getProperty("java.version"), t, total / t / 1e6, seconds / t);
            r.json.element().begin('{').field("order", order).field("implementation", "openionm").field("seconds", t)
                    .field("megaSamplesPerSecond", total / t / 1e6).end('}');
            Double theirs = py.seconds.get(order);
            if (theirs == null) {
                r.printf("| %d | scipy sosfiltfilt | – | – | – | skipped: %s |%n", order, py.problem);
                r.json.element().begin('{').field("order", order).field("implementation", "scipy").field("skipped", py.problem)
                        .end('}');
                continue;
            }
            float[][] ref = read(Path.of(raw + ".scipy" + order), n);
            double[] d = compare(ourOut.get(order), ref);
            r.printf("| %d | scipy %s sosfiltfilt (%s) | %.3f | %.1f | %.0f | %.2g / %.2g µV = %.1e / %.1e of max |y| %.0f µV;"
                    + " ours %.2f× scipy's speed |%n", order, py.version, o.python(), theirs, total / theirs / 1e6,
                    seconds / theirs, d[0], d[1], d[0] / d[2], d[1] / d[2], d[2], theirs / t);
            r.json.element().begin('{').field("order", order).field("implementation", "scipy").field("seconds", theirs)
                    .field("megaSamplesPerSecond", total / theirs / 1e6).field("maxAbsDiffUv", d[0])
                    .field("maxAbsDiffInteriorUv", d[1]).field("maxAbsScipyUv", d[2]).field("speedRatioOursOverScipy", theirs / t)
                    .end('}');
        }
        r.json.end(']').end('}');
        r.out.println();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** Seeded broadband noise, 50 Hz mains, slow drift and stimulus-locked evoked responses at 3.17 Hz (µV). */
    static float[][] signal(int n) {
        float[][] data = new float[CHANNELS][n];
        double period = RATE / 3.17;
        for (int c = 0; c < CHANNELS; c++) {
            SplittableRandom random = new SplittableRandom(1000 + c);
            double mains = 5 * (0.5 + random.nextDouble());
            double phase = random.nextDouble() * 2 * Math.PI;
            double latency = (10 + random.nextDouble() * 30) * RATE / 1000;
            double width = 1.5 * RATE / 1000;
            for (int i = 0; i < n; i++) {
                double t = i / RATE;
                double since = i % period;
                double ep = 2 * Math.exp(-0.5 * Math.pow((since - latency) / width, 2));
                double artifact = since < 20 ? 80 * Math.exp(-since / 4.0) : 0;
                data[c][i] = (float) (20 * random.nextGaussian() + mains * Math.sin(2 * Math.PI * 50 * t + phase)
                        + 40 * Math.sin(2 * Math.PI * 0.3 * t + phase) + ep + artifact);
            }
        }
        return data;
    }

    private static void write(Path file, float[][] data) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.allocate(data[0].length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] channel : data) {
                buf.clear();
                buf.asFloatBuffer().put(channel);
                buf.limit(channel.length * 4);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        }
    }

    private static float[][] read(Path file, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (buf.capacity() != (long) CHANNELS * n * 4) {
            throw new IllegalStateException(file + " holds " + buf.capacity() + " bytes, expected " + (long) CHANNELS * n * 4);
        }
        float[][] out = new float[CHANNELS][n];
        for (float[] channel : out) {
            buf.asFloatBuffer().get(channel);
            buf.position(buf.position() + n * 4);
        }
        return out;
    }

    /** {max |ours − scipy| over all samples, over the interior, max |scipy|}. */
    static double[] compare(float[][] ours, float[][] scipy) {
        double all = 0;
        double interior = 0;
        double peak = 0;
        for (int c = 0; c < ours.length; c++) {
            int n = ours[c].length;
            for (int i = 0; i < n; i++) {
                double d = Math.abs(ours[c][i] - scipy[c][i]);
                all = Math.max(all, d);
                if (i >= EDGE && i < n - EDGE) {
                    interior = Math.max(interior, d);
                }
                peak = Math.max(peak, Math.abs(scipy[c][i]));
            }
        }
        return new double[] {all, interior, peak};
    }

    private record Python(Map<Integer, Double> seconds, String version, String problem) {
    }

    private Python python(String interpreter, Path raw, int n) throws InterruptedException {
        Map<Integer, Double> seconds = new HashMap<>();
        if (!Files.isExecutable(Path.of(interpreter))) {
            return new Python(seconds, null, interpreter + " is not installed");
        }
        StringBuilder orders = new StringBuilder();
        for (int order : ORDERS) {
            orders.append(orders.isEmpty() ? "" : ",").append(order);
        }
        List<String> cmd = List.of(interpreter, "-c", SCRIPT, raw.toString(), Integer.toString(CHANNELS), Integer.toString(n),
                Double.toString(RATE), Double.toString(LOW_HZ), Double.toString(HIGH_HZ), orders.toString());
        String output;
        int exit;
        try {
            Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                output = String.join("\n", reader.lines().toList());
            }
            exit = process.waitFor();
        } catch (IOException e) {
            return new Python(seconds, null, "cannot run " + interpreter + ": " + e.getMessage());
        }
        String version = null;
        for (String line : output.lines().toList()) {
            String[] p = line.trim().split(" ");
            if (p[0].equals("RESULT") && p.length >= 3) {
                seconds.put(Integer.parseInt(p[1]), Double.parseDouble(p[2]));
            } else if (p[0].equals("VERSION") && p.length >= 4) {
                version = p[1] + ", numpy " + p[2] + ", Python " + p[3];
            }
        }
        String last = output.lines().reduce((x, y) -> y).orElse("");
        String problem = exit != 0 ? interpreter + " failed (is python3-scipy installed?): " + last : "";
        return new Python(seconds, version, problem);
    }
}
