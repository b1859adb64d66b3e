package org.openionm.modality.ssep.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.openionm.dsp.Peak;

/**
 * Whether the averages a baseline is made of agree (issue 16: a tibial P37 baseline was captured on
 * one average that read 5.46 µV where the minutes before read 3.1–3.3 µV, and nothing warned). The
 * moving averages of the baseline's windows overlap, so only averages a whole window apart are
 * independent: the newest and those {@code stride} updates before it. Each is compared with their
 * median; one off by more than half of the ASNM criteria (amplitude ±25 %, latency ±5 %) is an
 * outlier: the baseline would carry part of it into every later comparison.
 *
 * @param independent times (s) of the independent averages compared, oldest first
 * @param amplitudes  their amplitudes (µV), same order
 * @param outlier     what is wrong, or null when they agree
 */
record BaselineAgreement(List<Double> independent, List<Double> amplitudes, String outlier) {

    /** Half the ASNM 2024 amplitude criterion (50 %): a baseline average further off is suspect. */
    static final double AMPLITUDE_TOLERANCE = 0.25;
    /** Half the ASNM 2024 latency criterion (10 %). */
    static final double LATENCY_TOLERANCE = 0.05;

    static BaselineAgreement of(List<AverageResult> history, ComponentNorm c, int stride, String definition) {
        List<AverageResult> picked = independent(history, c, stride, definition);
        List<Double> times = picked.stream().map(r -> r.timeSeconds).toList();
        List<Double> amps = picked.stream().map(r -> r.amplitudeOf(c)).toList();
        List<String> off = offNotes(picked, c, definition).stream().filter(n -> !n.isEmpty()).toList();
        return new BaselineAgreement(times, amps, off.isEmpty() ? null : String.join("; ", off));
    }

    /**
     * The independent averages of {@code history} measured by {@code definition} (the newest and
     * those a whole window, {@code stride} updates, before it), oldest first: what a baseline dialog
     * offers to choose from.
     */
    static List<AverageResult> independent(List<AverageResult> history, ComponentNorm c, int stride, String definition) {
        boolean pair = definition.contains("–");
        List<AverageResult> picked = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0; i -= Math.max(1, stride)) {
            AverageResult r = history.get(i);
            if (r.peaks.containsKey(c.name()) && (c.partner() != null && r.peaks.containsKey(c.partner())) == pair) {
                picked.add(0, r);
            }
        }
        return picked;
    }

    /** For each average, why it is off from their median ("" when it agrees); all "" for fewer than three. */
    static List<String> offNotes(List<AverageResult> picked, ComponentNorm c, String definition) {
        List<String> notes = new ArrayList<>();
        if (picked.size() < 3) { // two cannot say which one is off
            picked.forEach(r -> notes.add(""));
            return notes;
        }
        double medianAmp = median(picked.stream().map(r -> r.amplitudeOf(c)).toList());
        double medianLat = median(picked.stream().map(r -> r.peaks.get(c.name()).latencyMs()).toList());
        for (AverageResult r : picked) {
            double a = r.amplitudeOf(c);
            Peak p = r.peaks.get(c.name());
            double da = (a - medianAmp) / medianAmp;
            double dl = (p.latencyMs() - medianLat) / medianLat;
            notes.add(Math.abs(da) > AMPLITUDE_TOLERANCE || Math.abs(dl) > LATENCY_TOLERANCE
                    ? String.format(Locale.ROOT, "the average at %.1f s reads %.2f µV %s, %+.0f %% from the median %.2f µV"
                            + " (latency %.2f ms, %+.1f %%)", r.timeSeconds, a, definition, 100 * da, medianAmp, p.latencyMs(),
                            100 * dl)
                    : "");
        }
        return notes;
    }

    /** Provenance text: which averages were compared and how they came out. */
    String describe() {
        String which = independent.stream().map(t -> String.format(Locale.ROOT, "%.1f", t)).collect(Collectors.joining(", "))
                + " s: " + amplitudes.stream().map(a -> String.format(Locale.ROOT, "%.2f", a)).collect(Collectors.joining(", "))
                + " µV";
        if (independent.size() < 3) {
            return "not checked: " + independent.size() + " independent average(s) (" + which + ")";
        }
        return (outlier == null ? "agree within ±25 % amplitude, ±5 % latency" : "OUTLIER: " + outlier)
                + " (independent averages " + which + ")";
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
