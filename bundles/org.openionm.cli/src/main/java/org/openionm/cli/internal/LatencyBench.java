package org.openionm.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.alarm.Alarm;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmManager;
import org.openionm.alarm.AlarmSnapshot;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.Measurement;
import org.openionm.core.stimulation.PeriodicStimulation;
import org.openionm.core.stimulation.SiteId;
import org.openionm.core.stimulation.StimulationKind;
import org.openionm.processing.ProcessorHost;

/**
 * {@code openionm bench latency} (issue 4): for seeds 1..N the scenario runs through the whole
 * pipeline as fast as possible, baselines are captured at a fixed case time before the injury, and
 * each HIGH clinical alarm the alarm manager raises is matched against the ground truth: the time the
 * scripted change (read from the simulator's TRUTH annotations, replayed as its linear ramps) crosses
 * the processor's own criterion. Latency = raised − crossing. Alarms on sites/muscles without a
 * scripted change, or raised before the change began, are false; alarms on a muscle or component
 * whose change stays below the criterion are counted separately.
 */
final class LatencyBench {

    /** The component each SSEP channel's alarm watches (SsepProcessor: ComponentNorm.primary of the channel). */
    static final List<String> SSEP_WATCHED_UPPER = List.of("N9", "N13", "N20");
    static final List<String> SSEP_WATCHED_LOWER = List.of("PF", "N34", "P37");

    /** What the run must detect: one watched SSEP component of a site, or one MEP muscle. */
    record Target(String modality, String site, String name, double onset, double crossing, double recovery,
            double windowSeconds) {
        String label() {
            return modality.equals("ssep") ? "SSEP " + site + " " + name : "MEP " + name;
        }

        boolean crosses() {
            return !Double.isNaN(crossing);
        }
    }

    /** A HIGH clinical alarm raised (or recurring, or worsened to HIGH). */
    record Raise(double t, AlarmLogEntry entry, String component) {
        String describe() {
            String criterion = entry.key().criterion();
            int cut = criterion.indexOf(" [");
            return BenchReport.f("%.1f s %s %s %s%s [%s]: %s", t, entry.key().modality(), entry.key().site(), entry.key().channel(),
                    component == null ? "" : " (" + component + ")", cut > 0 ? criterion.substring(0, cut) : criterion, entry.values());
        }
    }

    record SeedResult(long seed, double wallSeconds, List<Target> targets, Map<String, Raise> first, List<String> falseAlarms,
            List<String> subCriterion, int otherClinical, int technical, Map<String, Raise> advisory,
            List<String> falseAdvisories) {
    }

    /** The SSEP sequential test's advisory flag (LOW, issue 17), told apart by its criterion. */
    static boolean advisory(AlarmLogEntry e) {
        return e.key().modality().equals("ssep") && e.key().criterion().startsWith("Possible change");
    }

    private final BenchReport r;

    LatencyBench(BenchReport report) {
        this.r = report;
    }

    private double ssepAmp;
    private double ssepLat;
    private double upperSweeps;
    private double lowerSweeps;
    private double mepPct;

