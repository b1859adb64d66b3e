package org.openionm.modality.ssep.internal;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.openionm.dsp.Butterworth;
import org.openionm.dsp.Peak;
import org.openionm.dsp.PeakDetector;
import org.openionm.dsp.PeakResult;
import org.openionm.dsp.PeakSpec;
import org.openionm.dsp.SosFilter;

/**
 * Filters a finished average zero-phase (a causal filter moves latencies; IONM-REFERENCE "Filters
 * and latency") and finds its components inside their windows, gated by the ± noise estimate.
 */
final class Analysis {

    private Analysis() {
    }

    static SosFilter filterFor(Recording rec, Map<String, Double> s) {
        boolean cortical = rec.level() == Recording.Level.CORTICAL;
        double fs = rec.channel().samplingRateHz();
        double hp = s.get(cortical ? SsepSettings.CORTICAL_HP : SsepSettings.SUBCORTICAL_HP);
        // a corner at or above Nyquist is not realisable: cap it just below
        double lp = Math.min(s.get(cortical ? SsepSettings.CORTICAL_LP : SsepSettings.SUBCORTICAL_LP), 0.45 * fs);
        return design(new FilterKey(s.get(SsepSettings.FILTER_ORDER).intValue(), hp, lp, fs));
    }

    /** The band of one filter design; a settings change (what-if re-analysis) gives a new key. */
    private record FilterKey(int order, double highpassHz, double lowpassHz, double fs) {
    }

    /** Few distinct bands exist at once (cortical, subcortical, a what-if's); more means settings churn. */
    private static final int MAX_DESIGNS = 64;
    private static final Map<FilterKey, SosFilter> DESIGNS = new ConcurrentHashMap<>();

    /**
     * Designed once per band, not per average: the design (complex square roots, hence
     * {@code StrictMath.atan2}) was the top CPU frame of a re-analysis. {@link SosFilter} is immutable,
     * so the same coefficients are shared and the results are bit-identical.
     */
    private static SosFilter design(FilterKey k) {
        SosFilter f = DESIGNS.get(k);
        if (f == null) {
            if (DESIGNS.size() >= MAX_DESIGNS) {
                DESIGNS.clear();
            }
            f = Butterworth.bandPass(k.order(), k.highpassHz(), k.lowpassHz(), k.fs());
            DESIGNS.put(k, f);
        }
        return f;
    }

