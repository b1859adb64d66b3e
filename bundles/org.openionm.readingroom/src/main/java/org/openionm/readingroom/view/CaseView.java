package org.openionm.readingroom.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.openionm.core.processing.ScreenNames;
import org.openionm.readingroom.CaseMessage;
import org.openionm.readingroom.Topics;

/**
 * The reader's own view of one case — not the technologist's: which channels the trace strip shows,
 * its amplitude scale and time window, and per measurement the values received so far (the trend the
 * tile draws). Headless; a reading-room column binds to it. Thread-safe (the MQTT thread feeds it, the
 * UI reads it).
 *
 * @since 0.2.0
 */
public final class CaseView {

    /** Default amplitude scale of a trace strip (µV from row centre to edge): an EMG/EEG-friendly middle. */
    public static final double DEFAULT_SCALE_UV = 100;
    /** Default time window of a strip (s). */
    public static final double DEFAULT_WINDOW_S = 10;
    /** Channels shown until the reader chooses: the first few, so three columns stay readable. */
    public static final int DEFAULT_CHANNELS = 4;
    /** Points kept per trend (a 10-hour case at one measurement every 5 s). */
    static final int TREND_POINTS = 7200;

    /** One point of a trend: case time (s) and value. */
    public record Point(double caseSeconds, double value) {
    }

    /**
     * A measurement tile: what it is ("SSEP L median CP3 N20", see {@code ScreenNames}), its latest value and unit, its first
     * value (the change since then, for the trend), and the points received.
     */
    public record Tile(String key, String label, double latest, double first, String unit, List<Point> trend) {

        /** Change of the latest value against the first received (%; NaN with a single point, or when the first is 0). */
        public double changePercent() {
            return trend.size() < 2 || first == 0 || !Double.isFinite(first) || !Double.isFinite(latest) ? Double.NaN : (latest - first) / Math.abs(first) * 100;
        }

        /**
         * The last {@code n} points as a text sparkline of eight levels (▁…█) between their own minimum and
         * maximum: the trend's shape in a table cell. All equal: the middle level.
         */
        public String sparkline(int n) {
            List<Point> last = trend.subList(Math.max(0, trend.size() - n), trend.size());
            double lo = last.stream().mapToDouble(Point::value).min().orElse(0);
            double hi = last.stream().mapToDouble(Point::value).max().orElse(0);
            StringBuilder sb = new StringBuilder();
            for (Point p : last) {
                int level = hi > lo ? (int) Math.round((p.value() - lo) / (hi - lo) * 7) : 3;
                sb.append(LEVELS.charAt(level));
            }
            return sb.toString();
        }

        /** "2.1 µV (−34 %)" */
        public String valueText() {
            String v = Double.isFinite(latest) ? String.format(Locale.ROOT, "%.3g", latest) + " " + display(unit) : "—";
            double c = changePercent();
            return Double.isFinite(c) ? v + String.format(Locale.ROOT, " (%+.0f %%)", c) : v;
        }
    }

    private static final String LEVELS = "▁▂▃▄▅▆▇█";

    private final String caseId;
    private List<Integer> channels = List.of();
    private boolean channelsChosen;
    private List<Integer> chosenChannels = List.of();
    private double scaleUv = DEFAULT_SCALE_UV;
    private double windowSeconds = DEFAULT_WINDOW_S;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, String> units = new LinkedHashMap<>();
    private final Map<String, List<Point>> trends = new LinkedHashMap<>();

    public CaseView(String caseId) {
        this.caseId = Objects.requireNonNull(caseId, "caseId");
    }

    public String caseId() {
        return caseId;
    }

    /** The OR's channel list arrived (or changed): until the reader chooses, the first {@link #DEFAULT_CHANNELS}. */
    public synchronized void channelsAvailable(int count) {
        if (!channelsChosen) {
            List<Integer> c = new ArrayList<>();
            for (int i = 0; i < Math.min(count, DEFAULT_CHANNELS); i++) {
                c.add(i);
            }
            channels = List.copyOf(c);
        } else {
            // filtered from the reader's choice, not from the last list: a choice restored before the OR's
            // channel list arrived (count 0) comes back whole when it does
            channels = chosenChannels.stream().filter(i -> i < count).toList();
        }
    }

