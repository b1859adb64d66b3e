package org.openionm.readingroom.internal;

import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.openionm.alarm.AlarmLogEntry;
import org.openionm.core.model.Channel;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.DetectedEvent;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.TrendPoint;
import org.openionm.readingroom.CaseDescriptor;
import org.openionm.readingroom.Topics;

/**
 * The JSON bodies the OR publishes, one method per stream (docs/reading-room.md, "Topics"): what a
 * reader finds in {@code body}. Numbers that are not finite are left out (JSON has no NaN).
 */
public final class Bodies {

    private Bodies() {
    }

    public static JsonObject status(String s) {
        JsonObject b = new JsonObject();
        b.addProperty("status", s);
        return b;
    }

    public static JsonObject descriptor(CaseDescriptor descriptor, String epoch) {
        JsonObject b = new JsonObject();
        b.addProperty("caseId", descriptor.caseId());
        b.addProperty("procedure", descriptor.procedure());
        b.addProperty("room", descriptor.room());
        JsonArray m = new JsonArray();
        descriptor.modalities().forEach(m::add);
        b.add("modalities", m);
        JsonArray t = new JsonArray();
        descriptor.team().forEach(t::add);
        b.add("team", t);
        b.addProperty("epoch", epoch);
        return b;
    }

    public static JsonObject channels(List<Channel> list) {
        JsonArray a = new JsonArray();
        for (Channel c : list) {
            JsonObject o = new JsonObject();
            o.addProperty("index", c.index());
            o.addProperty("label", c.label());
            o.addProperty("unit", c.unit());
            o.addProperty("rate", c.samplingRateHz());
            o.addProperty("role", c.role().id());
            a.add(o);
        }
        JsonObject b = new JsonObject();
        b.add("channels", a);
        return b;
    }

    /** An event-log entry of the open case. */
    public static JsonObject logEntry(String type, String text, String author) {
        JsonObject b = new JsonObject();
        b.addProperty("kind", "log");
        b.addProperty("type", type);
        b.addProperty("text", text);
        b.addProperty("author", author);
        return b;
    }

    /** A chat line; {@code from} is "or" or "reader". */
    public static JsonObject chat(String author, String text, String from) {
        JsonObject b = new JsonObject();
        b.addProperty("author", author);
        b.addProperty("text", text);
        b.addProperty("from", from);
        return b;
    }

    public static JsonObject frame(TraceFrames.Frame f, double sampleRate) {
        JsonObject b = new JsonObject();
        b.addProperty("first", f.firstSample());
        b.addProperty("samples", f.samples());
        b.addProperty("columnSamples", f.columnSamples());
        b.addProperty("rate", sampleRate);
        JsonArray min = new JsonArray();
        JsonArray max = new JsonArray();
        for (int c = 0; c < f.min().length; c++) {
            min.add(Envelopes.floats(f.min()[c], 0, f.min()[c].length));
            max.add(Envelopes.floats(f.max()[c], 0, f.max()[c].length));
        }
        b.add("min", min);
        b.add("max", max);
        return b;
    }

    public static JsonObject measurement(Measurement m) {
        JsonObject b = new JsonObject();
        b.addProperty("modality", m.modality());
        b.addProperty("site", m.site());
        b.addProperty("channel", m.channel());
        b.addProperty("component", m.component());
        number(b, "latencyMs", m.latencyMs());
        number(b, "amplitudeUv", m.amplitudeUv());
        number(b, "value", m.value());
        b.addProperty("unit", m.unit());
        b.addProperty("sweepsUsed", m.sweepsUsed());
        return b;
    }

    public static JsonObject average(AverageTrace a) {
        JsonObject b = new JsonObject();
        b.addProperty("modality", a.modality());
        b.addProperty("site", a.site());
        b.addProperty("channel", a.channel());
        b.addProperty("rate", a.samplingRateHz());
        b.addProperty("sweepsUsed", a.sweepsUsed());
        b.addProperty("samplesUv", Envelopes.floats(a.samplesUv(), 0, a.samplesUv().length));
        return b;
    }

    public static JsonObject trend(TrendPoint p) {
        JsonObject b = new JsonObject();
        b.addProperty("modality", p.modality());
        b.addProperty("series", p.series());
        number(b, "value", p.value());
        b.addProperty("unit", p.unit());
        return b;
    }

    public static JsonObject detected(DetectedEvent e) {
        JsonObject b = new JsonObject();
        b.addProperty("kind", "detected");
        b.addProperty("modality", e.modality());
        b.addProperty("channel", e.channel());
        b.addProperty("type", e.kind());
        b.addProperty("durationSeconds", e.durationSeconds());
        number(b, "peakUv", e.peakUv());
        return b;
    }

    public static JsonObject alarm(AlarmLogEntry e) {
        JsonObject b = new JsonObject();
        b.addProperty("logSequence", e.sequence());
        b.addProperty("event", e.event().name());
        if (e.key() != null) {
            b.addProperty("modality", e.key().modality());
            b.addProperty("site", e.key().site());
            b.addProperty("channel", e.key().channel());
            b.addProperty("criterion", e.key().criterion());
        }
        if (e.priority() != null) {
            b.addProperty("priority", e.priority().name());
        }
        if (e.stateAfter() != null) {
            b.addProperty("state", e.stateAfter().name());
        }
        b.addProperty("user", e.user());
        b.addProperty("note", e.note());
        b.addProperty("values", e.values());
        b.addProperty("baseline", e.baseline());
        return b;
    }

    /**
     * Under which key the OR's history keeps a message: measurement and average are latest-value streams
     * (the newest per modality/site/channel[/component] replaces the older), everything else per sequence number.
     */
    public static String historyKey(String stream, long seq, JsonObject b) {
        return switch (stream) {
            case Topics.MEASUREMENT -> stream + "/" + b.get("modality").getAsString() + "/" + b.get("site").getAsString() + "/"
                    + b.get("channel").getAsString() + "/" + b.get("component").getAsString();
            case Topics.AVERAGE -> stream + "/" + b.get("modality").getAsString() + "/" + b.get("site").getAsString() + "/"
                    + b.get("channel").getAsString();
            default -> stream + "#" + seq;
        };
    }

    private static void number(JsonObject b, String name, double v) {
        if (Double.isFinite(v)) {
            b.addProperty(name, v);
        }
    }
}
