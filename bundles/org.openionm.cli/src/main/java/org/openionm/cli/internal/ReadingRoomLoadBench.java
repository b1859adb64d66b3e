package org.openionm.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.openionm.alarm.AlarmManager;
import org.openionm.alarm.AlarmManagers;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.Provenance;
import org.openionm.readingroom.BrokerSettings;
import org.openionm.readingroom.CaseDescriptor;
import org.openionm.readingroom.CaseMessage;
import org.openionm.readingroom.CaseModel;
import org.openionm.readingroom.CaseModelListener;
import org.openionm.readingroom.OrPublisher;
import org.openionm.readingroom.ReadingRoom;
import org.openionm.readingroom.Topics;

/**
 * {@code bench reading-room --ors N --readers M}: the load run. N ORs publish 32 channels at 5 kHz in
 * real time (synthetic blocks of 10 ms, trace frames at the default 50 ms, an alarm every 500 ms per OR
 * through a real alarm manager each), M readers each follow every OR's case, one loopback mosquitto.
 * Reports per reader: alarm → reader latency p50/p99 (alarm manager call → reader's model listener) and
 * trace frames received against frames the ORs handed to the broker (QoS 0 losses); the broker's CPU
 * ({@code /proc/<pid>/stat}) and message rates in and out (its own {@code $SYS} counters, read with
 * {@code mosquitto_sub}), and the bench process's CPU (ORs, readers and signal generation share it).
 */
final class ReadingRoomLoadBench {

    private static final int CHANNELS = 32;
    private static final double RATE = 5000;
    private static final int BLOCK = 50; // 10 ms
    private static final int ALARM_EVERY_BLOCKS = 50; // 500 ms
    private static final double FRAME_SECONDS = 0.05; // OrPublisher.Options.defaults()
    private static final List<String> SYS = List.of("$SYS/broker/messages/received", "$SYS/broker/messages/sent",
            "$SYS/broker/bytes/received", "$SYS/broker/bytes/sent");

    private final BenchReport r;

    ReadingRoomLoadBench(BenchReport r) {
        this.r = r;
    }

    boolean run(int ors, int readers, double seconds) throws Exception {
        BrokerOptions.requireReadingRoom("bench reading-room");
        r.printf("## reading-room load run: %d ORs (%d ch × %.0f Hz each, real time, %.0f s, trace frames every 50 ms, an alarm every"
                + " 500 ms per OR) × %d readers each following every case, loopback mosquitto%n%n", ors, CHANNELS, RATE, seconds, readers);
        r.json.key("readingRoomLoad").begin('{').field("ors", ors).field("readers", readers).field("seconds", seconds);
        List<OrPublisher> publishers = new ArrayList<>();
        List<AlarmManager> managers = new ArrayList<>();
        List<ReadingRoom> rooms = new ArrayList<>();
        try (LoopbackBroker broker = LoopbackBroker.start()) {
            try {
                return run(broker, ors, readers, seconds, publishers, managers, rooms);
            } finally {
                // the clients go before the broker: otherwise each logs a broken pipe and retries until closed
                rooms.forEach(ReadingRoom::close);
                publishers.forEach(OrPublisher::close);
            }
        }
    }

