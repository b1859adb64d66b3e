package org.openionm.ui.widgets.evoked;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.TrendPoint;
import org.openionm.ui.widgets.evoked.EvokedRules.Axis;
import org.openionm.ui.widgets.evoked.EvokedRules.TrendTarget;

/**
 * What an evoked-potential view shows, built only from what the processor published: tiles in order
 * of first data (sites and muscles are not known in advance), per tile the waterfall rows (newest
 * trace first, the captured baseline, the latest markers) and the charted trend series with their
 * baseline and alarm-threshold values. Plain Java, so it is tested without a display; confined to
 * the UI thread (the feed hands events over).
 */
public final class EvokedModel {

    /** One site/channel waterfall. */
    public static final class Row {
        final String site;
        final String channel;
        final String label;
        final Deque<AverageTrace> history = new ArrayDeque<>();
        AverageTrace baseline;
        AverageTrace building;
        final Map<String, Measurement> latest = new LinkedHashMap<>();

        Row(String site, String channel, String label) {
            this.site = site;
            this.channel = channel;
            this.label = label;
        }

        public String site() { return site; }

        public String channel() { return channel; }

        public String label() { return label; }

        /** Newest first. */
        public List<AverageTrace> history() { return List.copyOf(history); }

        public AverageTrace newest() { return history.peekFirst(); }

        public AverageTrace baseline() { return baseline; }

        /**
         * The running average while the row's first full average builds (its sweep count against
         * the provenance's {@code sweeps.target}); null once a full average came.
         *
         * @since 0.3.1
         */
        public AverageTrace building() { return building; }

        /** Measurements of the newest trace (published with the same case time), for its markers. */
        public List<Measurement> markers() {
            AverageTrace n = newest();
            if (n == null) {
                return List.of();
            }
            return latest.values().stream().filter(m -> m.timeSeconds() == n.timeSeconds()).toList();
        }
    }

    /** One charted trend series: the published points, and once a baseline is captured its value and threshold. */
    public static final class Series {
        final TrendTarget target;
        final String unit;
        double[] times = new double[16];
        double[] values = new double[16];
        int size;
        double baseline = Double.NaN;
        double threshold = Double.NaN;
        /** Indices of the first point after each stretch without data (a continued case). */
        int[] breaks = new int[0];

        Series(TrendTarget target, String unit) {
            this.target = target;
            this.unit = unit;
        }

        void add(double t, double v) {
            if (size == times.length) {
                times = java.util.Arrays.copyOf(times, size * 2);
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            times[size] = t;
            values[size] = v;
            size++;
        }

        /** The next point starts a new line: the case had no data in between. */
        void breakLine() {
            if (size > 0 && (breaks.length == 0 || breaks[breaks.length - 1] != size)) {
                breaks = java.util.Arrays.copyOf(breaks, breaks.length + 1);
                breaks[breaks.length - 1] = size;
            }
        }

        /**
         * Indices of the points that follow a stretch without data (an acquisition that continued
         * the case), ascending: a chart draws no line into them.
         *
         * @since 0.4.0
         */
        public int[] breaks() { return breaks.clone(); }

        public TrendTarget target() { return target; }

        public String unit() { return unit; }

        public double[] times() { return java.util.Arrays.copyOf(times, size); }

        public double[] values() { return java.util.Arrays.copyOf(values, size); }

        public double baseline() { return baseline; }

        public double threshold() { return threshold; }
    }

    /** A site's or muscle's rows and series, with a revision that changes whenever they do. */
    public static final class Tile {
        final String key;
        final String title;
        final Map<String, Row> rows = new LinkedHashMap<>();
        final Map<String, Series> series = new LinkedHashMap<>();
        long revision;

        Tile(String key, String title) {
            this.key = key;
            this.title = title;
        }

        public String key() { return key; }

        public String title() { return title; }

        public List<Row> rows() { return List.copyOf(rows.values()); }

        public List<Series> series() { return List.copyOf(series.values()); }

        public long revision() { return revision; }
    }

    private final EvokedRules rules;
    private final Map<String, Tile> tiles = new LinkedHashMap<>();
    /** Latest measurement per site/channel/component: a captured baseline takes its values from it. */
    private final Map<String, Measurement> measured = new HashMap<>();

    public EvokedModel(EvokedRules rules) {
        this.rules = rules;
    }

    public EvokedRules rules() {
        return rules;
    }

    public List<Tile> tiles() {
        return List.copyOf(tiles.values());
    }

    public Tile tile(String key) {
        return tiles.get(key);
    }

