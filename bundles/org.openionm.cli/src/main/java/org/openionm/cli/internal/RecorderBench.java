package org.openionm.cli.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.acquisition.SampleConsumer;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.core.model.Channel;
import org.openionm.core.model.SampleBlock;
import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfReader;
import org.openionm.io.edf.EdfRecordingInfo;
import org.openionm.io.edf.EdfSignal;
import org.openionm.recording.Recorder;
import org.openionm.recording.RecorderState;
import org.openionm.recording.Recorders;
import org.openionm.recording.RecordingRecovery;
import org.openionm.recording.RecordingSpec;
import org.openionm.recording.RecoveredRecording;

/**
 * {@code openionm bench recorder} (issue 10): the full-disclosure recorder's CPU at 64 channels ×
 * 20 kHz (CPU time of the recorder's consumer thread per second of signal, from ThreadMXBean, not
 * wall time), and the kill -9 loop: a plain JVM records the simulator in real time and is killed at
 * a random moment, {@code --kills} times (default 100); each file is recovered, compared sample by
 * sample with the simulator, and the worst data loss before a kill is reported.
 */
final class RecorderBench {

    static final int CPU_CHANNELS = 64;
    static final double CPU_RATE = 20_000;
    static final int KILL_CHANNELS = 16;
    static final double KILL_RATE = 5000;
    static final long KILL_SEED = 11;
    static final String SCENARIO = "stable-baseline";

    private final BenchReport r;

    RecorderBench(BenchReport report) {
        this.r = report;
    }

