package org.openionm.modality.ssep.internal;

import java.util.HashMap;
import java.util.Map;

import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.ProcessorOutput;
import org.openionm.core.processing.Provenance;
import org.openionm.core.processing.TrendPoint;
import org.openionm.dsp.Peak;

/** Turns an analysed average into measurements, the display trace and trend points. */
final class Reporter {

    /** Id and installed version of this processor, stamped on every result's provenance. */
    private final String producer;

    Reporter(String producer) {
        this.producer = producer;
    }

    void publish(AverageResult r, Map<String, Baseline> baselines, ProcessorOutput out) {
        String site = r.owner.site.id();
        String ch = r.owner.recording.label();
        // say why an expected component is absent, so "not found" is never silent
        Map<String, String> prov = new HashMap<>(r.provenance);
        r.notFound.forEach((c, why) -> prov.put("not.found." + c, why));
        if (r.projection != null && !Double.isNaN(r.projection.ratio())) {
            // on the average too: it exists whether or not a peak stood out (a lost response has no measurement)
            prov.put("amplitude.projection.component", r.projectedComponent);
            prov.put("amplitude.projection.change.percent", Analysis.fmt(r.projection.changePercent()));
        }
        out.average(new AverageTrace(r.timeSeconds, SsepProcessor.ID, site, ch, r.filtered, r.samplingRateHz,
                r.sweepsUsed, r.sweepsRejected, new Provenance(producer, prov)));
        for (ComponentNorm c : r.owner.components) {
            if (r.peaks.containsKey(c.name())) {
                publish(measurement(r, c, baselines.get(site + "/" + ch + "/" + c.name())), out);
            }
        }
        if (!Double.isNaN(r.reproducibility)) {
            out.trend(new TrendPoint(r.timeSeconds, SsepProcessor.ID, site + "/" + ch + "/reproducibility",
                    r.reproducibility, "r"));
        }
    }

    /**
     * The running average of {@code ca} while its window fills: {@code sweepsUsed} of
     * {@code sweeps.target}, marked {@code partial}, filtered as the full averages are.
     */
    AverageTrace partial(ChannelAverage ca, float[] filtered, String filter, double timeSeconds) {
        int n = (int) ca.accepted();
        Map<String, String> prov = new HashMap<>();
        prov.put("partial", "true");
        prov.put("sweeps.target", Integer.toString(ca.target()));
        prov.put("averaging", "running mean of the first " + n + " of " + ca.target()
                + " sweeps while the window fills: shown only, not measured, not judged");
        prov.put("filter", filter);
        return new AverageTrace(timeSeconds, SsepProcessor.ID, ca.site.id(), ca.recording.label(), filtered,
                ca.recording.channel().samplingRateHz(), n, ca.rejectedSoFar(), new Provenance(producer, prov));
    }

    /** The displayed trace of {@code r}, stamped {@code timeSeconds} (a baseline carries its capture time). */
    AverageTrace trace(AverageResult r, double timeSeconds) {
        return new AverageTrace(timeSeconds, SsepProcessor.ID, r.owner.site.id(), r.owner.recording.label(),
                r.filtered, r.samplingRateHz, r.sweepsUsed, r.sweepsRejected, new Provenance(producer, r.provenance));
    }

    static void publish(Measurement m, ProcessorOutput out) {
        out.measurement(m);
        String series = m.site() + "/" + m.channel() + "/" + m.component() + "/";
        out.trend(new TrendPoint(m.timeSeconds(), SsepProcessor.ID, series + "latency", m.latencyMs(), "ms"));
        out.trend(new TrendPoint(m.timeSeconds(), SsepProcessor.ID, series + "amplitude", m.amplitudeUv(), "uV"));
        String amp = m.provenance().settings().get("amplitude.change.percent");
        if (amp != null) {
            out.trend(new TrendPoint(m.timeSeconds(), SsepProcessor.ID, series + "amplitude.change",
                    Double.parseDouble(amp), "%"));
            out.trend(new TrendPoint(m.timeSeconds(), SsepProcessor.ID, series + "latency.change",
                    Double.parseDouble(m.provenance().settings().get("latency.change.percent")), "%"));
        }
    }

    /** The measurement of component {@code c}, with its change against {@code baseline} if any. */
    Measurement measurement(AverageResult r, ComponentNorm c, Baseline baseline) {
        Peak p = r.peaks.get(c.name());
        double amplitude = r.amplitudeOf(c);
        Map<String, String> prov = new HashMap<>(r.provenance);
        prov.put("amplitude.definition", r.amplitudeName(c));
        prov.put("marker", r.manual.contains(c.name()) ? "manual" : r.detection.getOrDefault(c.name(), "automatic"));
        if (!Double.isNaN(p.prominence())) {
            prov.put("prominence.uv", Analysis.fmt(p.prominence()));
        }
        if (baseline != null) {
            prov.put("baseline", describe(baseline));
            String then = baseline.settings().get("filter");
            if (then != null && !then.equals(r.provenance.get("filter"))) {
                // a filter change alone moves latency and amplitude (IONM-REFERENCE, Filters and latency)
                prov.put("baseline.warning", "filter differs from baseline: " + then);
            }
            double peakChange = percent(amplitude, baseline.amplitudeUv());
            prov.put("amplitude.peak.change.percent", Analysis.fmt(peakChange));
            TemplateProjection.Projection proj = c.name().equals(r.projectedComponent) ? r.projection : null;
            boolean projected = proj != null && !Double.isNaN(proj.ratio());
            if (projected) {
                prov.put("amplitude.projection.uv", Analysis.fmt(proj.amplitudeUv(baseline.amplitudeUv())));
                prov.put("amplitude.projection.change.percent", Analysis.fmt(proj.changePercent()));
                prov.put("amplitude.projection.shift.ms", Analysis.fmt(proj.shiftMs()));
                prov.put("amplitude.projection.method", r.owner.projection.description());
            }
            // the change the alarm criterion judges, and how it was measured
            boolean useProjection = projected && r.projectionForAlarm;
            prov.put("amplitude.change.percent", Analysis.fmt(useProjection ? proj.changePercent() : peakChange));
            prov.put("amplitude.change.method", useProjection ? "projection on the baseline waveform" : "peak-to-peak");
            prov.put("latency.change.percent", Analysis.fmt(percent(p.latencyMs(), baseline.latencyMs())));
        }
        return new Measurement(r.timeSeconds, SsepProcessor.ID, r.owner.site.id(), r.owner.recording.label(),
                c.name(), p.latencyMs(), amplitude, r.sweepsUsed, r.sweepsRejected, new Provenance(producer, prov));
    }

    static double percent(double value, double reference) {
        return (value - reference) / Math.abs(reference) * 100;
    }

    static String describe(Baseline b) {
        return String.format(java.util.Locale.ROOT, "baseline at %.1f s: %.2f uV, %.2f ms", b.timeSeconds(),
                b.amplitudeUv(), b.latencyMs());
    }
}
