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

    /**
     * One epoch's spectrum: PSD (µV²/Hz) at bin k = k × binHz, and its SEF95 (NaN until measured). A
     * column without bins ({@link #gap()}) stands for the stretch without data before an acquisition
     * that continued the case.
     */
    public record Column(double timeSeconds, float[] psd, double binHz, double sef95) {

        /** Whether this column is the gap between two acquisitions of the case, not an epoch. */
        public boolean gap() {
            return psd.length == 0;
        }
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
    /** Case times at which an acquisition continued the case after a stretch without data. */
    private final List<Double> gaps = new ArrayList<>();
    private long version;

    @Override
    public synchronized void acquisitionStarted() {
        columns.clear();
        trends.clear();
        gaps.clear();
        version++;
    }

    /**
     * The case goes on after a stretch without data (issue 16): the spectra and trends stay, each
     * derivation's array gets a gap column, and trend lines are not drawn across the gap.
     */
    @Override
    public synchronized void acquisitionContinued(double resumedAtSeconds, double gapSeconds) {
        gaps.add(resumedAtSeconds);
        for (List<Column> list : columns.values()) {
            double binHz = list.isEmpty() ? 1 : list.get(list.size() - 1).binHz();
            list.add(new Column(resumedAtSeconds, new float[0], binHz, Double.NaN));
            if (list.size() > MAX_COLUMNS) {
                list.remove(0);
            }
        }
        version++;
    }

    /** Case times at which the case was continued after a gap, in order. */
    public synchronized List<Double> gaps() {
        return List.copyOf(gaps);
    }

    /**
     * The {time, value} pairs of a series cut at the gaps: one run per stretch of data, so a line drawn
     * through each run never bridges a gap. Empty runs are left out.
     */
    public synchronized List<List<double[]>> segments(String series) {
        List<List<double[]>> runs = new ArrayList<>();
        List<double[]> run = new ArrayList<>();
        int next = 0;
        for (double[] p : trends.getOrDefault(series, List.of())) {
            boolean crossed = false;
            while (next < gaps.size() && p[0] >= gaps.get(next)) {
                next++;
                crossed = true;
            }
            if (crossed && !run.isEmpty()) {
                runs.add(run);
                run = new ArrayList<>();
            }
            run.add(p);
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
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