    /**
     * Whether the reader chose the channels (otherwise they are the first few by default).
     *
     * @since 0.2.0
     */
    public synchronized boolean channelsChosen() {
        return channelsChosen;
    }

    /**
     * The reader's choice as made (indices may exceed the OR's current channel count); empty when not chosen.
     *
     * @since 0.2.0
     */
    public synchronized List<Integer> chosenChannels() {
        return chosenChannels;
    }

    /** The reader's choice of channels (indices in the OR's channel list, in display order). */
    public synchronized void chooseChannels(List<Integer> indices) {
        for (int i : indices) {
            if (i < 0) {
                throw new IllegalArgumentException("channel index " + i + " is negative");
            }
        }
        channels = List.copyOf(indices);
        chosenChannels = channels;
        channelsChosen = true;
    }

    public synchronized List<Integer> channels() {
        return channels;
    }

    public synchronized void scaleUv(double uv) {
        if (!(uv > 0) || !Double.isFinite(uv)) {
            throw new IllegalArgumentException("scale must be a positive number of µV, was " + uv);
        }
        scaleUv = uv;
    }

    public synchronized double scaleUv() {
        return scaleUv;
    }

    public synchronized void windowSeconds(double s) {
        if (!(s >= 1 && s <= 60)) {
            throw new IllegalArgumentException("time window must be 1-60 s, was " + s);
        }
        windowSeconds = s;
    }

    public synchronized double windowSeconds() {
        return windowSeconds;
    }

    /**
     * Takes a received message: a measurement adds a point to its trend (amplitude for evoked
     * components, else the generic value), a trend point to its series. Other streams are ignored.
     */
    public void accept(CaseMessage m) {
        if (Topics.MEASUREMENT.equals(m.stream())) {
            double amplitude = m.number("amplitudeUv");
            boolean evoked = Double.isFinite(amplitude);
            String key = "m/" + m.text("modality") + "/" + m.text("site") + "/" + m.text("channel") + "/" + m.text("component");
            String label = ScreenNames.where(m.text("modality"), m.text("site"), m.text("channel"), m.text("component"));
            add(key, label, evoked ? "uV" : m.text("unit"), m.caseSeconds(), evoked ? amplitude : m.number("value"));
        } else if (Topics.TREND.equals(m.stream())) {
            add("t/" + m.text("modality") + "/" + m.text("series"), ScreenNames.trend(m.text("modality"), m.text("series")), m.text("unit"),
                    m.caseSeconds(), m.number("value"));
        }
    }

    private synchronized void add(String key, String label, String unit, double t, double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        labels.put(key, label);
        units.put(key, unit);
        List<Point> points = trends.computeIfAbsent(key, k -> new ArrayList<>());
        // live and history may interleave: keep the trend in case-time order
        int at = points.size();
        while (at > 0 && points.get(at - 1).caseSeconds() > t) {
            at--;
        }
        if (at > 0 && points.get(at - 1).caseSeconds() == t) {
            points.set(at - 1, new Point(t, value));
        } else {
            points.add(at, new Point(t, value));
        }
        if (points.size() > TREND_POINTS) {
            points.remove(0);
        }
    }

    /** Every measurement and trend received, in order of first arrival. */
    public synchronized List<Tile> tiles() {
        List<Tile> out = new ArrayList<>();
        trends.forEach((key, points) -> out.add(new Tile(key, labels.get(key), points.get(points.size() - 1).value(), points.get(0).value(),
                units.get(key), List.copyOf(points))));
        return out;
    }

    private static String join(String... parts) {
        return String.join(" ", java.util.Arrays.stream(parts).filter(s -> !s.isEmpty()).toList());
    }

    static String display(String ucum) {
        return ucum == null || ucum.isEmpty() ? "" : org.openionm.core.processing.Units.display(ucum);
    }
}
