package org.openionm.modality.eeg.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.TrendPoint;
import org.openionm.processing.ResultListener;

/**
 * What the EEG tab shows, fed by the processor host on its thread and read by the UI thread: per
 * derivation the spectra of its epochs (the processor publishes each as an {@code AverageTrace} with
 * site {@code spectrum}) with their SEF95, and trend series (BSR, asymmetry). No SWT: tested headless.
 * Keeps the last {@link #MAX_COLUMNS} epochs per derivation (2 h 40 min at 2-s epochs).
 */
public final class EegModel implements ResultListener {

    public static final String MODALITY = "eeg";
    public static final String SPECTRUM_SITE = "spectrum";
    static final int MAX_COLUMNS = 4800;

    /** One epoch's spectrum: PSD (µV²/Hz) at bin k = k × binHz, and its SEF95 (NaN until measured). */
    public record Column(double timeSeconds, float[] psd, double binHz, double sef95) {
    }

    /** A case event shown on the DSA (clamp on/off) at its case time. */
    public record Mark(double timeSeconds, String label) {
    }

    private static final EegModel SHARED = new EegModel();

    /** The workbench's model, fed from start-up by {@link EegFeedAddon}. */
    public static EegModel shared() {
        return SHARED;
    }

    private final Map<String, List<Column>> columns = new LinkedHashMap<>();
    private final List<Mark> marks = new ArrayList<>();
    private final Map<String, List<double[]>> trends = new LinkedHashMap<>();
    private long version;

    @Override
    public synchronized void acquisitionStarted() {
        columns.clear();
        trends.clear();
        version++;
    }

    @Override
    public synchronized void average(AverageTrace a) {
        if (!a.modality().equals(MODALITY) || !a.site().equals(SPECTRUM_SITE)) {
            return;
        }
        List<Column> list = columns.computeIfAbsent(a.channel(), k -> new ArrayList<>());
        list.add(new Column(a.timeSeconds(), a.samplesUv(), 1 / a.samplingRateHz(), Double.NaN));
        if (list.size() > MAX_COLUMNS) {
            list.remove(0);
        }
        version++;
    }

    @Override
    public synchronized void measurement(Measurement m) {
        if (!m.modality().equals(MODALITY) || !m.component().equals("SEF95")) {
            return;
        }
        List<Column> list = columns.get(m.channel());
        // the SEF95 of an epoch comes with the same time as its spectrum
        if (list != null && !list.isEmpty() && list.get(list.size() - 1).timeSeconds() == m.timeSeconds()) {
            Column c = list.get(list.size() - 1);
            list.set(list.size() - 1, new Column(c.timeSeconds(), c.psd(), c.binHz(), m.value()));
            version++;
        }
    }

    @Override
    public synchronized void trend(TrendPoint p) {
        if (!p.modality().equals(MODALITY)) {
            return;
        }
        String s = p.series();
        if (s.endsWith("/BSR") || s.endsWith("/asymmetry") || s.endsWith("/alphaRel") || s.endsWith("/betaRel")) {
            List<double[]> list = trends.computeIfAbsent(s, k -> new ArrayList<>());
            list.add(new double[] { p.timeSeconds(), p.value() });
            if (list.size() > MAX_COLUMNS) {
                list.remove(0);
            }
            version++;
        }
    }

    /** Feeds a result in as the host would (tests, and parts that replay). */
    public void accept(Object result) {
        if (result instanceof AverageTrace a) {
            average(a);
        } else if (result instanceof Measurement m) {
            measurement(m);
        } else if (result instanceof TrendPoint p) {
            trend(p);
        }
    }

    /** Adds a mark (e.g. "clamp on" from the case event log); NaN times (nothing acquiring) are ignored. */
    public synchronized void mark(double timeSeconds, String label) {
        if (Double.isFinite(timeSeconds) && marks.stream().noneMatch(m -> m.timeSeconds() == timeSeconds && m.label().equals(label))) {
            marks.add(new Mark(timeSeconds, label));
            version++;
        }
    }

    public synchronized List<Mark> marks() {
        return List.copyOf(marks);
    }

    /** Changes with every accepted result: the UI repaints only when it moved. */
    public synchronized long version() {
        return version;
    }

    public synchronized List<String> derivations() {
        return List.copyOf(columns.keySet());
    }

    public synchronized List<Column> columns(String derivation) {
        return List.copyOf(columns.getOrDefault(derivation, List.of()));
    }

    /** Series ids ending in {@code suffix} (e.g. "/BSR"), in arrival order. */
    public synchronized List<String> series(String suffix) {
        return trends.keySet().stream().filter(s -> s.endsWith(suffix)).toList();
    }

    /** {time, value} pairs of a series. */
    public synchronized List<double[]> trend(String series) {
        return List.copyOf(trends.getOrDefault(series, List.of()));
    }
}
