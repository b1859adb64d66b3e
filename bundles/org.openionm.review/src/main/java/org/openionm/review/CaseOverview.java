package org.openionm.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openionm.alarm.AlarmLogEntry;
import org.openionm.core.processing.ScreenNames;
import org.openionm.core.processing.TrendPoint;
import org.openionm.io.edf.EdfAnnotation;
import org.openionm.io.edf.HealthAnnotations;
import org.openionm.io.edf.StimulusAnnotations;

/**
 * The whole case on one case-time axis, what the Review overview draws: one trend row per
 * measurement series and the markers of alarms, event-log entries, technical events and notes. The
 * recording's own annotations give the markers at once (they hold the event log as it was written in
 * the OR, the raised alarms included); a re-analysis adds the trends and its own alarm log.
 *
 * @param durationSeconds the recording's length
 * @param series          trend rows, in the order the processors first published them
 * @param markers         by time
 * @since 0.2.0
 */
public record CaseOverview(double durationSeconds, List<Series> series, List<Marker> markers) {

    /** What a marker stands for; the overview draws each kind in its own colour and lane. */
    public enum Kind {
        /** An alarm raised in the OR (the event log's "Alarm raised" entries as recorded). */
        ALARM,
        /** An alarm raised by the re-analysis of the recording. */
        ANALYSIS_ALARM,
        /** Any other event-log entry (surgical, anaesthesia, monitoring, communication). */
        EVENT,
        /** Lead off, saturation, disconnection. */
        TECHNICAL,
        /** Any other annotation of the recording. */
        NOTE
    }

    /** A point in time worth going to. */
    public record Marker(double seconds, Kind kind, String label) {
    }

    /** One trend row: {@code modality/series} with its values over case time. */
    public record Series(String modality, String name, String unit, double[] times, double[] values) {

        public String key() {
            return modality + "/" + name;
        }

        /**
         * The row's title on screen: "TcMEP C4→C3 APB-L p2p", not its key's ids (see {@code ScreenNames}).
         *
         * @since 0.2.1
         */
        public String screenName() {
            return ScreenNames.trend(modality, name);
        }

        /** Lowest and highest finite value ({NaN, NaN} for none), for the row's scale. */
        public double[] range() {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            return lo > hi ? new double[] {Double.NaN, Double.NaN} : new double[] {lo, hi};
        }
    }

    private static final String ALARM_RAISED = "EVENT Alarm raised";

    public CaseOverview {
        series = List.copyOf(series);
        List<Marker> sorted = new ArrayList<>(markers);
        sorted.sort(Comparator.comparingDouble(Marker::seconds));
        markers = List.copyOf(sorted);
    }

    /** The overview of a recording from its annotations alone (no trends yet). */
    public static CaseOverview of(double durationSeconds, List<EdfAnnotation> annotations) {
        return new CaseOverview(durationSeconds, List.of(), markersOf(annotations));
    }

    /** The markers a recording's annotations give: stimulus annotations are not markers (there are thousands). */
    public static List<Marker> markersOf(List<EdfAnnotation> annotations) {
        List<Marker> markers = new ArrayList<>();
        for (EdfAnnotation a : annotations) {
            String text = a.text().strip();
            if (text.isEmpty() || text.startsWith(StimulusAnnotations.PREFIX)) {
                continue;
            }
            Kind kind;
            String label = text;
            if (text.startsWith(ALARM_RAISED)) {
                kind = Kind.ALARM;
                label = AlarmEventText.readable(text.substring("EVENT ".length()));
            } else if (text.startsWith("EVENT ")) {
                kind = Kind.EVENT;
                label = AlarmEventText.readable(text.substring("EVENT ".length()));
            } else if (text.startsWith(HealthAnnotations.PREFIX)) {
                kind = Kind.TECHNICAL;
            } else {
                kind = Kind.NOTE;
            }
            markers.add(new Marker(a.onsetSeconds(), kind, label));
        }
        return markers;
    }

    /**
     * This overview with the re-analysis of one segment of a case ({@link CaseTimeline}): the analysis
     * counts from its segment's start, the overview from the case's, so its trends and alarms move by
     * the segment's offset.
     *
     * @since 0.2.0
     */
    public CaseOverview withAnalysis(List<TrendPoint> trends, List<AlarmLogEntry> alarms, double offsetSeconds) {
        CaseOverview local = withAnalysis(trends, alarms);
        if (offsetSeconds == 0) {
            return local;
        }
        List<Series> rows = new ArrayList<>();
        for (Series s : local.series()) {
            double[] t = s.times().clone();
            for (int i = 0; i < t.length; i++) {
                t[i] += offsetSeconds;
            }
            rows.add(new Series(s.modality(), s.name(), s.unit(), t, s.values()));
        }
        List<Marker> shifted = new ArrayList<>();
        for (Marker m : local.markers()) {
            shifted.add(m.kind() == Kind.ANALYSIS_ALARM ? new Marker(m.seconds() + offsetSeconds, m.kind(), m.label()) : m);
        }
        return new CaseOverview(durationSeconds, rows, shifted);
    }

    /** This overview with a re-analysis's trends and the alarms it raised. */
    public CaseOverview withAnalysis(List<TrendPoint> trends, List<AlarmLogEntry> alarms) {
        Map<String, List<TrendPoint>> byKey = new LinkedHashMap<>();
        for (TrendPoint p : trends) {
            byKey.computeIfAbsent(p.modality() + "/" + p.series(), k -> new ArrayList<>()).add(p);
        }
        List<Series> rows = new ArrayList<>();
        byKey.values().forEach(points -> {
            points.sort(Comparator.comparingDouble(TrendPoint::timeSeconds));
            double[] t = points.stream().mapToDouble(TrendPoint::timeSeconds).toArray();
            double[] v = points.stream().mapToDouble(TrendPoint::value).toArray();
            TrendPoint first = points.get(0);
            rows.add(new Series(first.modality(), first.series(), first.unit(), t, v));
        });
        List<Marker> all = new ArrayList<>();
        markers.stream().filter(m -> m.kind() != Kind.ANALYSIS_ALARM).forEach(all::add);
        all.addAll(AlarmComparison.raised(alarms).stream()
                .map(e -> new Marker(e.timeSeconds(), Kind.ANALYSIS_ALARM, AlarmComparison.describe(e))).toList());
        return new CaseOverview(durationSeconds, rows, all);
    }

    public List<Marker> markers(Kind kind) {
        return markers.stream().filter(m -> m.kind() == kind).toList();
    }

    /** The case time under pixel column {@code x} of an overview {@code width} pixels wide. */
    public double secondsAt(int x, int width) {
        return durationSeconds * Math.max(0, Math.min(width, x)) / Math.max(1, width);
    }

    /** The pixel column of {@code seconds} in an overview {@code width} pixels wide. */
    public int xOf(double seconds, int width) {
        return durationSeconds <= 0 ? 0 : (int) Math.round(seconds / durationSeconds * width);
    }

    /** The marker nearest {@code seconds} within {@code toleranceSeconds}, or null: a click near a marker goes to it exactly. */
    public Marker nearestMarker(double seconds, double toleranceSeconds) {
        Marker best = null;
        for (Marker m : markers) {
            double d = Math.abs(m.seconds() - seconds);
            if (d <= toleranceSeconds && (best == null || d < Math.abs(best.seconds() - seconds))) {
                best = m;
            }
        }
        return best;
    }
}