    /** @return false when a kill lost more than a second or a file did not read back as the simulator's data */
    boolean run(BenchOptions o, double seconds, int kills) throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(o.dir()), "openionm-bench-recorder-");
        try {
            AcquisitionEngine engine = Services.engine();
            AmplifierDriver simulator = Services.driver(engine, "simulator");
            double cpu = cpu(engine, simulator, dir, seconds);
            r.printf("## recorder: %d channels × %.0f Hz BDF+ for %.0f s of signal (replay), then %d kill -9 of a real-time"
                    + " recording (%d channels × %.0f Hz)%n%n", CPU_CHANNELS, CPU_RATE, seconds, kills, KILL_CHANNELS, KILL_RATE);
            r.out.println("| what | figure |");
            r.out.println("|---|---|");
            r.printf("| recorder thread CPU | %.2f s for %.0f s of signal = **%.2f %% of one core** |%n", cpu, seconds,
                    100 * cpu / seconds);
            KillLoop k = kills > 0 ? killLoop(engine, simulator, dir, kills) : new KillLoop(0, 0, 0, 0, List.of());
            if (kills > 0) {
                r.printf("| kills / files recovered / removed (killed before a complete record) | %d / %d / %d |%n", kills, k.recovered,
                        k.removed);
                r.printf("| worst data loss before a kill | **%.3f s** (mean %.3f s) |%n", k.worst, k.mean);
            }
            r.out.println();
            for (String p : k.problems) {
                r.out.println("PROBLEM: " + p);
            }
            r.json.key("recorder").begin('{').field("channels", CPU_CHANNELS).field("samplingRateHz", CPU_RATE)
                    .field("signalSeconds", seconds).field("cpuSeconds", cpu).field("cpuPercentOfOneCore", 100 * cpu / seconds)
                    .field("kills", kills).field("recovered", k.recovered).field("removed", k.removed)
                    .field("worstLossSeconds", k.worst).field("meanLossSeconds", k.mean)
                    .field("problems", k.problems.size()).end('}');
            return k.problems.isEmpty();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** CPU seconds of the recorder's thread while it records {@code seconds} of signal. */
    private double cpu(AcquisitionEngine engine, AmplifierDriver simulator, Path dir, double seconds) throws Exception {
        long end = Math.round(seconds * CPU_RATE);
        Recorder recorder = Recorders.create(RecordingSpec.segments(dir, "cpu", EdfFormat.BDF,
                EdfRecordingInfo.anonymous(LocalDateTime.now()), "none").withEndSample(end));
        AtomicLong thread = new AtomicLong(-1);
        AtomicLong cpuNanos = new AtomicLong(-1);
        SampleConsumer measured = new SampleConsumer() {
            @Override
            public void onStart(String driverId, List<Channel> channels) {
                thread.set(Thread.currentThread().threadId());
                recorder.onStart(driverId, channels);
            }

            @Override
            public void onBlock(SampleBlock block) {
                recorder.onBlock(block);
            }

            @Override
            public void onStop(String reason) {
                recorder.onStop(reason);
                cpuNanos.set(ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.get()));
            }
        };
        AtomicLong received = new AtomicLong();
        try (ConsumerRegistration reg = engine.addConsumer("recorder (bench)", measured, 256);
                ConsumerRegistration count = engine.addConsumer("progress", new SampleConsumer() {
                    @Override
                    public void onStart(String driverId, List<Channel> channels) {
                    }

                    @Override
                    public void onBlock(SampleBlock block) {
                        received.set(block.endSampleIndex());
                    }
                }, 256)) {
            engine.start(simulator, new AcquisitionConfig(CPU_RATE, CPU_CHANNELS, false, Map.of("scenario", SCENARIO)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.round(seconds * 10 + 60));
            while (received.get() < end && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            engine.stop();
            // the wrapper reads the thread's CPU time right after the recorder closed its file
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (cpuNanos.get() < 0 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            if (cpuNanos.get() < 0) {
                throw new IllegalStateException("the recorder did not finish within 60 s");
            }
        }
        if (recorder.status().state() == RecorderState.FAILED) {
            throw new IllegalStateException(recorder.status().failure());
        }
        if (recorder.status().samplesWritten() < end) {
            throw new IllegalStateException("the recorder wrote " + recorder.status().samplesWritten() + " of " + end + " samples");
        }
        return cpuNanos.get() / 1e9;
    }

    record KillLoop(int recovered, int removed, double worst, double mean, List<String> problems) {
    }

    private KillLoop killLoop(AcquisitionEngine engine, AmplifierDriver simulator, Path dir, int kills) throws Exception {
        float[][] reference = reference(engine, simulator, (int) (KILL_RATE * 10));
        String classPath = classPath(simulator);
        Random random = new Random(42);
        List<String> problems = new ArrayList<>();
        int recovered = 0;
        int removed = 0;
        double worst = 0;
        double total = 0;
        for (int k = 0; k < kills; k++) {
            Path folder = Files.createDirectories(dir.resolve(String.format(Locale.ROOT, "kill-%03d", k)));
            int delay = 300 + random.nextInt(1700);
            long acquired = runAndKill(classPath, folder, delay);
            List<RecoveredRecording> found = RecordingRecovery.recoverFolder(folder);
            if (found.size() != 1 || !found.get(0).repaired()) {
                problems.add("kill " + k + ": recovery found " + found);
                continue;
            }
            RecoveredRecording rec = found.get(0);
            long samples = 0;
            if (rec.removed()) {
                removed++;
            } else {
                recovered++;
                try (EdfReader reader = EdfReader.open(rec.file())) {
                    samples = reader.sampleCount(0);
                    String mismatch = compare(reader, reference, samples);
                    if (mismatch != null) {
                        problems.add("kill " + k + ": " + mismatch);
                    }
                }
            }
            double loss = (acquired - samples) / KILL_RATE;
            worst = Math.max(worst, loss);
            total += loss;
            if (loss > 1.0) {
                problems.add(String.format(Locale.ROOT, "kill %d: lost %.3f s", k, loss));
            }
            r.err.printf(Locale.ROOT, "bench: kill %d after %d ms: %.3f s acquired, %.3f s recovered%n", k, delay,
                    acquired / KILL_RATE, samples / KILL_RATE);
        }
        return new KillLoop(recovered, removed, worst, total / kills, problems);
    }

    private static String compare(EdfReader reader, float[][] reference, long samples) throws IOException {
        if (samples > reference[0].length) {
            return "more samples than the reference holds";
        }
        for (int c = 0; c < reader.signals().size(); c++) {
            EdfSignal s = reader.signals().get(c);
            float[] x = reader.readPhysical(c, 0, (int) samples);
            for (int i = 0; i < x.length; i++) {
                double expected = Math.max(s.physicalMin(), Math.min(s.physicalMax(), reference[c][i]));
                if (Math.abs(x[i] - expected) > s.quantisationStep() * 0.5000001 + Math.ulp(x[i])) {
                    return "channel " + c + " sample " + i + " is " + x[i] + ", the simulator gave " + reference[c][i];
                }
            }
        }
        return null;
    }

    /** The simulator's first samples for the kill loop's seed, in replay. */
    private static float[][] reference(AcquisitionEngine engine, AmplifierDriver simulator, int samples) throws Exception {
        float[][] data = new float[KILL_CHANNELS][samples];
        AtomicLong received = new AtomicLong();
        try (ConsumerRegistration reg = engine.addConsumer("reference", new SampleConsumer() {
            @Override
            public void onStart(String driverId, List<Channel> channels) {
            }

            @Override
            public void onBlock(SampleBlock block) {
                int n = (int) Math.max(0, Math.min(block.sampleCount(), samples - block.firstSampleIndex()));
                for (int c = 0; c < KILL_CHANNELS && n > 0; c++) {
                    System.arraycopy(block.channel(c), 0, data[c], (int) block.firstSampleIndex(), n);
                }
                received.set(block.endSampleIndex());
            }
        }, 256)) {
            engine.start(simulator, new AcquisitionConfig(KILL_RATE, KILL_CHANNELS, false,
                    Map.of("scenario", SCENARIO, "seed", Long.toString(KILL_SEED))));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (received.get() < samples && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            engine.stop();
        }
        if (received.get() < samples) {
            throw new IllegalStateException("the reference run gave " + received.get() + " of " + samples + " samples");
        }
        return data;
    }

    /** The jars (or folders) of the bundles the child needs, found from classes they hold. */
    private static String classPath(AmplifierDriver simulator) throws URISyntaxException {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : List.of(RecorderCrashChild.class, Recorders.class, AcquisitionEngine.class, SampleBlock.class,
                EdfReader.class, simulator.getClass(), org.yaml.snakeyaml.Yaml.class)) {
            var source = c.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
                throw new IllegalStateException("cannot tell which jar holds " + c.getName() + " (code source "
                        + (source == null ? null : source.getLocation()) + ")");
            }
            entries.add(Path.of(source.getLocation().toURI()).toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static long runAndKill(String classPath, Path folder, int delayMs) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path stderr = folder.resolve("child.err");
        Process child = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", classPath, RecorderCrashChild.class.getName(),
                folder.toString(), Double.toString(KILL_RATE), Integer.toString(KILL_CHANNELS), Long.toString(KILL_SEED),
                SCENARIO).redirectError(stderr.toFile()).start();
        AtomicLong last = new AtomicLong(-1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("S ")) {
                        last.set(Long.parseLong(line.substring(2)));
                    }
                }
            } catch (IOException e) {
                // the pipe closes when the child dies
            }
        });
        reader.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (last.get() < 0) {
                if (!child.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the recording child did not start: " + Files.readString(stderr));
                }
                Thread.sleep(2);
            }
            Thread.sleep(delayMs); // the random moment of the kill
        } finally {
            child.destroyForcibly();
        }
        child.waitFor(30, TimeUnit.SECONDS);
        reader.join(30_000);
        Files.deleteIfExists(stderr);
        return last.get();
    }
}