    boolean run(BenchOptions o) throws Exception {
        AcquisitionEngine engine = Services.engine();
        ProcessorHost host = Services.service(ProcessorHost.class);
        AlarmManager alarms = Services.service(AlarmManager.class);
        ssepAmp = Services.processorDefault("ssep", "alarm.amplitude.decrease.percent", 50);
        ssepLat = Services.processorDefault("ssep", "alarm.latency.increase.percent", 10);
        double ssepConfirm = Services.processorDefault("ssep", "alarm.confirmations", 2);
        upperSweeps = Services.processorDefault("ssep", "upper.sweeps", 300);
        lowerSweeps = Services.processorDefault("ssep", "lower.sweeps", 500);
        boolean brain = "brain".equals(Services.processorDefaultValue("mep", "alarm.preset", "spinal"));
        mepPct = brain ? Services.processorDefault("mep", "alarm.amplitude.brain.pct", 50)
                : Services.processorDefault("mep", "alarm.amplitude.spinal.pct", 80);
        double mepConfirm = Services.processorDefault("mep", "alarm.confirm.trains", 1);
        r.printf("## latency: %s, seeds 1–%d, %d channels × %.0f Hz, replay, baselines captured at %.0f s%n%n", o.scenario(),
                o.seeds(), o.channels(), o.rate(), o.baselineAt());
        r.printf("Criteria (the processors' defaults): SSEP amplitude ↓ ≥ %.0f %% or latency ↑ ≥ %.0f %% confirmed on %.0f"
                + " consecutive averages (%.0f sweeps upper / %.0f lower limb); MEP amplitude ↓ > %.0f %% or loss, %.0f train(s)."
                + " Latency = alarm raised − ground-truth crossing of that criterion.%n%n", ssepAmp, ssepLat, ssepConfirm,
                upperSweeps, lowerSweeps, mepPct, mepConfirm);
        List<SeedResult> results = new ArrayList<>();
        for (long seed = 1; seed <= o.seeds(); seed++) {
            int logStart = alarms.log().size();
            PipelineRun run = PipelineRun.run(engine, host, o.scenario(), seed, o.rate(), o.channels(), o.baselineAt(), true, 3600);
            List<AlarmLogEntry> log = alarms.log();
            List<AlarmLogEntry> ours = List.copyOf(log.subList(Math.min(logStart, log.size()), log.size()));
            closeAll(alarms); // the next run starts with an empty alarm list, so its alarms are RAISED again
            SeedResult result = analyse(seed, run, ours, o.baselineAt());
            results.add(result);
            r.err.printf("bench: latency seed %d/%d: %.1f s case time in %.1f s, %d HIGH raised, %d false%n", seed, o.seeds(),
                    run.samples / run.rate, run.wallSeconds, result.first().size(), result.falseAlarms().size());
            if (!run.failures.isEmpty()) {
                throw new IllegalStateException("seed " + seed + ": processor failed: " + run.failures);
            }
        }
        print(o, results, ssepConfirm);
        return true;
    }

    /** Acknowledges every listed alarm and clears those still active, so the manager lists none. */
    static void closeAll(AlarmManager alarms) {
        AlarmSnapshot s = alarms.snapshot();
        double t = s.caseTimeSeconds();
        for (Alarm a : s.alarms()) {
            if (a.acknowledgement() == null) {
                alarms.acknowledge(a.key(), "bench", t, "seeded benchmark run ended");
            }
            if (a.conditionActive()) {
                alarms.onCondition(new AlarmCondition(t, a.key().modality(), a.key().site(), a.key().channel(), a.key().criterion(),
                        a.priority(), false, "benchmark run ended", a.baseline(), a.provenance()));
            }
        }
    }

