package org.openionm.modality.emg.triggered.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.TrendPoint;
import org.openionm.core.stimulation.SiteId;
import org.openionm.processing.ResultListener;

/**
 * What the t-EMG tab shows, kept from the triggered-EMG processor's results (SWT-free, heard on the
 * processing thread, read by the UI thread): one row per stimulation site with its latest threshold,
 * the muscle that set it and the band its alarm (or the absence of one) says; the latest response
 * per muscle. {@link #revision()} tells the view when to redraw.
 */
public final class TemgModel implements ResultListener {

    public static final String MODALITY = "emg.triggered";

    /** The band of a site's threshold: the priority of the alarm it raised, or none (reassuring). */
    public enum Band { HIGH, MEDIUM, LOW, NONE }

    /**
     * One row of the site table.
     *
     * @param level       screw level ("L4") or the nerve's name; the id itself for other sites
     * @param side        "left"/"right", empty when the id names none
     * @param thresholdMa latest threshold, NaN before the first
     * @param reading     the band's reading from the alarm ("breach likely"), or "no alarm"
     */
    public record SiteRow(String site, String level, String side, double thresholdMa, String unit, String muscle, Band band,
            String reading, double timeSeconds) {
    }

    /** The newest response of one muscle. */
    public record Response(String muscle, String site, double timeSeconds, float[] traceUv, double samplingRateHz,
            double p2pUv, boolean present) {
    }

    private final Map<String, SiteRow> rows = new TreeMap<>();
    private final Map<String, Response> responses = new LinkedHashMap<>();
    /** The first muscle whose threshold was published at a site and step ("site|time"). */
    private final Map<String, String> firstAtStep = new LinkedHashMap<>();
    private static final String THRESHOLD_SERIES = "/threshold";
    private long revision;

    public synchronized long revision() {
        return revision;
    }

    public synchronized List<SiteRow> rows() {
        return List.copyOf(rows.values());
    }

    public synchronized List<Response> responses() {
        return List.copyOf(responses.values());
    }

    @Override
    public synchronized void acquisitionStarted() {
        rows.clear();
        responses.clear();
        firstAtStep.clear();
        revision++;
    }

    @Override
    public synchronized void measurement(Measurement m) {
        if (!m.modality().equals(MODALITY)) {
            return;
        }
        if (m.component().equals("CMAP")) {
            Response r = responses.get(m.channel());
            if (r != null && r.timeSeconds() == m.timeSeconds()) {
                responses.put(m.channel(), new Response(r.muscle(), r.site(), r.timeSeconds(), r.traceUv(), r.samplingRateHz(),
                        m.amplitudeUv(), true));
            }
        } else if (m.component().equals("threshold")) {
            firstAtStep.putIfAbsent(m.site() + "|" + m.timeSeconds(), m.channel());
        }
        revision++;
    }

    /** The processor marks a site's threshold (the first response of a ramp) with the trend {@code <site>/threshold}. */
    @Override
    public synchronized void trend(TrendPoint p) {
        if (!p.modality().equals(MODALITY) || !p.series().endsWith(THRESHOLD_SERIES)) {
            return;
        }
        String site = p.series().substring(0, p.series().length() - THRESHOLD_SERIES.length());
        String[] place = place(site);
        String muscle = firstAtStep.remove(site + "|" + p.timeSeconds());
        rows.put(site, new SiteRow(site, place[0], place[1], p.value(), p.unit(), muscle == null ? "" : muscle, Band.NONE,
                "no alarm", p.timeSeconds()));
        revision++;
    }

    @Override
    public synchronized void average(AverageTrace a) {
        if (!a.modality().equals(MODALITY)) {
            return;
        }
        responses.put(a.channel(), new Response(a.channel(), a.site(), a.timeSeconds(), a.samplesUv(), a.samplingRateHz(),
                peakToPeak(a.samplesUv()), false));
        revision++;
    }

    @Override
    public synchronized void alarm(AlarmCondition c) {
        if (!c.modality().equals(MODALITY)) {
            return;
        }
        SiteRow row = rows.get(c.site());
        if (row == null) {
            return;
        }
        if (c.active()) {
            Band band = Band.valueOf(c.priority().name());
            String values = c.values();
            String reading = values.contains(": ") ? values.substring(values.lastIndexOf(": ") + 2) : c.criterion();
            rows.put(c.site(), new SiteRow(row.site(), row.level(), row.side(), row.thresholdMa(), row.unit(), c.channel(), band,
                    reading, row.timeSeconds()));
        } else if (row.band() != Band.NONE) {
            rows.put(c.site(), new SiteRow(row.site(), row.level(), row.side(), row.thresholdMa(), row.unit(), row.muscle(),
                    Band.NONE, "no alarm", row.timeSeconds()));
        }
        revision++;
    }

    /** Level (or nerve) and side of a site id; the id itself and no side for ids in none of OpenIONM's forms. */
    static String[] place(String site) {
        Optional<SiteId> id = SiteId.tryParse(site);
        if (id.isPresent() && id.get() instanceof SiteId.PedicleScrew s) {
            return new String[] { s.level(), s.side().token() };
        }
        if (id.isPresent() && id.get() instanceof SiteId.Nerve n) {
            return new String[] { n.nerve(), n.side().token() };
        }
        return new String[] { site, "" };
    }

    private static double peakToPeak(float[] v) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (float x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        return v.length == 0 ? 0 : hi - lo;
    }

    /** Muscles in the order of their first response, for the response strip. */
    public synchronized List<String> muscles() {
        return new ArrayList<>(responses.keySet());
    }
}