    public void average(AverageTrace trace) {
        if (!accept(trace.modality())) {
            return;
        }
        Tile tile = tile(trace.site(), trace.channel());
        Row row = row(tile, trace.site(), trace.channel());
        row.building = null;
        row.history.addFirst(trace);
        while (row.history.size() > rules.historyDepth()) {
            row.history.removeLast();
        }
        tile.revision++;
    }

    /**
     * A running average while the first full one builds: shown in place of the (still empty) history,
     * marked as incomplete; the first full average replaces it.
     *
     * @since 0.3.1
     */
    public void partialAverage(AverageTrace trace) {
        if (!accept(trace.modality())) {
            return;
        }
        Tile tile = tile(trace.site(), trace.channel());
        Row row = row(tile, trace.site(), trace.channel());
        if (!row.history.isEmpty()) {
            return; // a late one: a full average is already shown
        }
        row.building = trace;
        tile.revision++;
    }

    /**
     * The trace a baseline was captured from: overlaid on its row, and the charted series of that
     * site and channel take the baseline value of the measurement the processor captured with it:
     * the one published with the row's newest trace (the processor captures its latest result). A
     * component not measured on that trace has no baseline, as in the processor.
     */
    public void baseline(AverageTrace trace) {
        if (!accept(trace.modality())) {
            return;
        }
        Tile tile = tile(trace.site(), trace.channel());
        Row row = row(tile, trace.site(), trace.channel());
        row.baseline = trace;
        AverageTrace newest = row.newest();
        for (Series s : tile.series.values()) {
            if (s.target.site().equals(trace.site()) && s.target.channel().equals(trace.channel())) {
                setBaseline(s, newest);
            }
        }
        tile.revision++;
    }

    public void measurement(Measurement m) {
        if (!accept(m.modality())) {
            return;
        }
        measured.put(m.site() + "/" + m.channel() + "/" + m.component(), m);
        Tile tile = tile(m.site(), m.channel());
        row(tile, m.site(), m.channel()).latest.put(m.component(), m);
        tile.revision++;
    }

    public void trend(TrendPoint p) {
        if (!accept(p.modality())) {
            return;
        }
        TrendTarget target = rules.trendTarget(p);
        if (target == null || !Double.isFinite(p.value())) {
            return;
        }
        Tile tile = tiles.computeIfAbsent(target.tile(), k -> new Tile(k, rules.tileTitle(k)));
        String key = target.label() + "/" + target.axis();
        Series s = tile.series.computeIfAbsent(key, k -> new Series(target, p.unit()));
        s.add(p.timeSeconds(), p.value());
        tile.revision++;
    }

    /**
     * Results are complete. The display stays as it is: a marker moved on the stopped replay is
     * re-measured and published after the end, and belongs to the averages shown (issue 16: clearing
     * on the first result after the end collapsed the view to that one measurement).
     */
    public void acquisitionEnded() {
        // nothing to do: only a new acquisition (startAcquisition) starts a new display
    }

    /**
     * A new acquisition continues the case (issue 16): the tiles keep their averages, baselines and
     * trends; each trend's line breaks where the data stopped, so no line is drawn across the gap.
     */
    void continueAcquisition() {
        for (Tile tile : tiles.values()) {
            tile.series.values().forEach(Series::breakLine);
            tile.revision++;
        }
    }

    /** A new acquisition begins (the host says so before its first result): a new, empty display. */
    void startAcquisition() {
        tiles.clear();
        measured.clear();
    }

    private boolean accept(String modality) {
        return rules.modality().equals(modality);
    }

    private void setBaseline(Series s, AverageTrace newest) {
        TrendTarget t = s.target;
        Measurement m = measured.get(t.site() + "/" + t.channel() + "/" + t.component());
        if (m == null || newest == null || m.timeSeconds() != newest.timeSeconds()) {
            s.baseline = Double.NaN; // re-captured without this component: no reference any more
            s.threshold = Double.NaN;
            return;
        }
        s.baseline = t.axis() == Axis.AMPLITUDE ? m.amplitudeUv() : m.latencyMs();
        s.threshold = rules.threshold(t.axis(), s.baseline, m.provenance());
    }

    private Tile tile(String site, String channel) {
        String key = rules.tileOf(site, channel);
        return tiles.computeIfAbsent(key, k -> new Tile(k, rules.tileTitle(k)));
    }

    private Row row(Tile tile, String site, String channel) {
        return tile.rows.computeIfAbsent(site + "/" + channel, k -> new Row(site, channel, rules.rowLabel(site, channel)));
    }
}