    /**
     * @param manual latencies (ms) of markers the user placed, by {@code site/channel/component}:
     *               the next averages search there first
     */
    static AverageResult analyse(ChannelAverage ca, ChannelAverage.Snapshot snap, Map<String, Double> s,
            double timeSeconds, Map<String, Baseline> baselines, Map<String, Double> manual) {
        double fs = ca.recording.channel().samplingRateHz();
        SosFilter filter = filterFor(ca.recording, s);
        float[] filtered = filter.filtfilt(snap.average());
        // noise of the filtered average: the ± average through the same filter
        double noise = rms(filter.filtfilt(snap.noiseEstimate())) * snap.noiseScale();
        int from = (int) Math.ceil(s.get(SsepSettings.BLANKING) * fs / 1000);
        // reproducibility of what is measured: the filtered odd and even sub-averages
        float[] even = snap.even();
        float[] oddFiltered = even.length == 0 ? null : filter.filtfilt(snap.odd());
        float[] evenFiltered = even.length == 0 ? null : filter.filtfilt(even);
        double repro = even.length == 0 ? Double.NaN
                : pearson(oddFiltered, evenFiltered, Math.min(from, filtered.length - 2));

        Map<String, String> prov = new TreeMap<>();
        prov.putAll(settingsText(s));
        prov.put("filter", filter.describeZeroPhase());
        prov.put("averaging", ca.describeAveraging() + "; ± average (Schimmel 1967) noise; odd/even reproducibility");
        prov.put("rejection", ca.describeRejection());
        snap.rejectedByReason().forEach((k, v) -> prov.put("rejected." + k, Integer.toString(v)));
        prov.put("noise.uv", fmt(noise));
        prov.put("reproducibility.r", fmt(repro));
        prov.put("cautery.paused", Boolean.toString(snap.cauteryPaused()));

        AverageResult r = new AverageResult(timeSeconds, ca, filtered, fs, noise, repro, snap.sweeps(),
                snap.rejectedTotal(), snap.cauteryPaused(), prov);
        r.filteredOdd = oddFiltered;
        r.filteredEven = evenFiltered;
        PeakDetector detector = new PeakDetector(fs, 0, s.get(SsepSettings.PEAK_K));
        PeakDetector tracker = new PeakDetector(fs, 0, s.get(SsepSettings.TRACK_K));
        for (ComponentNorm c : ca.components) {
            Baseline b = baselines.get(ca.key() + "/" + c.name());
            if (b != null) {
                r.baselineComponents.add(c.name());
                r.baselineLatencyMs.put(c.name(), b.latencyMs());
                if (b.settings().getOrDefault(BaselineEstimate.DEFINITION, "").contains("–")) {
                    r.pairedBaselines.add(c.name());
                }
            }
            Double placed = manual.get(ca.key() + "/" + c.name());
            PeakResult pr = placed != null ? tracker.detect(filtered, trackingWindow(c, placed, s), noise)
                    : b == null ? detector.detect(filtered, new PeakSpec(c.name(), s.get(c.fromKey()), s.get(c.toKey()), c.polarity()), noise)
                    : tracker.detect(filtered, trackingWindow(c, b.latencyMs(), s), noise);
            if (pr instanceof PeakResult.Found f) {
                r.peaks.put(c.name(), f.peak());
                r.detection.put(c.name(), placed != null ? "tracked from manual marker at " + fmtMs(placed)
                        : b == null ? "automatic" : "tracked from baseline");
            } else if (placed != null) {
                // nothing stands out near the user's marker: read it where the user put it, never invent a peak
                r.peaks.put(c.name(), new Peak(c.name(), placed, r.valueAt(placed), Double.NaN));
                r.detection.put(c.name(), "held at manual marker " + fmtMs(placed) + " (" + ((PeakResult.Rejected) pr).reason() + ")");
            } else if (pr instanceof PeakResult.Rejected rej) {
                r.notFound.put(c.name(), rej.reason());
            }
        }
        return r;
    }

    /**
     * With a baseline (or a marker the user placed) the marker follows that peak, as a technologist's does: searched from
     * a little before it to past the latency alarm limit (so an increase stays measurable), with a
     * lower prominence bar than finding a component from nothing. A lost response still reads as a
     * large amplitude drop, which is the alarm it should be.
     */
    static PeakSpec trackingWindow(ComponentNorm c, double referenceMs, Map<String, Double> s) {
        double margin = s.get(SsepSettings.TRACK_MS);
        double latLimit = s.get(SsepSettings.ALARM_LATENCY);
        double from = Math.max(s.get(c.fromKey()), referenceMs - margin);
        double to = Math.min(s.get(c.toKey()), referenceMs * (1 + latLimit / 100) + margin);
        return new PeakSpec(c.name(), from, Math.max(to, from + 1), c.polarity());
    }

    static double rms(float[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (float v : x) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum / x.length);
    }

    static double pearson(float[] a, float[] b, int from) {
        double ma = 0, mb = 0;
        int n = a.length - from;
        for (int i = from; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = from; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    static String fmtMs(double ms) {
        return String.format(Locale.ROOT, "%.2f ms", ms);
    }

    /** The settings as provenance text, and the (immutable) map they were formatted from. */
    private record SettingsText(Map<String, Double> settings, Map<String, String> text) {
    }

    private static volatile SettingsText lastSettings;

    /**
     * The settings formatted once per settings map (a processor's changes only at its start), not at
     * every average: String.format of some 60 numbers per average was a sixth of a case's re-analysis.
     * The maps come from {@link SsepSettings#numbers} (immutable), so the same map means the same text.
     */
    static Map<String, String> settingsText(Map<String, Double> s) {
        SettingsText t = lastSettings;
        if (t == null || t.settings() != s) {
            Map<String, String> text = new TreeMap<>();
            s.forEach((k, v) -> text.put(k, fmt(v)));
            t = new SettingsText(s, java.util.Collections.unmodifiableMap(text));
            lastSettings = t;
        }
        return t.text();
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
