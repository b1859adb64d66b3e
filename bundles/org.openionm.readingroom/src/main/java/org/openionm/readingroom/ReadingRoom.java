package org.openionm.readingroom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.openionm.readingroom.internal.Envelopes;
import org.openionm.readingroom.internal.MqttLink;

/**
 * The reader side: one connection to the broker, the list of live cases (their retained
 * descriptors) and a {@link CaseModel} per opened case. Opening a case subscribes to all of it and asks
 * the OR for its history (MQTT 5 request/response: a response topic of this client and correlation
 * data), so a reader who joins mid-case — or comes back after a lost connection — has everything so
 * far; the model de-duplicates what arrives twice.
 *
 * @since 0.2.0
 */
public final class ReadingRoom implements AutoCloseable {

    private static final long REQUEST_TIMEOUT_MS = 10_000;

    private final BrokerSettings settings;
    private final MqttLink link;
    private final Map<String, CaseModel> open = new ConcurrentHashMap<>();
    private final Map<String, CaseDescriptor> live = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong chatSeq = new AtomicLong();
    private final String epoch = "reader-" + UUID.randomUUID().toString().substring(0, 8);
    private final Object subscriptions = new Object();
    private volatile MqttAsyncClient client;

    private static final class Pending {
        final List<JsonObject> parts = new ArrayList<>();
        final CompletableFuture<List<JsonObject>> done = new CompletableFuture<>();
    }

    private ReadingRoom(BrokerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.link = new MqttLink(settings, new MqttLink.Handler() {
            @Override
            public void connected(MqttAsyncClient c) throws MqttException {
                synchronized (subscriptions) { // a case opened meanwhile is either in open here or sees client set
                    subscribe(c, Topics.CASES + "+/" + Topics.DESCRIPTOR, null);
                    subscribe(c, Topics.responseTopic(settings.clientId()), null);
                    for (CaseModel m : open.values()) {
                        subscribeCase(c, m);
                    }
                    client = c;
                }
                open.values().forEach(m -> m.readerConnection(true, ""));
                for (CaseModel m : open.values()) {
                    requestHistoryAsync(m);
                }
            }

            @Override
            public void lost(String reason) {
                client = null; // not under the lock: Paho's callback thread must never wait on a subscribing handler
                open.values().forEach(m -> m.readerConnection(false, reason));
            }

            @Override
            public void message(String topic, MqttMessage message) {
                onMessage(topic, message);
            }
        }, null);
    }

    /** Starts connecting in the background (reconnecting with back-off after any loss). */
    public static ReadingRoom connect(BrokerSettings settings) {
        ReadingRoom r = new ReadingRoom(settings);
        r.link.start();
        return r;
    }

    public boolean awaitConnected(long timeoutMs) throws InterruptedException {
        return link.awaitConnected(timeoutMs);
    }

    public boolean connected() {
        return link.connected();
    }

    /** Why the last connection failed or was lost ("" when none did); never contains credentials. */
    public String lastError() {
        return link.lastError();
    }

    /** The live cases whose descriptors this reader may see, by case id. */
    public Map<String, CaseDescriptor> liveCases() {
        return Map.copyOf(live);
    }

    public Map<String, CaseModel> openCases() {
        return Map.copyOf(open);
    }

    /** Opens a case (or returns the one open): subscribes and asks for its history. */
    public CaseModel open(String caseId) {
        Topics.checkCaseId(caseId);
        CaseModel[] created = new CaseModel[1];
        CaseModel m;
        synchronized (subscriptions) {
            m = open.computeIfAbsent(caseId, id -> created[0] = new CaseModel(id, this));
            MqttAsyncClient c = client; // null until the connected handler has subscribed: it then subscribes every open case
            if (created[0] != null && c != null) {
                try {
                    subscribeCase(c, m);
                    m.readerConnection(true, "");
                    requestHistoryAsync(m);
                } catch (MqttException e) {
                    m.denied(e.getMessage());
                }
            } else if (created[0] != null) {
                m.readerConnection(false, link.lastError());
            }
        }
        return m;
    }

    private void subscribe(MqttAsyncClient c, String filter, CaseModel model) throws MqttException {
        IMqttToken t = c.subscribe(new MqttSubscription(filter, 1));
        t.waitForCompletion(REQUEST_TIMEOUT_MS);
        int[] codes = t.getReasonCodes();
        if (model != null && codes != null && codes.length > 0 && codes[0] >= 0x80) {
            model.denied("the broker refused the subscription to " + filter + " (reason code " + codes[0] + ")");
        }
    }

    private void subscribeCase(MqttAsyncClient c, CaseModel m) throws MqttException {
        subscribe(c, Topics.caseFilter(m.caseId()), m);
    }

