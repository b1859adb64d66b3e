package org.openionm.readingroom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

import com.google.gson.JsonObject;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.openionm.acquisition.SampleConsumer;
import org.openionm.alarm.AlarmListener;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmManager;
import org.openionm.alarm.AlarmSnapshot;
import org.openionm.core.model.Channel;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.DetectedEvent;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.TrendPoint;
import org.openionm.processing.ResultListener;
import org.openionm.readingroom.internal.Bodies;
import org.openionm.readingroom.internal.Envelopes;
import org.openionm.readingroom.internal.MqttLink;
import org.openionm.readingroom.internal.RawRing;
import org.openionm.readingroom.internal.ReaderRequests;
import org.openionm.readingroom.internal.TraceFrames;

/**
 * The OR side of the reading room: one case published to an MQTT 5 broker. It is an engine
 * {@link SampleConsumer} (trace frames, raw ring), a {@link ResultListener} (averages, measurements,
 * trends, detected events) and an {@link AlarmListener} (every alarm log entry); the case layer adds
 * event-log entries with {@link #logEntry}. It answers readers' requests (history for a late join,
 * raw samples on demand) and hands their acknowledgements to the alarm manager.
 *
 * <p>It never makes monitoring wait or fail: every callback only enqueues into bounded queues and
 * returns; one sender thread publishes. While the broker is away trace frames are dropped (their
 * sequence numbers are spent, so readers see the gap) and QoS 1 messages wait (up to
 * {@code reliableQueue}; beyond it the oldest is dropped from the queue, but every QoS 1 message
 * stays in the history a reader asks for after a gap, so it is not lost to the reader).
 *
 * @since 0.2.0
 */
public final class OrPublisher implements SampleConsumer, ResultListener, AlarmListener, AutoCloseable {

    /** Frame length, display resolution, queue sizes and the raw window kept for requests. */
    public record Options(double frameMs, double columnsPerSecond, int reliableQueue, int frameQueue, double rawSeconds) {
        public static Options defaults() {
            return new Options(50, 250, 100_000, 64, 30);
        }

        public Options {
            if (!(frameMs >= 20 && frameMs <= 100)) {
                throw new IllegalArgumentException("frameMs must be 20-100 ms (docs/reading-room.md), was " + frameMs);
            }
        }
    }

    /** Counters for status displays and the bench. */
    public record Stats(boolean connected, long published, long bytes, long framesDropped, long reliableDropped,
            int reliableQueued, long connects) {
    }

    private record Outgoing(String topic, byte[] payload, int qos, boolean retained, MqttProperties properties) {
    }

    private static final long PUBLISH_TIMEOUT_MS = 5000;

    private final CaseDescriptor descriptor;
    private final Options options;
    private final String epoch = Long.toString(System.currentTimeMillis(), 36) + "-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, AtomicLong> sequences = new HashMap<>();
    // QoS 1 envelopes in publication order; measurement and average keep only the newest per key, so a
    // long case's history stays bounded by its alarms, events, chat and trend points
    private final java.util.LinkedHashMap<String, String> history = new java.util.LinkedHashMap<>();
    private final BlockingQueue<Outgoing> reliable;
    private final BlockingQueue<Outgoing> frames;
    private final MqttLink link;
    private final Thread sender;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong framesDropped = new AtomicLong();
    private final AtomicLong reliableDropped = new AtomicLong();
    private volatile AlarmManager alarmManager;
    private volatile java.util.function.Consumer<CaseMessage> readerChat = m -> { };
    private volatile DoubleSupplier caseTime = () -> Double.NaN;
    private volatile double sampleRate = Double.NaN;
    private volatile List<Channel> channels = List.of();
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
    private TraceFrames traceFrames; // consumer thread only
    private RawRing raw;

