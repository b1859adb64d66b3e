package org.openionm.readingroom.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;

import org.openionm.readingroom.CaseMessage;

/**
 * The JSON envelope of every stream message: {@code {"v":1,"stream":…,"epoch":…,"seq":…,"t":…,
 * "wall":…,"body":{…}}}. Sample arrays travel as base64 of little-endian float32 ({@link #floats}),
 * exact and a third of the size of decimal text.
 */
public final class Envelopes {

    public static final int VERSION = 1;
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping().create();

    private Envelopes() {
    }

    public static byte[] encode(String stream, String epoch, long seq, double caseSeconds, long wallMillis, JsonObject body) {
        JsonObject o = new JsonObject();
        o.addProperty("v", VERSION);
        o.addProperty("stream", stream);
        o.addProperty("epoch", epoch);
        o.addProperty("seq", seq);
        if (Double.isFinite(caseSeconds)) {
            o.addProperty("t", caseSeconds);
        }
        o.addProperty("wall", wallMillis);
        o.add("body", body);
        return GSON.toJson(o).getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes one envelope of {@code caseId}; empty for another version or malformed text. */
    public static Optional<CaseMessage> decode(String caseId, byte[] payload) {
        try {
            return decode(caseId, JsonParser.parseString(new String(payload, StandardCharsets.UTF_8)).getAsJsonObject());
        } catch (JsonParseException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    public static Optional<CaseMessage> decode(String caseId, JsonObject o) {
        try {
            if (o.get("v").getAsInt() != VERSION) {
                return Optional.empty();
            }
            double t = o.has("t") ? o.get("t").getAsDouble() : Double.NaN;
            Map<String, Object> body = GSON.fromJson(o.get("body"), new TypeToken<Map<String, Object>>() { }.getType());
            return Optional.of(new CaseMessage(caseId, o.get("stream").getAsString(), o.get("epoch").getAsString(),
                    o.get("seq").getAsLong(), t, o.get("wall").getAsLong(), body == null ? Map.of() : stripNulls(body)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A received message as one JSON line (numbers as the publisher wrote them). */
    public static String line(CaseMessage m) {
        JsonObject o = new JsonObject();
        o.addProperty("case", m.caseId());
        o.addProperty("stream", m.stream());
        o.addProperty("epoch", m.epoch());
        o.addProperty("seq", m.sequence());
        if (Double.isFinite(m.caseSeconds())) {
            o.addProperty("t", m.caseSeconds());
        }
        o.addProperty("wall", m.wallMillis());
        o.add("body", GSON.toJsonTree(m.body()));
        return GSON.toJson(o);
    }

    private static Map<String, Object> stripNulls(Map<String, Object> m) {
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }

    public static JsonObject parse(byte[] payload) {
        return JsonParser.parseString(new String(payload, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    public static byte[] bytes(JsonElement e) {
        return GSON.toJson(e).getBytes(StandardCharsets.UTF_8);
    }

    public static String text(JsonElement e) {
        return GSON.toJson(e);
    }

    /** Floats as base64 of little-endian IEEE 754 single precision. */
    public static String floats(float[] values, int from, int count) {
        ByteBuffer b = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            b.putFloat(values[from + i]);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    public static float[] floats(String base64) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getFloat();
        }
        return out;
    }
}
