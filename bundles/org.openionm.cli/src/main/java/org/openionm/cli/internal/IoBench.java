package org.openionm.cli.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.acquisition.SampleConsumer;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfReader;
import org.openionm.io.edf.EdfRecordingInfo;
import org.openionm.io.edf.EdfWriter;

/**
 * {@code openionm bench io} (issue 3): the simulator through the engine, EDF+/BDF+ writing and
 * reading, and MNE's EDF reader on the same file. Wall-clock timings of whole workloads (best of
 * two runs), not micro-benchmarks.
 */
final class IoBench {

    private static final int CHANNELS = 64;
    private static final double RATE = 20_000;

    private final BenchReport r;

    IoBench(BenchReport report) {
        this.r = report;
    }

    void run(double seconds, Path folder) throws Exception {
        Path dir = Files.createTempDirectory(folder, "openionm-bench");
        r.printf("## io: %d channels × %.0f Hz, %.0f s of signal%n%n", CHANNELS, RATE, seconds);
        r.out.println("| what | time (s) | throughput |");
        r.out.println("|---|---|---|");
        r.json.key("io").begin('[');
        simulator(seconds);
        Path edf = dir.resolve("bench.edf");
        Path bdf = dir.resolve("bench.bdf");
        write(edf, EdfFormat.EDF, seconds);
        write(bdf, EdfFormat.BDF, seconds);
        read(edf, seconds);
        read(bdf, seconds);
        mne(edf, seconds);
        r.json.end(']');
        r.out.println();
        Files.deleteIfExists(edf);
        Files.deleteIfExists(bdf);
        Files.deleteIfExists(dir);
    }

    private void row(String what, double elapsed, double signalSeconds, long bytes) {
        r.json.element().begin('{').field("what", what).field("seconds", elapsed).field("realTime", signalSeconds / elapsed);
        if (bytes > 0) {
            r.json.field("megabytesPerSecond", bytes / 1e6 / elapsed);
        }
        r.json.end('}');
        r.out.printf(Locale.ROOT, "| %s | %.2f | %.1f× real time%s |%n", what, elapsed, signalSeconds / elapsed,
                bytes > 0 ? String.format(Locale.ROOT, ", %.0f MB/s", bytes / 1e6 / elapsed) : "");
    }

    private void simulator(double seconds) throws Exception {
        AcquisitionEngine engine = Services.engine();
        long end = Math.round(seconds * RATE);
        double best = Double.MAX_VALUE;
        for (int run = 0; run < 2; run++) {
            CountDownLatch reached = new CountDownLatch(1);
            SampleConsumer counter = new SampleConsumer() {
                @Override
                public void onStart(String driverId, List<Channel> channels) {
                }

                @Override
                public void onBlock(SampleBlock block) {
                    if (block.endSampleIndex() >= end) {
                        reached.countDown();
                    }
                }
            };
            ConsumerRegistration registration = engine.addConsumer("bench counter", counter, 64);
            long start = System.nanoTime();
            engine.start(Services.driver(engine, "simulator"), new AcquisitionConfig(RATE, CHANNELS, false,
                    Map.of("scenario", "stable-baseline", "seed", Integer.toString(run + 1))));
            boolean done = reached.await(600, TimeUnit.SECONDS);
            double elapsed = (System.nanoTime() - start) / 1e9;
            engine.stop();
            registration.close();
            if (!done) {
                throw new IllegalStateException("the simulator did not deliver " + seconds + " s within 600 s");
            }
            best = Math.min(best, elapsed);
        }
        row("simulator (stable-baseline scenario) through the engine, 1 driver thread", best, seconds, 0);
    }

    /** A second of varied signal, reused block by block so generation does not count as writing. */
    private static float[][][] oneSecondOfBlocks(int blockSamples) {
        SplittableRandom random = new SplittableRandom(5);
        int blocks = (int) (RATE / blockSamples);
        float[][][] data = new float[blocks][CHANNELS][blockSamples];
        for (float[][] block : data) {
            for (float[] channel : block) {
                for (int i = 0; i < channel.length; i++) {
                    channel[i] = (float) (random.nextGaussian() * 40);
                }
            }
        }
        return data;
    }

    private static List<Channel> channels() {
        List<Channel> channels = new ArrayList<>();
        for (int c = 0; c < CHANNELS; c++) {
            channels.add(new Channel(c, "EEG " + (c + 1), Channel.MICROVOLT, RATE, -3200, 3200, ChannelRole.EEG));
        }
        return channels;
    }

    private void write(Path file, EdfFormat format, double seconds) throws Exception {
        int blockSamples = 200;
        float[][][] second = oneSecondOfBlocks(blockSamples);
        long total = Math.round(seconds * RATE);
        int perRecord = EdfWriter.recommendedSamplesPerRecord(RATE, CHANNELS, format);
        double best = Double.MAX_VALUE;
        for (int run = 0; run < 2; run++) {
            long start = System.nanoTime();
            try (EdfWriter writer = EdfWriter.create(file, format, EdfRecordingInfo.anonymous(LocalDateTime.now().withNano(0)),
                    channels(), "None", perRecord)) {
                for (long index = 0; index < total; index += blockSamples) {
                    writer.write(new SampleBlock(index, 0, second[(int) ((index / blockSamples) % second.length)]));
                }
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        row(format + "+ write (" + (format == EdfFormat.BDF ? 24 : 16) + "-bit)", best, seconds, Files.size(file));
    }

    private void read(Path file, double seconds) throws Exception {
        double best = Double.MAX_VALUE;
        double checksum = 0;
        for (int run = 0; run < 2; run++) {
            long start = System.nanoTime();
            try (EdfReader reader = EdfReader.open(file)) {
                int chunk = (int) RATE;
                for (int s = 0; s < reader.signals().size(); s++) {
                    long n = reader.sampleCount(s);
                    for (long first = 0; first < n; first += chunk) {
                        float[] values = reader.readPhysical(s, first, (int) Math.min(chunk, n - first));
                        checksum += values[0];
                    }
                }
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        row("OpenIONM " + file.getFileName() + " read, every channel to physical values (checksum " + Math.round(checksum) + ")",
                best, seconds, Files.size(file));
    }

    private void mne(Path edf, double seconds) throws Exception {
        String script = "import sys, time, mne\n"
                + "best = 1e9\n"
                + "for _ in range(2):\n"
                + "    t = time.perf_counter()\n"
                + "    raw = mne.io.read_raw_edf(sys.argv[1], preload=True, verbose='error')\n"
                + "    best = min(best, time.perf_counter() - t)\n"
                + "print(best, mne.__version__)\n";
        // Debian's interpreter carries python3-mne; another python3 earlier on PATH may not
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Process process = new ProcessBuilder(python, "-c", script, edf.toString()).redirectErrorStream(true).start();
        String output;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output = String.join("\n", reader.lines().toList());
        }
        if (process.waitFor() != 0) {
            String why = output.lines().reduce((x, y) -> y).orElse("");
            r.out.println("| MNE read_raw_edf(preload=True) | – | not measured: " + why + " |");
            r.json.element().begin('{').field("what", "MNE read_raw_edf(preload=True)").field("skipped", why).end('}');
            return;
        }
        String[] parts = output.lines().reduce((x, y) -> y).orElse("").trim().split(" ");
        row("MNE " + parts[1] + " read_raw_edf(preload=True), same EDF file", Double.parseDouble(parts[0]), seconds, Files.size(edf));
    }

}