    private void requestHistoryAsync(CaseModel m) {
        Thread t = new Thread(() -> {
            try {
                for (JsonObject part : request(m.caseId(), historyRequest(), REQUEST_TIMEOUT_MS)) {
                    if (part.has("messages")) {
                        for (JsonElement e : part.getAsJsonArray("messages")) {
                            Envelopes.decode(m.caseId(), e.getAsJsonObject()).ifPresent(m::accept);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // the OR is away: the next (re)connect asks again
            }
        }, "openionm-readingroom-history-" + m.caseId());
        t.setDaemon(true);
        t.start();
    }

    private static JsonObject historyRequest() {
        JsonObject r = new JsonObject();
        r.addProperty("type", "history");
        return r;
    }

    /** Sends a request to a case's OR and collects every part of its answer. */
    List<JsonObject> request(String caseId, JsonObject body, long timeoutMs) throws InterruptedException {
        String correlation = UUID.randomUUID().toString();
        Pending p = new Pending();
        pending.put(correlation, p);
        try {
            MqttProperties props = new MqttProperties();
            props.setResponseTopic(Topics.responseTopic(settings.clientId()));
            props.setCorrelationData(correlation.getBytes(StandardCharsets.UTF_8));
            link.publish(Topics.caseTopic(caseId, Topics.REQUEST), Envelopes.bytes(body), 1, false, props);
            return p.done.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (MqttException e) {
            throw new IllegalStateException("cannot send the request to case " + caseId + ": " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("case " + caseId + " did not answer within " + timeoutMs + " ms", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pending.remove(correlation);
        }
    }

    CaseModel.RawWindow requestRaw(String caseId, int channel, long first, int count, long timeoutMs) throws InterruptedException {
        JsonObject r = new JsonObject();
        r.addProperty("type", "raw");
        r.addProperty("channel", channel);
        r.addProperty("first", first);
        r.addProperty("count", count);
        JsonObject a = request(caseId, r, timeoutMs).get(0);
        if (a.has("error")) {
            throw new IllegalStateException("case " + caseId + ": " + a.get("error").getAsString());
        }
        return new CaseModel.RawWindow(a.get("channel").getAsInt(), a.get("first").getAsLong(), a.get("rate").getAsDouble(),
                Envelopes.floats(a.get("samples").getAsString()));
    }

    void acknowledge(String caseId, CaseMessage alarm, String note) {
        JsonObject b = new JsonObject();
        for (String f : List.of("modality", "site", "channel", "criterion")) {
            b.addProperty(f, alarm.text(f));
        }
        b.addProperty("user", user());
        b.addProperty("note", note == null ? "" : note);
        publishOwn(caseId, Topics.ACK, b);
    }

    void chat(String caseId, String text) {
        JsonObject b = new JsonObject();
        b.addProperty("author", user());
        b.addProperty("text", text);
        b.addProperty("from", "reader");
        publishOwn(caseId, Topics.CHAT, b);
    }

    private String user() {
        return settings.user() == null ? settings.clientId() : settings.user();
    }

    private void publishOwn(String caseId, String stream, JsonObject body) {
        try {
            link.publish(Topics.caseTopic(caseId, stream),
                    Envelopes.encode(stream, epoch, chatSeq.incrementAndGet(), Double.NaN, System.currentTimeMillis(), body), 1,
                    false, null).waitForCompletion(REQUEST_TIMEOUT_MS);
        } catch (MqttException e) {
            throw new IllegalStateException("cannot send to case " + caseId + ": " + e.getMessage(), e);
        }
    }

    private void onMessage(String topic, MqttMessage message) {
        if (topic.equals(Topics.responseTopic(settings.clientId()))) {
            byte[] corr = message.getProperties() == null ? null : message.getProperties().getCorrelationData();
            Pending p = corr == null ? null : pending.get(new String(corr, StandardCharsets.UTF_8));
            if (p != null) {
                JsonObject part = Envelopes.parse(message.getPayload());
                synchronized (p) {
                    p.parts.add(part);
                    if (p.parts.size() == part.get("parts").getAsInt()) {
                        p.parts.sort((x, y) -> Integer.compare(x.get("part").getAsInt(), y.get("part").getAsInt()));
                        p.done.complete(List.copyOf(p.parts));
                    }
                }
            }
            return;
        }
        Topics.parse(topic).ifPresent(cs -> {
            String caseId = cs[0];
            byte[] payload = message.getPayload();
            if (Topics.DESCRIPTOR.equals(cs[1])) {
                if (payload.length == 0) {
                    live.remove(caseId);
                } else {
                    Envelopes.decode(caseId, payload).ifPresent(m -> {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> b = new LinkedHashMap<>(m.body());
                        live.put(caseId, new CaseDescriptor(caseId, m.text("procedure"), m.text("room"),
                                ((List<Object>) b.getOrDefault("modalities", List.of())).stream().map(Object::toString).toList(),
                                ((List<Object>) b.getOrDefault("team", List.of())).stream().map(Object::toString).toList()));
                    });
                }
            }
            CaseModel model = open.get(caseId);
            if (model != null && payload.length > 0 && !Topics.REQUEST.equals(cs[1]) && !Topics.ACK.equals(cs[1])) {
                Envelopes.decode(caseId, payload).ifPresent(model::accept);
            }
        });
    }

    @Override
    public void close() {
        link.close();
        pending.values().forEach(p -> p.done.completeExceptionally(new IllegalStateException("reading room closed")));
    }
}