    public OrPublisher(BrokerSettings broker, CaseDescriptor descriptor, Options options) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.options = Objects.requireNonNull(options, "options");
        this.reliable = new ArrayBlockingQueue<>(options.reliableQueue());
        this.frames = new ArrayBlockingQueue<>(options.frameQueue());
        String statusTopic = Topics.caseTopic(descriptor.caseId(), Topics.STATUS);
        this.link = new MqttLink(broker, new MqttLink.Handler() {
            @Override
            public void connected(MqttAsyncClient client) throws MqttException {
                client.subscribe(new MqttSubscription[] { new MqttSubscription(Topics.caseTopic(descriptor.caseId(), Topics.REQUEST), 1),
                        new MqttSubscription(Topics.caseTopic(descriptor.caseId(), Topics.ACK), 1),
                        new MqttSubscription(Topics.caseTopic(descriptor.caseId(), Topics.CHAT), 1) }).waitForCompletion(PUBLISH_TIMEOUT_MS);
                // retained state again after every connect: a restarted broker without persistence has lost it
                enqueueRetained(Topics.STATUS, Bodies.status("live"));
                enqueueRetained(Topics.DESCRIPTOR, Bodies.descriptor(descriptor, epoch));
                if (!channels.isEmpty()) {
                    enqueueRetained(Topics.CHANNELS, Bodies.channels(channels));
                }
            }

            @Override
            public void lost(String reason) {
            }

            @Override
            public void message(String topic, MqttMessage message) {
                onRequest(topic, message);
            }
        }, o -> will(o, statusTopic));
        this.sender = new Thread(this::send, "openionm-readingroom-" + descriptor.caseId());
        this.sender.setDaemon(true);
    }

    private void will(MqttConnectionOptions o, String statusTopic) {
        MqttMessage will = new MqttMessage(Envelopes.encode(Topics.STATUS, epoch, 0, Double.NaN, System.currentTimeMillis(),
                Bodies.status("offline")), 1, true, new MqttProperties());
        o.setWill(statusTopic, will);
    }

    /** Starts connecting (in the background: the broker may be away) and the sender. */
    public OrPublisher start() {
        link.start();
        sender.start();
        return this;
    }

    /** Acknowledgements from readers go to this alarm manager, at the case time given. */
    public void acknowledgeInto(AlarmManager manager, DoubleSupplier caseTimeSeconds) {
        this.alarmManager = manager;
        this.caseTime = Objects.requireNonNull(caseTimeSeconds, "caseTimeSeconds");
    }

    /** Chat lines from readers (author = the reader's user) go here: the case layer keeps them in the event log. */
    public void onReaderChat(java.util.function.Consumer<CaseMessage> listener) {
        this.readerChat = Objects.requireNonNull(listener, "listener");
    }

    public String epoch() {
        return epoch;
    }

    public CaseDescriptor descriptor() {
        return descriptor;
    }

    public Stats stats() {
        return new Stats(link.connected(), published.get(), bytes.get(), framesDropped.get(), reliableDropped.get(),
                reliable.size(), link.connects());
    }

    public boolean awaitConnected(long timeoutMs) throws InterruptedException {
        return link.awaitConnected(timeoutMs);
    }

    /** True once every QoS 1 message enqueued so far was accepted by the broker (or the timeout passed: false). */
    public boolean awaitDrained(long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + timeoutMs * 1_000_000;
        while (System.nanoTime() < end) {
            synchronized (this) {
                if (reliable.isEmpty() && !sending) {
                    return true;
                }
                wait(20);
            }
        }
        return false;
    }

    // ---- event log (the case layer) --------------------------------------------------------------

    /** An event-log entry of the open case (type, text, author), stamped with case time. */
    public void logEntry(double caseSeconds, String type, String text, String author) {
        enqueue(Topics.EVENT, caseSeconds, Bodies.logEntry(type, text, author));
    }

    /** A chat line from the OR (the technologist). */
    public void chat(double caseSeconds, String author, String text) {
        enqueue(Topics.CHAT, caseSeconds, Bodies.chat(author, text, "or"));
    }

    // ---- SampleConsumer --------------------------------------------------------------------------

    @Override
    public void onStart(String driverId, List<Channel> list) {
        channels = List.copyOf(list);
        double rate = list.isEmpty() ? 1 : list.get(0).samplingRateHz();
        sampleRate = rate;
        int frameSamples = Math.max(1, (int) Math.round(rate * options.frameMs() / 1000));
        int columnSamples = Math.max(1, (int) Math.round(rate / options.columnsPerSecond()));
        while (frameSamples % columnSamples != 0) { // whole columns per frame: at most columnsPerSecond
            columnSamples++;
        }
        traceFrames = new TraceFrames(list.size(), frameSamples, columnSamples, this::frame);
        raw = new RawRing(list.size(), Math.max(1, (int) Math.round(rate * options.rawSeconds())));
        enqueueRetained(Topics.CHANNELS, Bodies.channels(channels));
    }

    @Override
    public void onBlock(SampleBlock block) {
        if (traceFrames == null) {
            return;
        }
        float[][] data = new float[block.channelCount()][];
        for (int c = 0; c < data.length; c++) {
            data[c] = block.channel(c);
        }
        raw.samples(block.firstSampleIndex(), data);
        traceFrames.samples(block.firstSampleIndex(), data);
    }

    @Override
    public void onGap(DataGap gap) {
        if (traceFrames != null) {
            traceFrames.flush();
        }
    }

    @Override
    public void onStop(String reason) {
        if (traceFrames != null) {
            traceFrames.flush();
        }
    }

    private void frame(TraceFrames.Frame f) {
        enqueue(Topics.TRACE, f.firstSample() / sampleRate, Bodies.frame(f, sampleRate));
    }

    // ---- ResultListener --------------------------------------------------------------------------

    @Override
    public void measurement(Measurement m) {
        enqueue(Topics.MEASUREMENT, m.timeSeconds(), Bodies.measurement(m));
    }

    @Override
    public void average(AverageTrace a) {
        enqueue(Topics.AVERAGE, a.timeSeconds(), Bodies.average(a));
    }

    @Override
    public void trend(TrendPoint p) {
        enqueue(Topics.TREND, p.timeSeconds(), Bodies.trend(p));
    }

    @Override
    public void event(DetectedEvent e) {
        enqueue(Topics.EVENT, e.timeSeconds(), Bodies.detected(e));
    }

    // ---- AlarmListener ---------------------------------------------------------------------------

    @Override
    public void alarmsChanged(AlarmSnapshot snapshot, List<AlarmLogEntry> entries) {
        for (AlarmLogEntry e : entries) {
            enqueue(Topics.ALARM, e.timeSeconds(), Bodies.alarm(e));
        }
    }

    // ---- queueing --------------------------------------------------------------------------------

    private void enqueueRetained(String stream, JsonObject body) {
        byte[] payload = Envelopes.encode(stream, epoch, 0, Double.NaN, System.currentTimeMillis(), body);
        offerReliable(new Outgoing(Topics.caseTopic(descriptor.caseId(), stream), payload, 1, true, null));
    }

    private void enqueue(String stream, double caseSeconds, JsonObject body) {
        if (closed) {
            return;
        }
        int qos = Topics.qos(stream);
        byte[] payload;
        synchronized (sequences) { // one lock orders sequence number, history and queue
            long seq = sequences.computeIfAbsent(stream, s -> new AtomicLong()).incrementAndGet();
            payload = Envelopes.encode(stream, epoch, seq, caseSeconds, System.currentTimeMillis(), body);
            Outgoing o = new Outgoing(Topics.caseTopic(descriptor.caseId(), stream), payload, qos, false, null);
            if (qos == 0) {
                if (!link.connected() || !frames.offer(o)) {
                    framesDropped.incrementAndGet();
                }
                synchronized (this) {
                    notifyAll();
                }
                return;
            }
            String key = Bodies.historyKey(stream, seq, body);
            history.remove(key); // re-inserted at the end: the history stays in publication order
            history.put(key, new String(payload, StandardCharsets.UTF_8));
            offerReliable(o);
        }
    }

    private void offerReliable(Outgoing o) {
        while (!reliable.offer(o)) {
            if (reliable.poll() != null) {
                reliableDropped.incrementAndGet();
            }
        }
        synchronized (this) {
            notifyAll();
        }
    }

    private boolean sending;

    private void send() {
        Outgoing pending = null;
        while (!closed) {
            try {
                if (pending == null) {
                    synchronized (this) {
                        pending = reliable.poll();
                        sending = pending != null;
                    }
                }
                if (pending == null) {
                    Outgoing f = frames.poll();
                    if (f != null) {
                        if (link.connected()) {
                            publish(f, false);
                        } else {
                            framesDropped.incrementAndGet();
                        }
                        continue;
                    }
                    synchronized (this) { // woken by either queue: an alarm never waits for a frame's poll timeout
                        if (reliable.isEmpty() && frames.isEmpty() && !closed) {
                            wait(20);
                        }
                    }
                    continue;
                }
                if (!link.awaitConnected(200)) {
                    continue;
                }
                if (publish(pending, true)) {
                    pending = null;
                    synchronized (this) {
                        sending = false;
                        notifyAll();
                    }
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Publishes one message; for QoS 1 waits for the broker's PUBACK, and on failure the link reconnects. */
    private boolean publish(Outgoing o, boolean await) {
        try {
            var token = link.publish(o.topic(), o.payload(), o.qos(), o.retained(), o.properties());
            if (await) {
                token.waitForCompletion(PUBLISH_TIMEOUT_MS);
            }
            published.incrementAndGet();
            bytes.addAndGet(o.payload().length + o.topic().length());
            return true;
        } catch (MqttException | RuntimeException e) {
            if (o.qos() == 0) {
                framesDropped.incrementAndGet();
            }
            link.reportBroken("publish failed: " + e.getMessage());
            return false;
        }
    }

    // ---- requests from readers -------------------------------------------------------------------

    private void onRequest(String topic, MqttMessage message) {
        try {
            if (topic.endsWith("/" + Topics.CHAT)) {
                Envelopes.decode(descriptor.caseId(), message.getPayload()).filter(m -> "reader".equals(m.text("from")))
                        .ifPresent(readerChat);
                return;
            }
            if (topic.endsWith("/" + Topics.ACK)) {
                onAck(Envelopes.parse(message.getPayload()));
                return;
            }
            MqttProperties p = message.getProperties();
            String responseTopic = p == null ? null : p.getResponseTopic();
            if (responseTopic == null || !responseTopic.startsWith(Topics.ROOT + "/reader/")) {
                return; // nowhere to answer, or somewhere a reader may not be
            }
            JsonObject request = Envelopes.parse(message.getPayload());
            String type = request.has("type") ? request.get("type").getAsString() : "";
            List<JsonObject> parts = switch (type) {
                case "history" -> ReaderRequests.historyParts(historySnapshot());
                case "raw" -> List.of(ReaderRequests.raw(request, raw, sampleRate, options.rawSeconds()));
                default -> List.of(ReaderRequests.error("unknown request type '" + type + "'"));
            };
            for (int i = 0; i < parts.size(); i++) {
                JsonObject part = parts.get(i);
                part.addProperty("part", i);
                part.addProperty("parts", parts.size());
                MqttProperties rp = new MqttProperties();
                rp.setCorrelationData(p.getCorrelationData());
                offerReliable(new Outgoing(responseTopic, Envelopes.bytes(part), 1, false, rp));
            }
        } catch (RuntimeException e) {
            // a malformed request is ignored: a reader cannot make the OR fail
        }
    }

    private void onAck(JsonObject ack) {
        AlarmManager manager = alarmManager;
        if (manager != null) {
            ReaderRequests.ack(ack).ifPresent(a -> manager.acknowledge(a.key(), "reading room: " + a.user(), caseTime.getAsDouble(), a.note()));
        }
    }

    private List<String> historySnapshot() {
        synchronized (sequences) {
            return new ArrayList<>(history.values());
        }
    }

    /** Publishes "closed", removes the retained descriptor (the case leaves the live list), drains for at most 2 s, and disconnects. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        enqueueRetained(Topics.STATUS, Bodies.status("closed"));
        offerReliable(new Outgoing(Topics.caseTopic(descriptor.caseId(), Topics.DESCRIPTOR), new byte[0], 1, true, null));
        try {
            awaitDrained(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        sender.interrupt();
        try {
            sender.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        link.close();
    }
}
