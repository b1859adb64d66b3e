package org.openionm.ui.widgets.evoked;

import java.util.Locale;
import java.util.Map;

import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.ui.widgets.evoked.EvokedModel.Row;
import org.openionm.ui.widgets.evoked.EvokedModel.Series;
import org.openionm.ui.widgets.evoked.EvokedRules.Axis;

/**
 * The words beside the pictures: every number says how it was produced (producer, filter,
 * averaging, baseline — from the result's provenance, never re-derived here).
 */
public final class EvokedText {

    private EvokedText() {
    }

    /** Tooltip of a waterfall row. */
    public static String describe(Row r) {
        StringBuilder b = new StringBuilder(r.label()).append("  (").append(r.site()).append(" → ").append(r.channel()).append(")");
        AverageTrace n = r.newest();
        if (n == null && r.building() != null) {
            AverageTrace w = r.building();
            b.append(String.format(Locale.ROOT, "%%nrunning average (incomplete, not measured): case time %%.1f s, %%s sweeps",
                    w.timeSeconds(), WaterfallCanvas.building(w)));
            line(b, "filter", w.provenance().settings().get("filter"));
            line(b, "averaging", w.provenance().settings().get("averaging"));
            return b.toString();
        }
        if (n == null) {
            return b.append("\nno trace yet").toString();
        }
        Map<String, String> p = n.provenance().settings();
        b.append(String.format(Locale.ROOT, "%nnewest: case time %.1f s, %d used, %d rejected", n.timeSeconds(),
                n.sweepsUsed(), n.sweepsRejected()));
        line(b, "filter", p.get("filter"));
        line(b, "averaging", p.get("averaging"));
        line(b, "rejection", p.get("rejection"));
        if (r.baseline() != null) {
            AverageTrace base = r.baseline();
            b.append(String.format(Locale.ROOT, "%nbaseline (dashed): captured at %.1f s from %d sweeps", base.timeSeconds(),
                    base.sweepsUsed()));
            String then = base.provenance().settings().get("filter");
            if (then != null && !then.equals(p.get("filter"))) {
                b.append("\n  baseline filter differs: ").append(then);
            }
        } else {
            b.append("\nbaseline: not captured");
        }
        for (Measurement m : r.markers()) {
            Map<String, String> mp = m.provenance().settings();
            b.append(String.format(Locale.ROOT, "%n%s: %s ms, %s µV (%s%s)", m.component(), num(m.latencyMs()),
                    num(m.amplitudeUv()), mp.getOrDefault("marker", "automatic"),
                    mp.containsKey("amplitude.definition") ? ", " + mp.get("amplitude.definition") : ""));
            line(b, "  vs", mp.get("baseline"));
            line(b, "  warning", mp.get("baseline.warning"));
        }
        mp(b, p);
        b.append("\nproducer: ").append(n.provenance().producer());
        return b.toString();
    }

    private static void mp(StringBuilder b, Map<String, String> p) {
        p.forEach((k, v) -> {
            if (k.startsWith("not.found.")) {
                line(b, k.substring("not.found.".length()) + " not found", v);
            }
        });
    }

    /** One line under a trend chart: latest value, baseline and the alarm threshold. */
    public static String summary(Series s) {
        double[] v = s.values();
        String unit = "uV".equals(s.unit()) ? "µV" : s.unit();
        StringBuilder b = new StringBuilder(s.target().label()).append(": ")
                .append(v.length == 0 ? "–" : num(v[v.length - 1]) + " " + unit);
        if (Double.isFinite(s.baseline())) {
            b.append("  (baseline ").append(num(s.baseline()));
            if (Double.isFinite(s.threshold())) {
                b.append(s.target().axis() == Axis.AMPLITUDE ? ", alarm < " : ", alarm > ").append(num(s.threshold()));
            }
            b.append(')');
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String key, String value) {
        if (value != null && !value.isBlank()) {
            b.append('\n').append(key).append(": ").append(value);
        }
    }

    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }
}
