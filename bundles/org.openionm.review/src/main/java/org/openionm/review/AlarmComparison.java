package org.openionm.review;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.openionm.alarm.AlarmKey;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.core.processing.ScreenNames;

/**
 * "When would the alarm have come with a 60 % criterion?": the first time each alarm source (modality,
 * site, channel) raised an alarm in the original analysis and in a re-analysis with other settings,
 * side by side. Sources are compared without their criterion, because changing the criterion is the
 * point of the comparison (an amplitude alarm becoming a latency alarm is still the same channel).
 *
 * @since 0.2.0
 */
public final class AlarmComparison {

    /** Log events that mean "the alarm sounded": raised, or raised again after it had cleared. */
    private static final Set<AlarmLogEntry.Event> SOUNDED = EnumSet.of(AlarmLogEntry.Event.RAISED, AlarmLogEntry.Event.RECURRED);

    /**
     * One source's first alarm in each run.
     *
     * @param source          the source as shown, "TcMEP C4→C3 APB-L" (its ids, "mep tcmep.C4C3 APB-L", are not
     *                        shown: see {@code ScreenNames})
     * @param originalSeconds case time of the first alarm in the original run, NaN when it raised none
     * @param otherSeconds    the same for the re-analysis
     */
    public record Row(String source, double originalSeconds, double otherSeconds) {

        /** How much earlier (positive) or later the other settings alarmed; NaN when either run raised none. */
        public double earlierBySeconds() {
            return originalSeconds - otherSeconds;
        }

        /** "12:00.0 → 10:30.0 (1:30.0 earlier)", "none → 10:30.0", "12:00.0 → none". */
        public String describe() {
            String a = Double.isNaN(originalSeconds) ? "none" : ReviewWindow.clock(originalSeconds);
            String b = Double.isNaN(otherSeconds) ? "none" : ReviewWindow.clock(otherSeconds);
            double d = earlierBySeconds();
            if (Double.isNaN(d)) {
                return a + " → " + b;
            }
            if (d == 0) {
                return a + " → " + b + " (same time)";
            }
            return String.format(Locale.ROOT, "%s → %s (%.1f s %s)", a, b, Math.abs(d), d > 0 ? "earlier" : "later");
        }
    }

    private AlarmComparison() {
    }

    /**
     * Rows for every source that alarmed in either run, sorted by the source's ids (modality, site,
     * channel); two sources are two rows even where their names read alike.
     */
    public static List<Row> compare(List<AlarmLogEntry> original, List<AlarmLogEntry> other) {
        Map<AlarmKey, Double> a = firstBySource(original);
        Map<AlarmKey, Double> b = firstBySource(other);
        Set<AlarmKey> sources = new TreeSet<>(a.keySet());
        sources.addAll(b.keySet());
        List<Row> rows = new ArrayList<>();
        for (AlarmKey s : sources) {
            rows.add(new Row(source(s), a.getOrDefault(s, Double.NaN), b.getOrDefault(s, Double.NaN)));
        }
        return rows;
    }

    /** The entries of a log at which an alarm sounded (technical alarms included), in log order. */
    public static List<AlarmLogEntry> raised(List<AlarmLogEntry> log) {
        return log.stream().filter(e -> SOUNDED.contains(e.event())).toList();
    }

    /** "TcMEP C4→C3 APB-L: amplitude" — what an alarm marker is labelled with (the key's ids are not shown). */
    public static String describe(AlarmLogEntry e) {
        return source(e.key()) + ": " + e.key().criterion();
    }

    /** "TcMEP C4→C3 APB-L", "free-run EMG", "SSEP L tibial Cz'-Fz": modality, site and channel as read. */
    static String source(AlarmKey k) {
        return ScreenNames.where(k.modality(), k.site(), k.channel(), "");
    }

    /** By source: the key without its criterion (changing the criterion is what the comparison is about). */
    private static Map<AlarmKey, Double> firstBySource(List<AlarmLogEntry> log) {
        Map<AlarmKey, Double> first = new TreeMap<>();
        for (AlarmLogEntry e : raised(log)) {
            if (AlarmKey.TECHNICAL.equals(e.key().modality())) {
                continue; // a lead off is not what a criterion changes
            }
            first.merge(new AlarmKey(e.key().modality(), e.key().site(), e.key().channel(), ""), e.timeSeconds(), Math::min);
        }
        return first;
    }
}
