package org.openionm.readingroom.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.openionm.alarm.AlarmKey;

/**
 * The OR's answers to readers (MQTT 5 request/response, docs/reading-room.md): the history in parts of
 * {@value #HISTORY_PART} messages (late join, catch-up after a loss), a raw window from the ring, an
 * error; and an acknowledgement's alarm key, user and note.
 */
public final class ReaderRequests {

    /** Messages per history part. */
    public static final int HISTORY_PART = 500;

    /** What a reader's acknowledgement names. */
    public record Ack(AlarmKey key, String user, String note) {
    }

    private ReaderRequests() {
    }

    /** The history (envelopes in publication order) in parts; at least one part, empty when there is no history. */
    public static List<JsonObject> historyParts(List<String> history) {
        List<JsonObject> parts = new ArrayList<>();
        ArrayDeque<String> rest = new ArrayDeque<>(history);
        do {
            JsonObject part = new JsonObject();
            part.addProperty("type", "history");
            JsonArray messages = new JsonArray();
            for (int i = 0; i < HISTORY_PART && !rest.isEmpty(); i++) {
                messages.add(Envelopes.parse(rest.poll().getBytes(StandardCharsets.UTF_8)));
            }
            part.add("messages", messages);
            parts.add(part);
        } while (!rest.isEmpty());
        return parts;
    }

    /** Samples of a channel from the raw ring (null: no acquisition yet), at most {@code rawSeconds} of them. */
    public static JsonObject raw(JsonObject request, RawRing ring, double sampleRate, double rawSeconds) {
        if (ring == null) {
            return error("no acquisition has started");
        }
        int channel = request.get("channel").getAsInt();
        long from = request.get("first").getAsLong();
        int count = Math.min(request.get("count").getAsInt(), (int) Math.round(sampleRate * rawSeconds));
        RawRing.Window w = ring.window(channel, from, count);
        JsonObject o = new JsonObject();
        o.addProperty("type", "raw");
        o.addProperty("channel", channel);
        o.addProperty("first", w.first());
        o.addProperty("rate", sampleRate);
        o.addProperty("samples", Envelopes.floats(w.samples(), 0, w.samples().length));
        return o;
    }

    public static JsonObject error(String text) {
        JsonObject o = new JsonObject();
        o.addProperty("type", "error");
        o.addProperty("error", text);
        return o;
    }

    /** The acknowledgement in an {@code ack} envelope (empty without a body). */
    public static Optional<Ack> ack(JsonObject envelope) {
        JsonObject b = envelope.getAsJsonObject("body");
        if (b == null) {
            return Optional.empty();
        }
        AlarmKey key = new AlarmKey(b.get("modality").getAsString(), b.get("site").getAsString(), b.get("channel").getAsString(),
                b.get("criterion").getAsString());
        return Optional.of(new Ack(key, b.get("user").getAsString(), b.has("note") ? b.get("note").getAsString() : ""));
    }
}
