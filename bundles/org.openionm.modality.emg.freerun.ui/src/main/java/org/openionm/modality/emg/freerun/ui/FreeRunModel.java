package org.openionm.modality.emg.freerun.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.openionm.core.processing.DetectedEvent;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.TrendPoint;
import org.openionm.processing.ResultListener;

/**
 * What the free-run EMG view shows, from what the processor published (nothing is measured here):
 * each channel's train time and its state against the preset (the thresholds come from the
 * measurement's provenance), whether the channel is in electrocautery, and the latest discharges.
 * The feed side ({@link ResultListener}) only enqueues on the processing thread; {@link #drain()} on
 * the display thread applies the queue.
 */
public final class FreeRunModel implements ResultListener {

    public static final String MODALITY = "emg.freerun";
    /** Discharges kept for the list and the strips. */
    static final int KEEP = 500;

    /** Train time against the preset. */
    public enum Level { NONE, BELOW, MILD, SEVERE }

    /** One channel's counter. */
    public record Counter(String channel, double trainTimeSeconds, double mildSeconds, double severeSeconds, String preset,
            boolean cautery) {

        public Level level() {
            if (!(trainTimeSeconds > 0)) {
                return Level.NONE;
            }
            if (trainTimeSeconds > severeSeconds) {
                return Level.SEVERE;
            }
            return trainTimeSeconds > mildSeconds ? Level.MILD : Level.BELOW;
        }

        /** "10.4 s" with one decimal: what is read from across the room. */
        public String text() {
            return String.format(java.util.Locale.ROOT, "%.1f s", trainTimeSeconds);
        }

        /** The thresholds and their source, e.g. "mild > 0.5 s · severe > 10 s (Prell 2007)". */
        public String thresholdsText() {
            String severe = format(severeSeconds);
            return (Double.isNaN(mildSeconds) ? "" : "mild > " + format(mildSeconds) + " s · ") + "alarm > " + severe + " s ("
                    + (preset.equals("quoted2.5") ? "quoted, not sourced" : "Prell 2007") + ")";
        }
    }

    /**
     * An A-train the processor has recognised but not yet reported as an event: running (end NaN) from its
     * onset, or ended and waiting for its event (which comes after the cluster decision).
     */
    public record ATrainMark(String channel, double onsetSeconds, double endSeconds) {

        public boolean running() {
            return Double.isNaN(endSeconds);
        }
    }

    private static final String SERIES_ATRAIN = "/aTrain";
    private static final String SERIES_CAUTERY = "/cautery";
    private final List<ATrainMark> aTrains = new ArrayList<>();
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final Map<String, Counter> counters = new LinkedHashMap<>();
    private final ArrayDeque<DetectedEvent> events = new ArrayDeque<>();
    private long revision;

    // ResultListener: the processing thread

    @Override
    public void acquisitionStarted() {
        queue.add(Boolean.TRUE);
    }

    /**
     * The case goes on (issue 16): the counters, the findings list and the A-train marks stay; the
     * processor carries each muscle's train time on, so its next counter value continues from here.
     */
    @Override
    public void acquisitionContinued(double resumedAtSeconds, double gapSeconds) {
        // nothing to forget
    }

    @Override
    public void measurement(Measurement m) {
        if (m.modality().equals(MODALITY) && m.component().equals("trainTime")) {
            queue.add(m);
        }
    }

    @Override
    public void trend(TrendPoint p) {
        if (p.modality().equals(MODALITY) && (p.series().endsWith(SERIES_CAUTERY) || p.series().endsWith(SERIES_ATRAIN))) {
            queue.add(p);
        }
    }

    @Override
    public void event(DetectedEvent e) {
        if (e.modality().equals(MODALITY)) {
            queue.add(e);
        }
    }

    // the display thread

    /** Applies what arrived; true when anything changed. */
    public boolean drain() {
        boolean changed = false;
        for (Object o; (o = queue.poll()) != null;) {
            changed = true;
            switch (o) {
                case Boolean b -> {
                    counters.clear();
                    events.clear();
                    aTrains.clear();
                }
                case Measurement m -> {
                    Map<String, String> s = m.provenance().settings();
                    String preset = s.getOrDefault("alarm.traintime.preset", "prell2007");
                    boolean quoted = preset.equals("quoted2.5");
                    double mild = quoted ? Double.NaN : number(s.get("alarm.traintime.prell.mild.s"), 0.5);
                    double severe = quoted ? number(s.get("alarm.traintime.quoted.s"), 2.5)
                            : number(s.get("alarm.traintime.prell.severe.s"), 10);
                    Counter old = counters.get(m.channel());
                    counters.put(m.channel(), new Counter(m.channel(), m.value(), mild, severe, preset, old != null && old.cautery()));
                }
                case TrendPoint p when p.series().endsWith(SERIES_ATRAIN) -> {
                    String channel = p.series().substring(0, p.series().length() - SERIES_ATRAIN.length());
                    if (p.value() > 0) {
                        aTrains.add(new ATrainMark(channel, p.timeSeconds(), Double.NaN));
                    } else {
                        aTrains.replaceAll(m -> m.channel().equals(channel) && m.running()
                                ? new ATrainMark(channel, m.onsetSeconds(), p.timeSeconds()) : m);
                    }
                }
                case TrendPoint p -> {
                    String channel = p.series().substring(0, p.series().length() - SERIES_CAUTERY.length());
                    Counter old = counters.getOrDefault(channel, new Counter(channel, 0, 0.5, 10, "prell2007", false));
                    counters.put(channel, new Counter(channel, old.trainTimeSeconds(), old.mildSeconds(), old.severeSeconds(),
                            old.preset(), p.value() > 0));
                }
                case DetectedEvent e -> {
                    // the train's own event replaces its provisional mark
                    aTrains.removeIf(m -> m.channel().equals(e.channel()) && m.onsetSeconds() == e.timeSeconds() && !m.running());
                    events.addFirst(e);
                    while (events.size() > KEEP) {
                        events.removeLast();
                    }
                }
                default -> {
                }
            }
        }
        if (changed) {
            revision++;
        }
        return changed;
    }

    /** Counters in order of the first result of each channel. */
    public List<Counter> counters() {
        return List.copyOf(counters.values());
    }

    /** A-trains recognised and not yet reported as events (running ones first to last onset). */
    public List<ATrainMark> aTrainsInProgress() {
        return List.copyOf(aTrains);
    }

    /** The latest discharges (and cautery stretches), newest first. */
    public List<DetectedEvent> events() {
        return new ArrayList<>(events);
    }

    public long revision() {
        return revision;
    }

    private static double number(String text, double fallback) {
        try {
            return text == null ? fallback : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
