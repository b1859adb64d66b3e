package org.openionm.alarm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openionm.alarm.AlarmKey;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AlarmCondition.Priority;
import org.openionm.core.processing.Provenance;

/**
 * Turns per-channel amplifier saturation into what it is. Electrocautery is a broadband burst of
 * 0.5–5 s that drives many inputs to the rails at once (docs/alarms.md): that is ONE technical
 * condition, "Electrocautery", raised when {@link #minChannels} channels are saturated together and
 * cleared once every channel has recovered — not one latched alarm per channel per burst. A channel
 * that stays saturated on its own for {@link #holdSeconds} is a per-channel fault (DC offset, a bad
 * electrode) and raises its own "Amplifier saturation" alarm. Not thread-safe: the manager calls it
 * under its lock and applies the conditions it returns.
 */
final class CauteryGrouping {

    static final String ELECTROCAUTERY = "Electrocautery";
    static final String SATURATION = "Amplifier saturation";
    /** Channels saturated at once that make a burst electrocautery rather than a channel fault. */
    static final int DEFAULT_MIN_CHANNELS = 3;
    /**
     * How long a lone channel must stay saturated before it is a channel fault: longer than the
     * time a cautery onset takes to reach every channel (they saturate within one block).
     */
    static final double DEFAULT_HOLD_SECONDS = 2.0;

    private final int minChannels;
    private final double holdSeconds;
    private final Priority priority;
    /** Saturated channel label → case time it saturated. */
    private final Map<String, Double> saturated = new TreeMap<>();
    /** Channels whose own saturation alarm is active. */
    private final List<String> channelAlarms = new ArrayList<>();
    private boolean cautery;
    private int peakChannels;

    CauteryGrouping(int minChannels, double holdSeconds, Priority priority) {
        if (minChannels < 2) {
            throw new IllegalArgumentException("electrocautery needs at least 2 channels at once, was " + minChannels);
        }
        this.minChannels = minChannels;
        this.holdSeconds = holdSeconds;
        this.priority = priority;
    }

    /** A channel saturated ({@code active}) or recovered; returns the conditions to apply, in order. */
    List<AlarmCondition> onSaturation(String channel, boolean active, double t, String detail) {
        List<AlarmCondition> out = new ArrayList<>();
        if (active) {
            boolean added = saturated.putIfAbsent(channel, t) == null;
            peakChannels = Math.max(peakChannels, saturated.size());
            if (!cautery && saturated.size() >= minChannels) {
                cautery = true;
                out.add(cauteryCondition(t, true));
            } else if (cautery && added) {
                out.add(cauteryCondition(t, true)); // same priority: refreshes the count, no new log row
            }
            return out;
        }
        if (saturated.remove(channel) == null) {
            return out;
        }
        if (channelAlarms.remove(channel)) {
            out.add(channelCondition(channel, t, false, "recovered" + (detail.isEmpty() ? "" : ": " + detail)));
        }
        if (cautery && saturated.isEmpty()) {
            cautery = false;
            out.add(cauteryCondition(t, false));
            peakChannels = 0;
        } else if (!cautery && saturated.isEmpty()) {
            peakChannels = 0;
        }
        return out;
    }

    /** Case time moved on: a lone saturation that lasted the hold time becomes a channel alarm. */
    List<AlarmCondition> advance(double now) {
        if (cautery || saturated.isEmpty()) {
            return List.of();
        }
        List<AlarmCondition> out = new ArrayList<>();
        saturated.forEach((channel, since) -> {
            if (now - since >= holdSeconds && !channelAlarms.contains(channel)) {
                channelAlarms.add(channel);
                out.add(channelCondition(channel, now, true, String.format(java.util.Locale.ROOT,
                        "saturated for %.1f s on this channel alone", now - since)));
            }
        });
        return out;
    }

    /** Forgets every saturation (a fresh acquisition: the new driver reports its own). */
    void reset() {
        saturated.clear();
        channelAlarms.clear();
        cautery = false;
        peakChannels = 0;
    }

    private AlarmCondition cauteryCondition(double t, boolean active) {
        String values = active ? saturated.size() + " channels saturated at once: " + names()
                : "all channels recovered (up to " + peakChannels + " were saturated)";
        Provenance provenance = new Provenance("driver health", Map.of("condition", "SATURATION",
                "grouping", "electrocautery when >= " + minChannels + " channels are saturated at once",
                "priority", priority.name()));
        return new AlarmCondition(t, AlarmKey.TECHNICAL, "", "", ELECTROCAUTERY, priority, active, values,
                "signals during the burst are not interpretable; averaging rejects them", provenance);
    }

    /** The first few saturated channels: a list of 64 names helps nobody. */
    private String names() {
        List<String> names = new ArrayList<>(saturated.keySet());
        return names.size() <= 6 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 6)) + " \u2026 (+" + (names.size() - 6) + ")";
    }

    private AlarmCondition channelCondition(String channel, double t, boolean active, String values) {
        Provenance provenance = new Provenance("driver health", Map.of("condition", "SATURATION",
                "grouping", "a channel saturated alone for >= " + holdSeconds + " s", "priority", priority.name()));
        return new AlarmCondition(t, AlarmKey.TECHNICAL, "", channel, SATURATION, priority, active, values, "",
                provenance);
    }
}
