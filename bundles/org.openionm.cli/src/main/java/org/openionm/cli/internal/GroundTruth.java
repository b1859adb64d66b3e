package org.openionm.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openionm.core.stimulation.SiteId;

/**
 * The simulator's scripted SSEP and MEP changes, read back from its ground-truth annotations
 * ({@code TRUTH tibial.left N34,P37,N45 amplitude -60% over 20 s}, {@code TRUTH MEP TA-L,AH-L
 * amplitude -95% over 30 s}) and replayed as the simulator applies them: each change moves a value
 * linearly from wherever it is to its new target over the ramp. From these the benchmark computes
 * when a change truly crosses an alarm criterion. Pure Java; unit-tested.
 */
final class GroundTruth {

    private static final Pattern SSEP = Pattern.compile(
            "TRUTH (\\S+) (all components|\\S+)"
                    + "(?: amplitude ([+-]?[0-9.]+)%)?(?:,? latency ([+-]?[0-9.]+) (ms|%))?(?: over ([0-9.]+) s)?");
    private static final Pattern MEP = Pattern.compile(
            "TRUTH MEP (\\S+)(?: amplitude ([+-]?[0-9.]+)%)?(?:,? threshold ([+-]?[0-9.]+) V)?(?: over ([0-9.]+) s)?");

    /** One scripted change; null fields are left as they were. Empty {@code targets}: every component of the site. */
    record Change(double atSeconds, String modality, String site, Set<String> targets, Double amplitudePercent,
            Double latencyShiftMs, Double latencyPercent, double rampSeconds) {

        boolean applies(String modality, String site, String target) {
            return this.modality.equals(modality) && this.site.equals(site) && (targets.isEmpty() || targets.contains(target));
        }
    }

    private final List<Change> changes = new ArrayList<>();

    /** Adds a ground-truth annotation; returns false for texts that are no SSEP/MEP change (cautery, notes…). */
    boolean add(double atSeconds, String text) {
        Matcher m = SSEP.matcher(text.trim());
        if (m.matches() && (m.group(3) != null || m.group(4) != null) && isNerve(m.group(1))) {
            Set<String> comps = m.group(2).equals("all components") ? Set.of() : Set.of(m.group(2).split(","));
            Double latency = m.group(4) == null ? null : Double.valueOf(m.group(4));
            boolean percent = "%".equals(m.group(5));
            changes.add(new Change(atSeconds, "ssep", m.group(1), comps, number(m.group(3)), percent ? null : latency,
                    percent ? latency : null, m.group(6) == null ? 0 : Double.parseDouble(m.group(6))));
            return true;
        }
        m = MEP.matcher(text.trim());
        if (m.matches() && m.group(2) != null) { // threshold-only changes raise MEDIUM alarms: not modelled here
            for (String muscle : m.group(1).split(",")) {
                changes.add(new Change(atSeconds, "mep", muscle, Set.of(muscle), number(m.group(2)), null, null,
                        m.group(4) == null ? 0 : Double.parseDouble(m.group(4))));
            }
            return true;
        }
        return false;
    }

    /** SSEP changes name a nerve site ({@code tibial.left}); "MEP" and other words are no site. */
    private static boolean isNerve(String site) {
        return SiteId.tryParse(site).filter(SiteId.Nerve.class::isInstance).isPresent();
    }

    private static Double number(String text) {
        return text == null ? null : Double.valueOf(text);
    }

    List<Change> changes() {
        return List.copyOf(changes);
    }

    /** SSEP sites (or MEP muscles) with a scripted change, each with the components it names (empty = all). */
    Map<String, Set<String>> changed(String modality) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Change c : changes) {
            if (c.modality().equals(modality)) {
                out.computeIfAbsent(c.site(), k -> new LinkedHashSet<>()).addAll(c.targets().isEmpty() ? Set.of("*") : c.targets());
            }
        }
        return out;
    }

    /** Onset of the first change of {@code target} at {@code site}, NaN when none. */
    double onset(String modality, String site, String target) {
        return changes.stream().filter(c -> c.applies(modality, site, target)).mapToDouble(Change::atSeconds).min().orElse(Double.NaN);
    }

    /** Amplitude as a fraction of its original value at {@code t}. */
    double amplitudeFactor(String modality, String site, String target, double t) {
        Ramp r = new Ramp(1);
        for (Change c : changes) {
            if (c.applies(modality, site, target) && c.amplitudePercent() != null && c.atSeconds() <= t) {
                r.moveTo(1 + c.amplitudePercent() / 100, c.atSeconds(), c.rampSeconds());
            }
        }
        return r.at(t);
    }

    /** Latency increase in percent of {@code baseLatencyMs} at {@code t} (shifts in ms and in % both count). */
    double latencyIncreasePercent(String site, String component, double baseLatencyMs, double t) {
        Ramp ms = new Ramp(0);
        Ramp pct = new Ramp(0);
        for (Change c : changes) {
            if (c.applies("ssep", site, component) && c.atSeconds() <= t) {
                if (c.latencyShiftMs() != null) {
                    ms.moveTo(c.latencyShiftMs(), c.atSeconds(), c.rampSeconds());
                } else if (c.latencyPercent() != null) {
                    pct.moveTo(c.latencyPercent(), c.atSeconds(), c.rampSeconds());
                }
            }
        }
        double fromMs = baseLatencyMs > 0 ? 100 * ms.at(t) / baseLatencyMs : 0;
        return fromMs + pct.at(t);
    }

    /** First time in [from, to] (1 ms steps) where {@code met} holds, NaN when never. */
    static double firstTime(DoublePredicate met, double from, double to) {
        long n = Math.round((to - from) * 1000);
        for (long i = 0; i <= n; i++) {
            double t = from + i / 1000.0;
            if (met.test(t)) {
                return t;
            }
        }
        return Double.NaN;
    }

    /** Nearest-rank percentile (p in 0..100) of {@code values}; NaN for none. */
    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /**
     * The simulator's ramp (linear from the current value to the target), in seconds. Stated again
     * on purpose: the bench takes its truth from the recording's TRUTH annotations, not from the
     * simulator's own (internal) code that it is checking.
     */
    private static final class Ramp {
        private double from;
        private double to;
        private double start;
        private double end;

        Ramp(double initial) {
            from = initial;
            to = initial;
        }

        double at(double t) {
            if (t >= end) {
                return to;
            }
            if (t <= start) {
                return from;
            }
            return from + (to - from) * (t - start) / (end - start);
        }

        void moveTo(double target, double startT, double duration) {
            from = at(startT);
            to = target;
            start = startT;
            end = startT + Math.max(0, duration);
        }
    }
}