    private boolean run(LoopbackBroker broker, int ors, int readers, double seconds, List<OrPublisher> publishers,
            List<AlarmManager> managers, List<ReadingRoom> rooms) throws Exception {
        {
            BrokerSettings settings = BrokerSettings.of(broker.uri(), "bench-or");
            for (int o = 0; o < ors; o++) {
                OrPublisher or = new OrPublisher(settings.withClientId("bench-or-" + o),
                        new CaseDescriptor(caseId(o), "bench", "OR " + (o + 1), List.of(), List.of()), OrPublisher.Options.defaults());
                AlarmManager alarms = AlarmManagers.create();
                alarms.addListener(or);
                publishers.add(or.start());
                managers.add(alarms);
            }
            // raisedAt[or]: alarm log sequence → nanoTime of the alarm manager call
            List<Map<Long, Long>> raisedAt = new ArrayList<>();
            // latencies[reader]: ms; frames[reader]: trace frames received over all cases
            List<List<Double>> latencies = new ArrayList<>();
            AtomicLong[] frames = new AtomicLong[readers];
            for (int o = 0; o < ors; o++) {
                raisedAt.add(new ConcurrentHashMap<>());
            }
            for (int k = 0; k < readers; k++) {
                rooms.add(ReadingRoom.connect(settings.withClientId("bench-reader-" + k)));
                latencies.add(java.util.Collections.synchronizedList(new ArrayList<>()));
                frames[k] = new AtomicLong();
            }
            for (OrPublisher or : publishers) {
                if (!or.awaitConnected(20_000)) {
                    throw new IllegalStateException("an OR got no connection to the loopback broker");
                }
            }
            List<CaseModel> models = new ArrayList<>();
            for (int k = 0; k < readers; k++) {
                ReadingRoom room = rooms.get(k);
                if (!room.awaitConnected(20_000)) {
                    throw new IllegalStateException("a reader got no connection to the loopback broker: " + room.lastError());
                }
                for (int o = 0; o < ors; o++) {
                    CaseModel m = room.open(caseId(o));
                    models.add(m);
                    Map<Long, Long> raised = raisedAt.get(o);
                    List<Double> lat = latencies.get(k);
                    AtomicLong fr = frames[k];
                    m.addListener(new CaseModelListener() {
                        @Override
                        public void received(CaseModel model, CaseMessage message) {
                            if (Topics.ALARM.equals(message.stream())) {
                                Long at = raised.get((long) message.number("logSequence"));
                                if (at != null) {
                                    lat.add((System.nanoTime() - at) / 1e6);
                                }
                            } else if (Topics.TRACE.equals(message.stream())) {
                                fr.incrementAndGet();
                            }
                        }
                    });
                }
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (models.stream().anyMatch(m -> m.descriptor().isEmpty()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            List<Channel> channels = java.util.stream.IntStream.range(0, CHANNELS)
                    .mapToObj(i -> new Channel(i, "C" + i, Channel.MICROVOLT, RATE, -5000, 5000, ChannelRole.EEG)).toList();
            for (OrPublisher or : publishers) {
                or.onStart("bench", channels);
            }
            // a pool of noise blocks reused by every OR: the figure is the publishing path, not the random generator
            float[][][] pool = new float[16][CHANNELS][BLOCK];
            java.util.Random random = new java.util.Random(1);
            for (float[][] b : pool) {
                for (float[] ch : b) {
                    for (int i = 0; i < BLOCK; i++) {
                        ch[i] = (float) (random.nextGaussian() * 20);
                    }
                }
            }
            long[] bytesBefore = publishers.stream().mapToLong(p -> p.stats().bytes()).toArray();
            Map<String, Long> sysBefore = sys(broker);
            long brokerCpuBefore = cpuTicks(broker.handle().pid());
            long selfCpuBefore = cpuTicks(ProcessHandle.current().pid());
            long start = System.nanoTime();
            long blocks = Math.round(seconds * RATE / BLOCK);
            long late = 0;
            for (long b = 0; b < blocks; b++) {
                long due = start + Math.round(b * BLOCK / RATE * 1e9);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } else if (wait < -100_000_000L) {
                    late++;
                }
                for (int o = 0; o < ors; o++) {
                    publishers.get(o).onBlock(new SampleBlock(b * BLOCK, 0, pool[(int) ((b + o) % pool.length)]));
                    if ((b + o * 3) % ALARM_EVERY_BLOCKS == 0) {
                        AlarmManager alarms = managers.get(o);
                        raisedAt.get(o).put(alarms.log().size() + 1L, System.nanoTime());
                        alarms.onCondition(new AlarmCondition(b * BLOCK / RATE, "ssep", "median.left", "CP" + b, "amplitude",
                                AlarmCondition.Priority.HIGH, true, "1 µV", "2 µV", new Provenance("bench", Map.of())));
                    }
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            double brokerCpu = (cpuTicks(broker.handle().pid()) - brokerCpuBefore) / (double) clockTicks();
            double selfCpu = (cpuTicks(ProcessHandle.current().pid()) - selfCpuBefore) / (double) clockTicks();
            long framesSent = 0;
            long framesDropped = 0;
            long orBytes = 0;
            long framesPerOr = (long) Math.floor(blocks * BLOCK / RATE / FRAME_SECONDS);
            for (int o = 0; o < ors; o++) {
                OrPublisher.Stats st = publishers.get(o).stats();
                framesDropped += st.framesDropped();
                framesSent += framesPerOr - st.framesDropped();
                orBytes += st.bytes() - bytesBefore[o];
            }
            long raisedTotal = raisedAt.stream().mapToLong(Map::size).sum();
            long settle = System.nanoTime() + 15_000_000_000L;
            while (System.nanoTime() < settle && latencies.stream().anyMatch(l -> l.size() < raisedTotal)) {
                Thread.sleep(50);
            }
            Thread.sleep(1500); // $SYS is refreshed every second (sys_interval 1): let it count the last messages
            Map<String, Long> sysAfter = sys(broker);
            boolean complete = true;
            r.printf("| reader | alarms received | alarm p50 ms | alarm p99 ms | alarm max ms | trace frames received | of sent | QoS 0 loss |%n");
            r.printf("|---|---|---|---|---|---|---|---|%n");
            r.json.key("perReader").begin('[');
            for (int k = 0; k < readers; k++) {
                double[] lat;
                synchronized (latencies.get(k)) {
                    lat = latencies.get(k).stream().mapToDouble(Double::doubleValue).sorted().toArray();
                }
                long fr = Math.min(frames[k].get(), Long.MAX_VALUE);
                double loss = framesSent == 0 ? Double.NaN : 100.0 * (framesSent - fr) / framesSent;
                complete &= lat.length == raisedTotal;
                r.printf("| %d | %d of %d | %.1f | %.1f | %.1f | %d | %d | %.2f %% |%n", k + 1, lat.length, raisedTotal, pct(lat, 0.5),
                        pct(lat, 0.99), pct(lat, 1), fr, framesSent, loss);
                r.json.element().begin('{').field("alarmsReceived", lat.length).field("alarmsRaised", raisedTotal)
                        .field("alarmP50Ms", pct(lat, 0.5)).field("alarmP99Ms", pct(lat, 0.99)).field("alarmMaxMs", pct(lat, 1))
                        .field("framesReceived", fr).field("framesSent", framesSent).field("frameLossPercent", loss).end('}');
            }
            r.json.end(']');
            double window = elapsed + 1.5; // the $SYS snapshots bracket the run and the settling
            double inMsg = delta(sysBefore, sysAfter, SYS.get(0)) / window;
            double outMsg = delta(sysBefore, sysAfter, SYS.get(1)) / window;
            double inBytes = delta(sysBefore, sysAfter, SYS.get(2)) / window;
            double outBytes = delta(sysBefore, sysAfter, SYS.get(3)) / window;
            r.printf("%n- signal: %.1f s in %.1f s of wall time (%d blocks more than 100 ms late); frames handed to the broker %d,"
                    + " dropped in the ORs' queues %d%n", blocks * BLOCK / RATE, elapsed, late, framesSent, framesDropped);
            r.printf("- ORs → broker: %.2f Mbit/s in all, %.2f Mbit/s per OR (payload + topic)%n", orBytes * 8 / 1e6 / elapsed,
                    orBytes * 8 / 1e6 / elapsed / ors);
            r.printf("- broker ($SYS): in %.0f msg/s, %.2f MB/s; out %.0f msg/s, %.2f MB/s%n", inMsg, inBytes / 1e6, outMsg, outBytes / 1e6);
            r.printf("- broker CPU: %.1f %% of one core; bench process (ORs + readers + signal) CPU: %.1f %% of one core (%d cores)%n%n",
                    100 * brokerCpu / elapsed, 100 * selfCpu / elapsed, Runtime.getRuntime().availableProcessors());
            r.json.field("elapsedSeconds", elapsed).field("lateBlocks", late).field("framesSent", framesSent)
                    .field("framesDroppedAtOr", framesDropped).field("orMbitPerSecond", orBytes * 8 / 1e6 / elapsed)
                    .field("brokerInMsgPerSecond", inMsg).field("brokerOutMsgPerSecond", outMsg)
                    .field("brokerInBytesPerSecond", inBytes).field("brokerOutBytesPerSecond", outBytes)
                    .field("brokerCpuPercent", 100 * brokerCpu / elapsed).field("benchCpuPercent", 100 * selfCpu / elapsed);
            r.json.end('}');
            for (OrPublisher or : publishers) {
                or.onStop("end");
            }
            return complete;
        }
    }

    static String caseId(int or) {
        return "LOAD-" + (or + 1);
    }

    /** utime + stime of a process in clock ticks, from /proc/<pid>/stat (fields 14 and 15). */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after "pid (comm) " field 3 (state) is f[0], so field n is f[n - 3]
        return Long.parseLong(f[14 - 3]) + Long.parseLong(f[15 - 3]);
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor(5, TimeUnit.SECONDS);
            return Long.parseLong(s);
        } catch (IOException | NumberFormatException | InterruptedException e) {
            return 100; // Linux's USER_HZ nearly everywhere
        }
    }

    /** The broker's own counters (retained $SYS topics, refreshed every second). */
    private static Map<String, Long> sys(LoopbackBroker broker) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(broker.port()), "-v", "-C",
                String.valueOf(SYS.size()), "-W", "10"));
        for (String t : SYS) {
            cmd.add("-t");
            cmd.add(t);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(15, TimeUnit.SECONDS);
        Map<String, Long> m = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] kv = line.trim().split(" ");
            if (kv.length == 2 && SYS.contains(kv[0])) {
                m.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        return m;
    }

    private static double delta(Map<String, Long> before, Map<String, Long> after, String key) {
        return before.containsKey(key) && after.containsKey(key) ? after.get(key) - before.get(key) : Double.NaN;
    }

    private static double pct(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))];
    }
}
