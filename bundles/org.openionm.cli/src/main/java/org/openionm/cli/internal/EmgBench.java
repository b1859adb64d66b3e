package org.openionm.cli.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.acquisition.EngineState;
import org.openionm.acquisition.SampleConsumer;
import org.openionm.alarm.AlarmListener;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmManager;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.DetectedEvent;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.ModalityProcessor;
import org.openionm.core.processing.ProcessorOutput;
import org.openionm.modality.emg.freerun.audio.EmgAudioControl;
import org.openionm.processing.ProcessorHost;
import org.openionm.processing.ResultListener;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * {@code openionm bench emg}: the free-run EMG figures of docs/performance.md, against the installed
 * {@code emg.freerun} processor.
 * <ol>
 * <li>CPU of its {@code onBlock} at 32 ch × 20 kHz on this thread (noise, a 120 Hz A-train on every 4th
 * channel 1 s in 5, sound mixing on), as a share of one core;</li>
 * <li>detection over {@code seeds} seeded 120-s cases ({@link EmgScenarios}) replayed through the whole
 * pipeline (simulator → engine → host): A-trains found against the simulator's ground truth, onset
 * error, false A-trains, train time per channel against the scripted total;</li>
 * <li>live latency: one seeded case with the simulator in real time → engine → host → alarm manager, from
 * each scripted A-train's onset to its alarm being raised and to the sound path receiving the onset
 * sample, on the wall clock. The onset's wall time is the acquisition's origin plus its case time; the
 * origin is the earliest (block arrival − its last sample's case time) seen by a consumer of the engine,
 * i.e. a block counts as existing only once its last sample is due, as from a real amplifier.</li>
 * </ol>
 * Skipped with a note when free-run EMG is not installed.
 */
final class EmgBench {

    static final String ID = "emg.freerun";
    static final double CASE_SECONDS = 120;
    /** Replay rate and channels of the detection runs (the simulator's montage holds the four free-run channels in 20). */
    static final double DETECTION_RATE = 10_000;
    static final int MIN_CHANNELS = 20;
    static final double CPU_SECONDS = 60;
    private static final Pattern ATRAIN = Pattern.compile("TRUTH A-train (\\S+) .* for (\\S+) s");

    /** A scripted A-train, from the simulator's ground truth. */
    record Train(String channel, double start, double duration) {
        double end() {
            return start + duration;
        }
    }

    /** The detection figures over the seeded replays. */
    record Detection(int scripted, int found, List<Double> onsetErrorMs, int falseTrains, double channelHours,
            List<Double> trainTimeErrorPct, List<Double> dataLatencyMs) {
    }

    /** The live run: per train found, the wall-clock latency to the alarm and to the sound path (ms). */
    record Live(int scripted, List<Double> alarmMs, List<Double> soundMs, List<Double> dataMs, String sound, long missedBlocks) {
    }

    private final BenchReport r;

    EmgBench(BenchReport r) {
        this.r = r;
    }

    boolean run(BenchOptions o, double liveSeconds) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(EmgBench.class).getBundleContext();
        ServiceReference<ModalityProcessor> held = Services.processorReference(ID);
        ModalityProcessor emg = held == null ? null : context.getService(held);
        r.printf("## Free-run EMG (CPU at 32 ch × 20 kHz; detection over %d seeded %.0f-s cases; live latency over %.0f s)%n%n",
                o.seeds(), CASE_SECONDS, liveSeconds);
        r.json.key("emg").begin('{');
        if (emg == null) {
            if (held != null) {
                context.ungetService(held);
            }
            r.printf("Free-run EMG modality not installed: skipped%n%n");
            r.json.field("installed", "no").end('}');
            return true;
        }
        EmgAudioControl sound = emg instanceof EmgAudioControl a ? a : null;
        boolean soundWasOn = sound != null && sound.enabled();
        try {
            if (sound != null) {
                sound.enabled(true); // the sound path is part of the CPU and of the latency (without a device it only mixes)
            }
            double cpu = cpu(emg, 32, 20_000, CPU_SECONDS);
            r.printf("| figure | result |%n|---|---|%n");
            r.printf("| CPU of `onBlock`, 32 ch × 20 kHz, %.0f s of signal, sound %s | %s %% of one core |%n", CPU_SECONDS,
                    sound == null ? "not installed" : "mixing on", BenchReport.num("%.2f", 100 * cpu));
            r.json.field("cpuPercent32ch20kHz", 100 * cpu);

            AcquisitionEngine engine = Services.engine();
            ProcessorHost host = Services.service(ProcessorHost.class);
            AlarmManager alarms = Services.service(AlarmManager.class);
            Detection d = detection(engine, host, alarms, o.seeds(), Files.createDirectories(o.dir()));
            print(d);
            Live live = live(engine, host, alarms, sound, liveSeconds, o.rate(), Math.max(MIN_CHANNELS, o.channels()),
                    o.dir());
            print(live, liveSeconds, o.rate(), Math.max(MIN_CHANNELS, o.channels()));
            r.printf("%n");
            r.json.end('}');
            return d.scripted() > 0 && !live.alarmMs().isEmpty();
        } finally {
            if (sound != null) {
                sound.soundMonitor(null);
                sound.enabled(soundWasOn);
            }
            context.ungetService(held);
        }
    }

    /** CPU share of one core of {@code onBlock}: noise, and a 120 Hz, 150 µV A-train on every 4th channel 1 s in 5. */
    static double cpu(ModalityProcessor p, int channels, double rate, double seconds) {
        List<Channel> list = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            list.add(new Channel(c, "EMG" + c, "uV", rate, -20_000, 20_000, ChannelRole.EMG_FREE_RUN));
        }
        ProcessorOutput out = new ProcessorOutput() {
            @Override public void measurement(Measurement m) { }
            @Override public void average(org.openionm.core.processing.AverageTrace a) { }
            @Override public void trend(org.openionm.core.processing.TrendPoint t) { }
            @Override public void alarm(AlarmCondition c) { }
        };
        Services.startWithDefaults(p, list, out);
        int block = (int) (rate / 100); // 10 ms, as the simulator delivers
        SplittableRandom random = new SplittableRandom(1);
        float[][][] noise = new float[50][channels][block];
        for (float[][] b : noise) {
            for (float[] ch : b) {
                for (int i = 0; i < block; i++) {
                    ch[i] = (float) (5 * random.nextGaussian());
                }
            }
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long blocks = Math.round(seconds * 100);
        long cpu = 0;
        for (long k = 0; k < blocks; k++) {
            float[][] data = new float[channels][];
            for (int c = 0; c < channels; c++) {
                data[c] = noise[(int) ((k + c) % noise.length)][c].clone();
                if (c % 4 == 0 && k % 500 < 100) {
                    for (int i = 0; i < block; i++) {
                        data[c][i] += (float) (150 * Math.sin(2 * Math.PI * 120 * (k * block + i) / rate));
                    }
                }
            }
            SampleBlock sb = new SampleBlock(k * block, 0, data);
            long c0 = mx.getCurrentThreadCpuTime(); // the processor only: not making the test signal
            p.onBlock(sb);
            cpu += mx.getCurrentThreadCpuTime() - c0;
        }
        p.stop();
        return cpu / 1e9 / seconds;
    }

    Detection detection(AcquisitionEngine engine, ProcessorHost host, AlarmManager alarms, int seeds, Path dir) throws Exception {
        int scripted = 0;
        int found = 0;
        int falseTrains = 0;
        List<Double> onsetError = new ArrayList<>();
        List<Double> trainTimeError = new ArrayList<>();
        List<Double> dataLatency = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            Path scenario = dir.resolve("openionm-bench-emg-" + seed + ".yaml");
            Files.writeString(scenario, EmgScenarios.yaml(seed, CASE_SECONDS));
            Heard heard = new Heard();
            host.addListener(heard);
            PipelineRun run;
            try {
                run = PipelineRun.run(engine, host, scenario.toString(), seed, DETECTION_RATE, MIN_CHANNELS, Double.NaN, false, 1800);
            } finally {
                host.removeListener(heard);
                Files.deleteIfExists(scenario);
            }
            LatencyBench.closeAll(alarms);
            if (!run.failures.isEmpty()) {
                throw new IllegalStateException("seed " + seed + ": processor failed: " + run.failures);
            }
            List<Train> truth = trains(run.truth, DETECTION_RATE);
            List<DetectedEvent> trains = heard.events.stream().filter(e -> e.kind().equals("A-train")).toList();
            for (Train t : truth) {
                scripted++;
                DetectedEvent hit = trains.stream()
                        .filter(e -> e.channel().equals(t.channel()) && Math.abs(e.timeSeconds() - t.start()) < 0.05).findFirst()
                        .orElse(null);
                if (hit != null) {
                    found++;
                    onsetError.add(1000 * Math.abs(hit.timeSeconds() - t.start()));
                }
                heard.conditions.stream().filter(c -> c.active() && c.channel().equals(t.channel())
                        && c.criterion().startsWith("A-train") && c.timeSeconds() >= t.start() && c.timeSeconds() < t.end())
                        .findFirst().ifPresent(c -> dataLatency.add(1000 * (c.timeSeconds() - t.start())));
            }
            for (DetectedEvent e : trains) {
                if (truth.stream().noneMatch(t -> t.channel().equals(e.channel()) && e.timeSeconds() < t.end() && e.endSeconds() > t.start())) {
                    falseTrains++;
                }
            }
            for (String channel : EmgScenarios.CHANNELS) {
                double expected = truth.stream().filter(t -> t.channel().equals(channel)).mapToDouble(Train::duration).sum();
                double measured = heard.lastTrainTime(channel);
                if (expected > 0 && !Double.isNaN(measured)) {
                    trainTimeError.add(100 * Math.abs(measured - expected) / expected);
                }
            }
            r.err.printf("bench: emg seed %d/%d: %d A-trains scripted, %d found in %.1f s%n", seed, seeds, truth.size(),
                    truth.stream().filter(t -> trains.stream().anyMatch(e -> e.channel().equals(t.channel())
                            && Math.abs(e.timeSeconds() - t.start()) < 0.05)).count(), run.wallSeconds);
        }
        return new Detection(scripted, found, onsetError, falseTrains, seeds * EmgScenarios.CHANNELS.length * CASE_SECONDS / 3600,
                trainTimeError, dataLatency);
    }

    Live live(AcquisitionEngine engine, ProcessorHost host, AlarmManager alarms, EmgAudioControl sound, double seconds, double rate,
            int channels, Path dir) throws Exception {
        Path scenario = dir.resolve("openionm-bench-emg-live.yaml");
        Files.writeString(scenario, EmgScenarios.yaml(1, seconds));
        Clock clock = new Clock(rate);
        List<long[]> soundBlocks = Collections.synchronizedList(new ArrayList<>()); // {end sample, nanoTime}
        List<Object[]> raises = Collections.synchronizedList(new ArrayList<>()); // {channel, case time, nanoTime}
        AlarmListener onAlarm = (snapshot, entries) -> {
            long now = System.nanoTime();
            for (AlarmLogEntry e : entries) {
                if ((e.event() == AlarmLogEntry.Event.RAISED || e.event() == AlarmLogEntry.Event.RECURRED)
                        && e.key().modality().equals(ID) && e.key().criterion().startsWith("A-train (")) {
                    raises.add(new Object[] { e.key().channel(), e.timeSeconds(), now });
                }
            }
        };
        CountDownLatch ended = new CountDownLatch(1);
        ResultListener end = new ResultListener() {
            @Override
            public void acquisitionEnded(String reason) {
                ended.countDown();
            }
        };
        if (sound != null) {
            sound.soundMonitor(sample -> soundBlocks.add(new long[] { sample, System.nanoTime() }));
        }
        alarms.addListener(onAlarm);
        host.addListener(end);
        ConsumerRegistration observer = engine.addConsumer("bench emg clock", clock, 4096);
        long missed;
        try {
            engine.start(Services.driver(engine, "simulator"),
                    new AcquisitionConfig(rate, channels, true, Map.of("scenario", scenario.toString(), "seed", "1")));
            if (!ended.await(Math.round(seconds * 3 + 60), TimeUnit.SECONDS)) {
                engine.stop();
                throw new IllegalStateException("the live run did not end within " + Math.round(seconds * 3 + 60) + " s");
            }
            while (engine.status().state() == EngineState.RUNNING) {
                Thread.sleep(10);
            }
            missed = engine.status().missedBlocksTotal();
        } finally {
            observer.close();
            host.removeListener(end);
            alarms.removeListener(onAlarm);
            if (sound != null) {
                sound.soundMonitor(null);
            }
            Files.deleteIfExists(scenario);
        }
        LatencyBench.closeAll(alarms);
        List<Train> truth = trains(clock.truth, rate);
        double origin = clock.originNanos();
        List<Double> alarmMs = new ArrayList<>();
        List<Double> soundMs = new ArrayList<>();
        List<Double> dataMs = new ArrayList<>();
        for (Train t : truth) {
            double onsetNanos = origin + t.start() * 1e9;
            synchronized (raises) {
                raises.stream().filter(x -> x[0].equals(t.channel()) && (double) x[1] >= t.start() && (double) x[1] < t.end() + 0.5)
                        .findFirst().ifPresent(x -> {
                            alarmMs.add(((long) x[2] - onsetNanos) / 1e6);
                            dataMs.add(1000 * ((double) x[1] - t.start()));
                        });
            }
            long onsetSample = (long) Math.ceil(t.start() * rate);
            synchronized (soundBlocks) {
                soundBlocks.stream().filter(b -> b[0] > onsetSample).findFirst()
                        .ifPresent(b -> soundMs.add((b[1] - onsetNanos) / 1e6));
            }
        }
        return new Live(truth.size(), alarmMs, soundMs, dataMs, sound == null ? "not installed" : sound.status(), missed);
    }

    private void print(Detection d) {
        r.printf("| A-trains found (onset within 50 ms of the truth) | %d of %d (%s %%) |%n", d.found(), d.scripted(),
                BenchReport.num("%.1f", 100.0 * d.found() / Math.max(1, d.scripted())));
        r.printf("| onset error | median %s ms, max %s ms |%n", ms(median(d.onsetErrorMs())), ms(max(d.onsetErrorMs())));
        r.printf("| false A-trains | %d in %s channel-hours |%n", d.falseTrains(), BenchReport.num("%.1f", d.channelHours()));
        r.printf("| train time per channel against the truth | median error %s %%, max %s %% (%d channels) |%n",
                BenchReport.num("%.2f", median(d.trainTimeErrorPct())), BenchReport.num("%.2f", max(d.trainTimeErrorPct())),
                d.trainTimeErrorPct().size());
        r.printf("| onset → alarm condition, data time (detector's share) | median %s ms, max %s ms |%n",
                ms(median(d.dataLatencyMs())), ms(max(d.dataLatencyMs())));
        r.json.field("scripted", d.scripted()).field("found", d.found())
                .field("sensitivity", (double) d.found() / Math.max(1, d.scripted()))
                .field("onsetErrorMedianMs", median(d.onsetErrorMs())).field("onsetErrorMaxMs", max(d.onsetErrorMs()))
                .field("falseATrains", d.falseTrains()).field("channelHours", d.channelHours())
                .field("trainTimeErrorMedianPercent", median(d.trainTimeErrorPct()))
                .field("trainTimeErrorMaxPercent", max(d.trainTimeErrorPct()))
                .field("dataLatencyMedianMs", median(d.dataLatencyMs())).field("dataLatencyMaxMs", max(d.dataLatencyMs()));
    }

    private void print(Live l, double seconds, double rate, int channels) {
        r.printf("| live (%.0f s, %d ch × %.0f Hz, real time): onset → alarm raised, wall clock | median %s ms, p95 %s ms, max %s ms"
                + " (%d of %d trains) |%n", seconds, channels, rate, ms(median(l.alarmMs())), ms(p95(l.alarmMs())), ms(max(l.alarmMs())),
                l.alarmMs().size(), l.scripted());
        r.printf("| live: of which data time (onset → the sample that confirms it) | median %s ms, max %s ms |%n",
                ms(median(l.dataMs())), ms(max(l.dataMs())));
        r.printf("| live: onset → its sample handed to the sound path (sound: %s) | median %s ms, p95 %s ms, max %s ms |%n", l.sound(),
                ms(median(l.soundMs())), ms(p95(l.soundMs())), ms(max(l.soundMs())));
        r.printf("| live: blocks missed by a consumer | %d |%n", l.missedBlocks());
        r.json.key("live").begin('{').field("seconds", seconds).field("rate", rate).field("channels", channels)
                .field("scripted", l.scripted()).field("alarms", l.alarmMs().size())
                .field("alarmLatencyMedianMs", median(l.alarmMs())).field("alarmLatencyP95Ms", p95(l.alarmMs()))
                .field("alarmLatencyMaxMs", max(l.alarmMs())).field("dataLatencyMedianMs", median(l.dataMs()))
                .field("soundLatencyMedianMs", median(l.soundMs())).field("soundLatencyMaxMs", max(l.soundMs()))
                .field("missedBlocks", l.missedBlocks()).end('}');
    }

    static List<Train> trains(List<Annotation> truth, double rate) {
        List<Train> out = new ArrayList<>();
        synchronized (truth) {
            for (Annotation a : truth) {
                Matcher m = ATRAIN.matcher(a.text());
                if (a.kind() == Annotation.Kind.GROUND_TRUTH && m.matches() && !a.text().startsWith("TRUTH A-train cluster")) {
                    out.add(new Train(m.group(1), a.sampleIndex() / rate, Double.parseDouble(m.group(2))));
                }
            }
        }
        return out;
    }

    private static String ms(double v) {
        return BenchReport.num("%.1f", v);
    }

    static double median(List<Double> v) {
        return quantile(v, 0.5);
    }

    static double p95(List<Double> v) {
        return quantile(v, 0.95);
    }

    static double max(List<Double> v) {
        return quantile(v, 1);
    }

    private static double quantile(List<Double> v, double q) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.floor(q * s.size())));
    }

    /** What the free-run processor published in one run, heard on the host's thread. */
    private static final class Heard implements ResultListener {
        final List<DetectedEvent> events = Collections.synchronizedList(new ArrayList<>());
        final List<AlarmCondition> conditions = Collections.synchronizedList(new ArrayList<>());
        final Map<String, Double> trainTime = Collections.synchronizedMap(new TreeMap<>());

        @Override
        public void event(DetectedEvent e) {
            if (e.modality().equals(ID)) {
                events.add(e);
            }
        }

        @Override
        public void alarm(AlarmCondition c) {
            if (c.modality().equals(ID)) {
                conditions.add(c);
            }
        }

        @Override
        public void measurement(Measurement m) {
            if (m.modality().equals(ID) && m.component().equals("trainTime")) {
                trainTime.put(m.channel(), m.value());
            }
        }

        double lastTrainTime(String channel) {
            return trainTime.getOrDefault(channel, Double.NaN);
        }
    }

    /** A consumer of the engine: when each block arrived, and the ground truth. */
    private static final class Clock implements SampleConsumer {
        private final double rate;
        final List<Annotation> truth = Collections.synchronizedList(new ArrayList<>());
        private volatile double origin = Double.POSITIVE_INFINITY;

        Clock(double rate) {
            this.rate = rate;
        }

        @Override
        public void onStart(String driverId, List<Channel> channels) {
        }

        @Override
        public void onBlock(SampleBlock block) {
            double o = System.nanoTime() - (block.firstSampleIndex() + block.sampleCount()) * 1e9 / rate;
            if (o < origin) {
                origin = o;
            }
        }

        @Override
        public void onAnnotation(Annotation annotation) {
            if (annotation.kind() == Annotation.Kind.GROUND_TRUTH) {
                truth.add(annotation);
            }
        }

        double originNanos() {
            return origin;
        }
    }
}