    SeedResult analyse(long seed, PipelineRun run, List<AlarmLogEntry> log, double baselineAt) {
        GroundTruth truth = new GroundTruth();
        for (Annotation a : run.truth) {
            truth.add(a.sampleIndex() / run.rate, a.text());
        }
        double end = run.samples / run.rate;
        Map<String, Double> rates = new LinkedHashMap<>();
        double trainInterval = Double.NaN;
        for (PeriodicStimulation s : run.program.sites()) {
            rates.put(s.siteId(), s.rateHz());
            if (s.kind() == StimulationKind.TRAIN && s.rateHz() > 0) {
                trainInterval = Double.isNaN(trainInterval) ? 1 / s.rateHz() : Math.min(trainInterval, 1 / s.rateHz());
            }
        }
        List<Target> targets = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : truth.changed("ssep").entrySet()) {
            String site = e.getKey();
            boolean upper = SiteId.tryParse(site).orElse(null) instanceof SiteId.Nerve n
                    && (n.nerve().equals("median") || n.nerve().equals("ulnar"));
            double rate = rates.getOrDefault(site, Double.NaN);
            double window = (upper ? upperSweeps : lowerSweeps) / rate;
            for (String w : upper ? SSEP_WATCHED_UPPER : SSEP_WATCHED_LOWER) {
                if (!e.getValue().contains("*") && !e.getValue().contains(w)) {
                    continue;
                }
                double base = baseLatency(run.kept, site, w, baselineAt);
                java.util.function.DoublePredicate met = t -> truth.amplitudeFactor("ssep", site, w, t) <= 1 - ssepAmp / 100 + 1e-9
                        || truth.latencyIncreasePercent(site, w, base, t) >= ssepLat;
                targets.add(target("ssep", site, w, truth.onset("ssep", site, w), met, end, window));
            }
        }
        // the TcMEP processor measures every muscle channel by default (TcMEP, free-run and triggered EMG
        // montages alike: muscles.channels = all), so every scripted muscle is a target
        Set<ChannelRole> measured = Set.of(ChannelRole.MEP_MUSCLE, ChannelRole.EMG_FREE_RUN, ChannelRole.EMG_TRIGGERED);
        Set<String> muscles = new java.util.HashSet<>();
        for (Channel c : run.channels) {
            if (measured.contains(c.role())) {
                muscles.add(c.label());
            }
        }
        for (String muscle : truth.changed("mep").keySet()) {
            if (muscles.contains(muscle)) {
                java.util.function.DoublePredicate met = t -> truth.amplitudeFactor("mep", muscle, muscle, t) < 1 - mepPct / 100 - 1e-9;
                targets.add(target("mep", muscle, muscle, truth.onset("mep", muscle, muscle), met, end, trainInterval));
            }
        }
        double firstOnset = targets.stream().mapToDouble(Target::onset).min().orElse(Double.POSITIVE_INFINITY);
        Map<String, Raise> first = new LinkedHashMap<>();
        List<String> falses = new ArrayList<>();
        List<String> sub = new ArrayList<>();
        int other = 0;
        int technical = 0;
        Map<String, Raise> advisories = new LinkedHashMap<>();
        List<String> falseAdvisories = new ArrayList<>();
        for (AlarmLogEntry e : log) {
            boolean raise = e.event() == AlarmLogEntry.Event.RAISED || e.event() == AlarmLogEntry.Event.RECURRED
                    || e.event() == AlarmLogEntry.Event.WORSENED;
            if (!raise || e.key() == null) {
                continue;
            }
            if (e.key().technical()) {
                technical++;
                continue;
            }
            if (e.event() == AlarmLogEntry.Event.RAISED && advisory(e)) {
                Target t = targets.stream().filter(x -> x.modality().equals("ssep") && x.site().equals(e.key().site())
                        && x.crosses()).findFirst().orElse(null);
                Raise rs = new Raise(e.timeSeconds(), e, null);
                if (t == null || e.timeSeconds() < t.onset()) {
                    falseAdvisories.add(BenchReport.f("seed %d: %s", seed, rs.describe()));
                } else {
                    advisories.putIfAbsent(t.site(), rs);
                }
            }
            if (e.priority() != AlarmCondition.Priority.HIGH) {
                other++;
                continue;
            }
            String component = e.provenance() == null ? null : e.provenance().settings().get("alarm.component");
            Raise rs = new Raise(e.timeSeconds(), e, component);
            Target match = null;
            for (Target t : targets) {
                boolean same = t.modality().equals(e.key().modality()) && (t.modality().equals("ssep")
                        ? t.site().equals(e.key().site()) && (component == null || component.equals(t.name()))
                        : t.name().equals(e.key().channel()));
                if (same) {
                    match = t;
                    break;
                }
            }
            if (match == null) {
                falses.add(BenchReport.f("seed %d: %s — %s", seed, rs.describe(),
                        rs.t() < firstOnset ? "before any change" : "no scripted change there"));
            } else if (!match.crosses()) {
                sub.add(BenchReport.f("seed %d: %s — its change stays below the criterion", seed, rs.describe()));
            } else if (rs.t() < match.onset()) {
                falses.add(BenchReport.f("seed %d: %s — before the change began at %.1f s", seed, rs.describe(), match.onset()));
            } else {
                first.putIfAbsent(match.label(), rs);
            }
        }
        return new SeedResult(seed, run.wallSeconds, targets, first, falses, sub, other, technical, advisories,
                falseAdvisories);
    }

    private static Target target(String modality, String site, String name, double onset,
            java.util.function.DoublePredicate met, double end, double window) {
        double crossing = GroundTruth.firstTime(met, Double.isNaN(onset) ? 0 : onset, end);
        double recovery = Double.isNaN(crossing) ? Double.NaN : GroundTruth.firstTime(met.negate(), crossing, end);
        return new Target(modality, site, name, onset, crossing, recovery, window);
    }

    /** Latency of {@code component} in the last SSEP average before the baseline time, NaN when none. */
    private static double baseLatency(List<Measurement> kept, String site, String component, double baselineAt) {
        double latency = Double.NaN;
        synchronized (kept) {
            for (Measurement m : kept) {
                if (m.modality().equals("ssep") && m.site().equals(site) && m.component().equals(component)
                        && m.timeSeconds() <= baselineAt) {
                    latency = m.latencyMs();
                }
            }
        }
        return latency;
    }

    private void print(BenchOptions o, List<SeedResult> results, double ssepConfirm) {
        List<Target> targets = results.get(0).targets();
        r.out.println("| target | onset → criterion crossed (s) | averaging window | raised in | missed | raised after recovery |"
                + " latency min / median / p90 / max (s) | median latency in windows |");
        r.out.println("|---|---|---|---|---|---|---|---|");
        r.json.key("latency").begin('{').field("scenario", o.scenario()).field("seeds", o.seeds()).field("channels", o.channels())
                .field("samplingRateHz", o.rate()).field("baselineAtSeconds", o.baselineAt())
                .field("ssepAmplitudeDecreasePercent", ssepAmp).field("ssepLatencyIncreasePercent", ssepLat)
                .field("ssepConfirmations", ssepConfirm).field("mepAmplitudeDecreasePercent", mepPct);
        r.json.key("targets").begin('[');
        Map<String, List<Double>> byModality = new LinkedHashMap<>();
        Map<String, Integer> missedByModality = new LinkedHashMap<>();
        for (Target t : targets) {
            if (!t.crosses()) {
                r.printf("| %s | %.1f → never (change stays below the criterion) | | | | | | |%n", t.label(), t.onset());
                continue;
            }
            List<Double> lat = new ArrayList<>();
            int missed = 0;
            int late = 0;
            for (SeedResult s : results) {
                Raise rs = s.first().get(t.label());
                Target own = s.targets().stream().filter(x -> x.label().equals(t.label())).findFirst().orElse(t);
                if (rs == null) {
                    missed++;
                } else {
                    lat.add(rs.t() - own.crossing());
                    if (!Double.isNaN(own.recovery()) && rs.t() > own.recovery()) {
                        late++;
                    }
                }
            }
            String window = t.modality().equals("ssep") ? BenchReport.f("%.1f s (500-sweep moving average)", t.windowSeconds())
                    : BenchReport.f("train every %s s", BenchReport.num("%.0f", t.windowSeconds()));
            r.printf("| %s | %.1f → %.1f (back at %s) | %s | %d/%d | %d | %d | %s / %s / %s / %s | %s |%n", t.label(), t.onset(),
                    t.crossing(), BenchReport.num("%.1f", t.recovery()), window, lat.size(), results.size(), missed, late,
                    BenchReport.num("%.1f", GroundTruth.percentile(lat, 0)), BenchReport.num("%.1f", GroundTruth.percentile(lat, 50)),
                    BenchReport.num("%.1f", GroundTruth.percentile(lat, 90)), BenchReport.num("%.1f", GroundTruth.percentile(lat, 100)),
                    BenchReport.num("%.2f", GroundTruth.percentile(lat, 50) / t.windowSeconds()));
            r.json.element().begin('{').field("target", t.label()).field("onsetSeconds", t.onset())
                    .field("crossingSeconds", t.crossing()).field("recoverySeconds", t.recovery())
                    .field("windowSeconds", t.windowSeconds()).field("missed", missed).field("raisedAfterRecovery", late)
                    .key("latenciesSeconds").begin('[');
            lat.forEach(r.json::value);
            r.json.end(']').end('}');
        }
        r.json.end(']');
        // per modality: the first alarm on any affected target, against the earliest crossing of that modality
        for (String modality : List.of("ssep", "mep")) {
            List<Double> lat = new ArrayList<>();
            int missed = 0;
            for (SeedResult s : results) {
                double crossing = s.targets().stream().filter(t -> t.modality().equals(modality) && t.crosses())
                        .mapToDouble(Target::crossing).min().orElse(Double.NaN);
                if (Double.isNaN(crossing)) {
                    continue;
                }
                double raised = s.targets().stream().filter(t -> t.modality().equals(modality))
                        .map(t -> s.first().get(t.label())).filter(x -> x != null).mapToDouble(Raise::t).min().orElse(Double.NaN);
                if (Double.isNaN(raised)) {
                    missed++;
                } else {
                    lat.add(raised - crossing);
                }
            }
            byModality.put(modality, lat);
            missedByModality.put(modality, missed);
        }
        r.out.println();
        r.out.println("| modality (first alarm on any affected target − earliest crossing) | raised in | missed | latency min / median / p90 / max (s) |");
        r.out.println("|---|---|---|---|");
        r.json.key("modalities").begin('[');
        for (String modality : byModality.keySet()) {
            List<Double> lat = byModality.get(modality);
            r.printf("| %s | %d/%d | %d | %s / %s / %s / %s |%n", modality.toUpperCase(java.util.Locale.ROOT), lat.size(), results.size(),
                    missedByModality.get(modality), BenchReport.num("%.1f", GroundTruth.percentile(lat, 0)),
                    BenchReport.num("%.1f", GroundTruth.percentile(lat, 50)), BenchReport.num("%.1f", GroundTruth.percentile(lat, 90)),
                    BenchReport.num("%.1f", GroundTruth.percentile(lat, 100)));
            r.json.element().begin('{').field("modality", modality).field("missed", missedByModality.get(modality))
                    .key("latenciesSeconds").begin('[');
            lat.forEach(r.json::value);
            r.json.end(']').end('}');
        }
        r.json.end(']');
        r.out.println();
        // per seed
        StringBuilder head = new StringBuilder("| seed | wall (s) |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (Target t : targets) {
            if (t.crosses()) {
                head.append(' ').append(t.label()).append(" raised (s) |");
                rule.append("---|");
            }
        }
        r.out.println(head + " false HIGH | HIGH on sub-criterion change | other clinical (MEDIUM/LOW) | technical |");
        r.out.println(rule + "---|---|---|---|");
        r.json.key("runs").begin('[');
        List<String> falses = new ArrayList<>();
        List<String> subs = new ArrayList<>();
        for (SeedResult s : results) {
            StringBuilder row = new StringBuilder(BenchReport.f("| %d | %.1f |", s.seed(), s.wallSeconds()));
            r.json.element().begin('{').field("seed", s.seed()).field("wallSeconds", s.wallSeconds()).key("raised").begin('{');
            for (Target t : targets) {
                if (t.crosses()) {
                    Raise rs = s.first().get(t.label());
                    row.append(' ').append(rs == null ? "missed" : BenchReport.f("%.1f", rs.t())).append(" |");
                    r.json.field(t.label(), rs == null ? Double.NaN : rs.t());
                }
            }
            r.json.end('}').key("falseAlarms").begin('[');
            s.falseAlarms().forEach(r.json::value);
            r.json.end(']').key("subCriterionAlarms").begin('[');
            s.subCriterion().forEach(r.json::value);
            r.json.end(']').field("otherClinical", s.otherClinical()).field("technical", s.technical()).end('}');
            r.out.println(row + BenchReport.f(" %d | %d | %d | %d |", s.falseAlarms().size(), s.subCriterion().size(),
                    s.otherClinical(), s.technical()));
            falses.addAll(s.falseAlarms());
            subs.addAll(s.subCriterion());
        }
        r.json.end(']').end('}');
        r.out.println();
        // the SSEP advisory "possible change" (sequential test): latency from the site's earliest crossing
        List<Double> early = new ArrayList<>();
        int flagged = 0;
        List<String> falseFlags = new ArrayList<>();
        for (SeedResult s : results) {
            falseFlags.addAll(s.falseAdvisories());
            for (Map.Entry<String, Raise> e : s.advisory().entrySet()) {
                double crossing = s.targets().stream().filter(t -> t.modality().equals("ssep") && t.site().equals(e.getKey())
                        && t.crosses()).mapToDouble(Target::crossing).min().orElse(Double.NaN);
                early.add(e.getValue().t() - crossing);
                flagged++;
            }
        }
        r.printf("SSEP advisory 'possible change' (sequential test): flagged in %d/%d runs, latency from the crossing"
                + " min / median / p90 / max %s / %s / %s / %s s; false flags (unchanged site or before the change): %d%n",
                flagged, results.size(), BenchReport.num("%.1f", GroundTruth.percentile(early, 0)),
                BenchReport.num("%.1f", GroundTruth.percentile(early, 50)), BenchReport.num("%.1f", GroundTruth.percentile(early, 90)),
                BenchReport.num("%.1f", GroundTruth.percentile(early, 100)), falseFlags.size());
        falseFlags.stream().limit(20).forEach(x -> r.out.println("- " + x));
        r.printf("False HIGH clinical alarms (unaffected site/muscle or before the change): %d%n", falses.size());
        falses.stream().limit(40).forEach(x -> r.out.println("- " + x));
        r.printf("HIGH alarms on a change that stays below the criterion: %d%n", subs.size());
        subs.stream().limit(40).forEach(x -> r.out.println("- " + x));
        r.out.println();
    }
}
