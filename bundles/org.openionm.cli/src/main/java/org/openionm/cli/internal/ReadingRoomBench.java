package org.openionm.cli.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * {@code bench reading-room}: one OR publishing 32 channels at 5 kHz in real time (synthetic signal,
 * blocks of 10 ms) plus an alarm every 50 ms through a real alarm manager, one reader, a loopback
 * mosquitto. Measures alarm → reader latency (from the alarm manager call to the reader's model
 * listener), trace frame → reader latency (from the frame's publication stamp), the OR's bandwidth
 * (payload + topic bytes per second of signal, trace alone and all), and the broker's CPU.
 */
final class ReadingRoomBench {

    private static final int CHANNELS = 32;
    private static final double RATE = 5000;
    private static final int BLOCK = 50; // 10 ms

    private final BenchReport r;

    ReadingRoomBench(BenchReport r) {
        this.r = r;
    }

    boolean run(double seconds) throws Exception {
        BrokerOptions.requireReadingRoom("bench reading-room");
        r.printf("## reading-room: 1 OR (%d ch × %.0f Hz, real time, %.0f s, an alarm every 50 ms), 1 reader, loopback mosquitto%n%n",
                CHANNELS, RATE, seconds);
        r.json.key("readingRoom").begin('{');
        try (LoopbackBroker broker = LoopbackBroker.start()) {
            BrokerSettings settings = BrokerSettings.of(broker.uri(), "bench-or");
            OrPublisher or = new OrPublisher(settings, new CaseDescriptor("BENCH-1", "bench", "loopback", List.of(), List.of()),
                    OrPublisher.Options.defaults());
            AlarmManager alarms = AlarmManagers.create();
            alarms.addListener(or);
            or.start();
            Map<Long, Long> raisedAt = new ConcurrentHashMap<>();
            Map<Long, Long> receivedAt = new ConcurrentHashMap<>();
            double[] frameLatency = new double[(int) (seconds * 20 + 100)];
            AtomicLong frames = new AtomicLong();
            try (ReadingRoom reader = ReadingRoom.connect(settings.withClientId("bench-reader"))) {
                if (!or.awaitConnected(10_000) || !reader.awaitConnected(10_000)) {
                    throw new IllegalStateException("no connection to the loopback broker: " + reader.lastError());
                }
                CaseModel m = reader.open("BENCH-1");
                m.addListener(new CaseModelListener() {
                    @Override
                    public void received(CaseModel model, CaseMessage message) {
                        long now = System.nanoTime();
                        if (Topics.ALARM.equals(message.stream())) {
                            receivedAt.put((long) message.number("logSequence"), now);
                        } else if (Topics.TRACE.equals(message.stream())) {
                            long i = frames.getAndIncrement();
                            if (i < frameLatency.length) {
                                frameLatency[(int) i] = System.currentTimeMillis() - message.wallMillis();
                            }
                        }
                    }
                });
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (m.descriptor().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                List<Channel> channels = java.util.stream.IntStream.range(0, CHANNELS)
                        .mapToObj(i -> new Channel(i, "C" + i, Channel.MICROVOLT, RATE, -5000, 5000, ChannelRole.EEG)).toList();
                or.onStart("bench", channels);
                long bytesBefore = or.stats().bytes();
                long cpuBefore = cpu(broker);
                long start = System.nanoTime();
                long blocks = Math.round(seconds * RATE / BLOCK);
                java.util.Random random = new java.util.Random(1);
                for (long b = 0; b < blocks; b++) {
                    long due = start + Math.round(b * BLOCK / RATE * 1e9);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    float[][] s = new float[CHANNELS][BLOCK];
                    for (float[] ch : s) {
                        for (int k = 0; k < BLOCK; k++) {
                            ch[k] = (float) (random.nextGaussian() * 20);
                        }
                    }
                    or.onBlock(new SampleBlock(b * BLOCK, 0, s));
                    if (b % 5 == 0) { // every 50 ms
                        long seq = alarms.log().size() + 1L;
                        raisedAt.put(seq, System.nanoTime());
                        alarms.onCondition(new AlarmCondition(b * BLOCK / RATE, "ssep", "median.left", "CP" + b, "amplitude",
                                AlarmCondition.Priority.HIGH, true, "1 µV", "2 µV", new Provenance("bench", Map.of())));
                    }
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                or.onStop("end");
                or.awaitDrained(10_000);
                long end2 = System.nanoTime() + 10_000_000_000L;
                while (receivedAt.size() < raisedAt.size() && System.nanoTime() < end2) {
                    Thread.sleep(10);
                }
                double brokerCpu = (cpu(broker) - cpuBefore) / 1e9;
                OrPublisher.Stats st = or.stats();
                double[] lat = raisedAt.entrySet().stream().filter(e -> receivedAt.containsKey(e.getKey()))
                        .mapToDouble(e -> (receivedAt.get(e.getKey()) - e.getValue()) / 1e6).sorted().toArray();
                int n = (int) Math.min(frames.get(), frameLatency.length);
                double[] fl = Arrays.copyOf(frameLatency, n);
                Arrays.sort(fl);
                double mbit = (st.bytes() - bytesBefore) * 8 / 1e6 / elapsed;
                r.printf("- alarm → reader: median %.1f ms, p99 %.1f ms, max %.1f ms (%d of %d alarms received)%n", pct(lat, 0.5),
                        pct(lat, 0.99), pct(lat, 1), lat.length, raisedAt.size());
                r.printf("- trace frame → reader (publication stamp, ms clock): median %.0f ms, p99 %.0f ms (%d frames)%n",
                        pct(fl, 0.5), pct(fl, 0.99), n);
                r.printf("- bandwidth OR → broker: %.2f Mbit/s for %d ch (trace frames %d dropped of %d)%n", mbit, CHANNELS,
                        st.framesDropped(), st.framesDropped() + n);
                r.printf("- broker CPU: %.1f %% of one core%n%n", 100 * brokerCpu / elapsed);
                r.json.field("alarmLatencyMedianMs", pct(lat, 0.5)).field("alarmLatencyP99Ms", pct(lat, 0.99))
                        .field("alarmsReceived", lat.length).field("alarmsRaised", raisedAt.size())
                        .field("frameLatencyMedianMs", pct(fl, 0.5)).field("frameLatencyP99Ms", pct(fl, 0.99))
                        .field("mbitPerSecond", mbit).field("brokerCpuPercent", 100 * brokerCpu / elapsed);
                r.json.end('}');
                return lat.length == raisedAt.size();
            } finally {
                or.close();
            }
        }
    }

    private static long cpu(LoopbackBroker b) {
        return b.handle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private static double pct(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))];
    }
}
