package org.openionm.modality.ssep.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.ModalityProcessor;
import org.openionm.core.processing.ProcessorContext;
import org.openionm.core.processing.ProcessorOutput;
import org.openionm.core.processing.SettingDescriptor;
import org.openionm.core.processing.SettingValues;
import org.openionm.dsp.Peak;
import org.osgi.service.component.annotations.Component;

/**
 * Headless SSEP: stimulus-locked moving averages per (site, recording channel), zero-phase
 * filtered, components found in their normative windows, compared with an explicitly captured
 * baseline under the ASNM 2024 preset. Engine callbacks arrive on one thread; the user actions
 * ({@link #captureBaseline}, {@link #moveMarker}) may come from another, hence the locking.
 */
@Component(service = ModalityProcessor.class)
public final class SsepProcessor implements ModalityProcessor {

    public static final String ID = "ssep";

    private final AlarmPreset preset = AlarmPreset.ASNM_2024;
    private Map<String, Double> settings = SsepSettings.numbers(SsepSettings.effective(Map.of()));
    private boolean alarmSubcortical;
    private boolean projectionForAlarm;
    private boolean sequential = true;
    private ProcessorOutput output;
    private Reporter reporter = new Reporter("unversioned");
    private AlarmTracker alarms = new AlarmTracker(preset, "unversioned");
    private final Map<String, List<ChannelAverage>> bySite = new LinkedHashMap<>();
    private final List<Channel> channels = new ArrayList<>();
    private final List<PendingSweep> pending = new ArrayList<>();
    private final Map<String, Baseline> baselines = new LinkedHashMap<>();
    /** Latencies of markers the user placed, by site/channel/component, until the next baseline or acquisition. */
    private final Map<String, Double> manualLatencies = new HashMap<>();
    private long nextExpectedSample = -1;
    /** Baseline waveforms of the averages before a continued acquisition, by site/channel, until they are re-created. */
    private final Map<String, CarriedTemplate> carriedTemplates = new HashMap<>();

    private record CarriedTemplate(double samplingRateHz, TemplateProjection projection) {
    }

    @Override public String id() { return ID; }

    @Override public String displayName() { return "Somatosensory evoked potentials"; }

    @Override
    public Set<ChannelRole> acceptedRoles() {
        return Set.of(ChannelRole.SSEP_PERIPHERAL, ChannelRole.SSEP_SUBCORTICAL, ChannelRole.SSEP_CORTICAL);
    }

    @Override public List<SettingDescriptor> settings() { return SsepSettings.descriptors(); }

    /** The alarm preset in use, with its source. */
    public AlarmPreset alarmPreset() { return preset; }

    @Override
    public synchronized void start(ProcessorContext context) {
        SettingValues values = SsepSettings.effective(context.settings());
        settings = SsepSettings.numbers(values);
        alarmSubcortical = values.flag(SsepSettings.ALARM_SUBCORTICAL);
        projectionForAlarm = SsepSettings.METHOD_PROJECTION.equals(values.choice(SsepSettings.AMPLITUDE_METHOD));
        sequential = values.flag(SsepSettings.SEQUENTIAL);
        output = context.output();
        reporter = new Reporter(context.producer());
        producer = context.producer();
        carriedTemplates.clear();
        if (context.continuesCase()) {
            // the case goes on (issue 16): baselines, their advisories, the alarm state and the user's
            // markers stay; the averages start anew, so nothing from before the gap is averaged in
            bySite.values().forEach(list -> list.forEach(ca -> {
                if (ca.projection != null) {
                    carriedTemplates.put(ca.key(), new CarriedTemplate(ca.recording.channel().samplingRateHz(), ca.projection));
                }
            }));
        } else {
            outlierAdvisories.clear();
            alarms = new AlarmTracker(preset, context.producer());
            baselines.clear(); // a new acquisition has new channels and averages: no stale reference
            manualLatencies.clear();
        }
        bySite.clear();
        pending.clear();
        channels.clear();
        nextExpectedSample = -1;
        for (Channel ch : context.channels()) {
            if (acceptedRoles().contains(ch.role())) {
                channels.add(ch);
            }
        }
    }

    @Override
    public synchronized void onStimulus(StimulusEvent event) {
        Optional<StimSite> site = StimSite.parse(event.siteId());
        if (site.isEmpty() || output == null) {
            return; // not an SSEP site (e.g. a TcMEP train)
        }
        List<ChannelAverage> targets = bySite.computeIfAbsent(event.siteId(), id -> averagesFor(site.get()));
        if (targets.isEmpty()) {
            return;
        }
        if (nextExpectedSample >= 0 && event.sampleIndex() < nextExpectedSample) {
            // its first samples have already gone by: the sweep could never be complete
            targets.forEach(ca -> ca.discard("late"));
            return;
        }
        double fs = targets.get(0).recording.channel().samplingRateHz();
        double ms = settings.get(site.get().upperLimb() ? SsepSettings.UPPER_WINDOW : SsepSettings.LOWER_WINDOW);
        pending.add(new PendingSweep(site.get(), event.sampleIndex(), (int) Math.round(ms * fs / 1000), targets));
    }

    private List<ChannelAverage> averagesFor(StimSite site) {
        List<ChannelAverage> list = new ArrayList<>();
        for (Channel ch : channels) {
            Recording.of(ch).ifPresent(rec -> {
                List<ComponentNorm> comps = ComponentNorm.searchedOn(site, rec);
                if (!comps.isEmpty()) {
                    ChannelAverage ca = new ChannelAverage(site, rec, comps, settings);
                    CarriedTemplate carried = carriedTemplates.get(ca.key());
                    if (carried != null && carried.samplingRateHz() == ch.samplingRateHz()) {
                        ca.projection = carried.projection(); // the baseline waveform of the continued case
                    }
                    list.add(ca);
                }
            });
        }
        return list;
    }

    @Override
    public synchronized void onBlock(SampleBlock block) {
        if (nextExpectedSample >= 0 && block.firstSampleIndex() > nextExpectedSample) {
            // the clock jumped without a DataGap: treat the hole as one
            discardOverlapping(nextExpectedSample, block.firstSampleIndex());
        }
        nextExpectedSample = block.endSampleIndex();
        for (Iterator<PendingSweep> it = pending.iterator(); it.hasNext();) {
            PendingSweep sweep = it.next();
            sweep.take(block);
            if (sweep.complete()) {
                it.remove();
                List<ChannelAverage> targets = sweep.targets();
                for (int t = 0; t < targets.size(); t++) {
                    ChannelAverage ca = targets.get(t);
                    float[] accepted = ca.offer(sweep.channelData(t));
                    double time = sweep.end / ca.recording.channel().samplingRateHz();
                    if (accepted != null && ca.detector != null) {
                        testSweep(ca, accepted, time);
                    }
                    completeIfFull(ca, time);
                }
            }
        }
    }

    /** One accepted sweep into the sequential test; the advisory flag when it crosses its threshold. */
    private void testSweep(ChannelAverage ca, float[] sweep, double timeSeconds) {
        double ratio = ca.projection.ratioAtBaseline(ca.sweepFilter.filtfilt(sweep));
        if (ca.detector.offer(ratio)) {
            ca.acceptedAtFlag = ca.accepted();
            ComponentNorm watched = watched(ca);
            Baseline b = watched == null ? null : baselines.get(ca.key() + "/" + watched.name());
            if (b != null) {
                output.alarm(alarms.possibleChange(timeSeconds, ca, watched, b, settings));
            }
        }
    }

    private void completeIfFull(ChannelAverage ca, double timeSeconds) {
        if (ca.partialDue()) {
            // the running average while the window fills: shown, never measured nor judged
            org.openionm.dsp.SosFilter filter = Analysis.filterFor(ca.recording, settings);
            output.partialAverage(reporter.partial(ca, filter.filtfilt(ca.partialMean()), filter.describeZeroPhase(), timeSeconds));
        }
        if (!ca.due()) {
            return;
        }
        AverageResult r = Analysis.analyse(ca, ca.take(), settings, timeSeconds, baselines, manualLatencies);
        ComponentNorm watched = watched(ca);
        if (ca.projection != null && watched != null) {
            r.projection = ca.projection.measureAligned(r.filtered, r.filteredOdd, r.filteredEven);
            r.projectedComponent = watched.name();
            r.projectionForAlarm = projectionForAlarm;
        }
        ca.remember(r);
        reporter.publish(r, baselines, output);
        Baseline b = watched == null ? null : baselines.get(ca.key() + "/" + watched.name());
        TemplateProjection.Projection judged = projectionForAlarm ? r.projection : null;
        alarms.evaluate(r, watched, b, settings, judged).ifPresent(output::alarm);
        if (b != null) {
            alarms.possibleChangeCleared(r, watched, b, settings, judged).ifPresent(output::alarm);
        }
    }

    private ComponentNorm watched(ChannelAverage ca) {
        boolean lateral = ca.recording.side() != Recording.Side.MIDLINE;
        if (ca.site.upperLimb() && lateral && !ca.recording.contralateralTo(ca.site)) {
            return null; // the ipsilateral scalp is searched to spot a swapped montage, not watched
        }
        return ComponentNorm.watched(ca.components, alarmSubcortical);
    }

    @Override
    public synchronized void onGap(DataGap gap) {
        discardOverlapping(gap.firstMissingSampleIndex(), gap.endSampleIndex());
        nextExpectedSample = Math.max(nextExpectedSample, gap.endSampleIndex());
    }

    private void discardOverlapping(long from, long to) {
        for (Iterator<PendingSweep> it = pending.iterator(); it.hasNext();) {
            PendingSweep sweep = it.next();
            if (sweep.overlaps(from, to)) {
                it.remove();
                sweep.targets().forEach(ca -> ca.discard("gap"));
            }
        }
    }

    @Override
    public synchronized void stop() {
        pending.clear(); // incomplete sweeps of the last block average are not reported
    }

    /**
     * Stores, for every site/channel/component, its mean latency and amplitude over the averages of
     * the last three windows in which it was found, with the settings in effect, as the reference
     * for alarms and percent changes (see {@link #baselines()}). One average is too noisy a ruler:
     * its own error would be added to every later comparison.
     */
    @Override
    public synchronized void captureBaseline(double caseTimeSeconds) {
        manualLatencies.clear(); // from now on markers follow the baseline, which took the user's placements in
        for (List<ChannelAverage> list : bySite.values()) {
            for (ChannelAverage ca : list) {
                if (ca.last == null) {
                    continue;
                }
                if (output != null) {
                    output.baseline(reporter.trace(ca.last, caseTimeSeconds));
                }
                for (AverageResult r : ca.history) {
                    r.baselineComponents.clear(); // a new baseline is measured as these averages are
                    r.pairedBaselines.clear();
                    r.baselineLatencyMs.clear();
                }
                ComponentNorm watched = watched(ca);
                for (ComponentNorm c : ca.components) {
                    BaselineEstimate.of(ca.history, c).ifPresent(e -> {
                        Map<String, String> prov = new HashMap<>(ca.last.provenance);
                        prov.put("baseline.averages", e.describe());
                        prov.put(BaselineEstimate.DEFINITION, e.definition());
                        BaselineAgreement agreement = BaselineAgreement.of(List.copyOf(ca.history), c,
                                ca.windowLength() / Math.max(1, ca.updateSweeps()), e.definition());
                        prov.put(BASELINE_QUALITY, agreement.describe());
                        if (c == watched) {
                            reportBaselineQuality(caseTimeSeconds, ca, c, agreement, prov);
                        }
                        Baseline b = new Baseline(caseTimeSeconds, ca.site.id(), ca.recording.label(), c.name(),
                                e.latencyMs(), e.amplitudeUv(), prov);
                        baselines.put(b.key(), b);
                    });
                }
                prepareTemplate(ca);
            }
        }
    }

    /** Provenance key of a baseline's agreement check ({@link BaselineAgreement}). */
    static final String BASELINE_QUALITY = "baseline.quality";
    /** Criterion of the advisory raised when a baseline was captured on an outlier average. */
    static final String OUTLIER_CRITERION = "Baseline captured on an outlier average";
    /** Site/channel keys whose watched component's baseline has an outlier advisory active. */
    private final java.util.Set<String> outlierAdvisories = new java.util.HashSet<>();
    private String producer = "unversioned";

    /**
     * A baseline whose independent averages disagree raises a LOW advisory naming the outlier (the
     * technologist re-captures, or keeps it knowingly); a later capture that agrees clears it.
     */
    private void reportBaselineQuality(double t, ChannelAverage ca, ComponentNorm c, BaselineAgreement agreement,
            Map<String, String> prov) {
        boolean outlier = agreement.outlier() != null;
        boolean was = outlierAdvisories.contains(ca.key());
        if (output == null || (!outlier && !was)) {
            return;
        }
        if (outlier) {
            outlierAdvisories.add(ca.key());
        } else {
            outlierAdvisories.remove(ca.key());
        }
        output.alarm(new org.openionm.core.processing.AlarmCondition(t, ID, ca.site.id(), ca.recording.label(),
                OUTLIER_CRITERION, org.openionm.core.processing.AlarmCondition.Priority.LOW, outlier,
                outlier ? agreement.outlier() + "; re-capture the baseline or check the averages" : "re-captured: the averages agree",
                c.name() + " baseline " + agreement.describe(), new org.openionm.core.processing.Provenance(producer, prov)));
    }

    /**
     * The watched component's baseline waveform (the same averages its baseline value came from) and,
     * when enabled, a new sequential test calibrated on the sweeps of the current window.
     */
    private void prepareTemplate(ChannelAverage ca) {
        ca.projection = null;
        ca.detector = null;
        ComponentNorm watched = watched(ca);
        Baseline b = watched == null ? null : baselines.get(ca.key() + "/" + watched.name());
        if (b == null) {
            return;
        }
        boolean paired = watched.partner() != null
                && b.settings().getOrDefault(BaselineEstimate.DEFINITION, "").contains("–");
        Baseline partner = paired ? baselines.get(ca.key() + "/" + watched.partner()) : null;
        double partnerMs = partner == null ? Double.NaN : partner.latencyMs();
        ca.projection = TemplateProjection.of(ca.history, watched, b, partnerMs, settings.get(SsepSettings.ALARM_LATENCY),
                ca.windowLength(), ca.updateSweeps()).orElse(null);
        if (ca.projection == null || !sequential) {
            return;
        }
        ca.sweepFilter = Analysis.filterFor(ca.recording, settings);
        List<float[]> sweeps = ca.windowSweeps();
        double[] ratios = new double[sweeps.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = ca.projection.ratioAtBaseline(ca.sweepFilter.filtfilt(sweeps.get(i)));
        }
        if (ratios.length >= 20) { // fewer sweeps give no honest in-control spread
            ca.detector = new SequentialDetector(ratios, settings.get(SsepSettings.SEQUENTIAL_DROP),
                    settings.get(SsepSettings.SEQUENTIAL_THRESHOLD));
        }
    }

    /** Provenance key of how a baseline's averages were chosen (issue 16, item 7). */
    static final String BASELINE_SELECTION = "baseline.selection";

    /**
     * The independent recent averages of a site and channel (a whole window apart), oldest first,
     * with the watched component's measurement and the outlier note of {@link BaselineAgreement}:
     * what the baseline dialog lists. The default choice is every average that is not an outlier.
     */
    @Override
    public synchronized List<org.openionm.core.processing.BaselineCandidate> baselineCandidates(String site, String channel) {
        ChannelAverage ca = average(site, channel);
        ComponentNorm c = shownComponent(ca);
        List<AverageResult> history = List.copyOf(ca.history);
        Optional<BaselineEstimate> estimate = BaselineEstimate.of(history, c);
        if (estimate.isEmpty()) {
            return List.of();
        }
        String definition = estimate.get().definition();
        List<AverageResult> picked = BaselineAgreement.independent(history, c, stride(ca), definition);
        List<String> notes = BaselineAgreement.offNotes(picked, c, definition);
        List<org.openionm.core.processing.BaselineCandidate> list = new ArrayList<>();
        for (int i = 0; i < picked.size(); i++) {
            AverageResult r = picked.get(i);
            list.add(new org.openionm.core.processing.BaselineCandidate(r.timeSeconds, site, channel, c.name(), definition,
                    r.peaks.get(c.name()).latencyMs(), r.amplitudeOf(c), notes.get(i)));
        }
        return list;
    }

    /**
     * The baseline of one site and channel from the averages the user chose instead of the latest:
     * each component's mean over the chosen averages in which it was found, the agreement among
     * them, and in the provenance which averages (by completion time), that the choice was manual and
     * by whom. An outlier advisory of the channel clears when the chosen averages agree.
     */
    @Override
    public synchronized void captureBaseline(double caseTimeSeconds, org.openionm.core.processing.BaselineChoice choice) {
        ChannelAverage ca = average(choice.site(), choice.channel());
        List<AverageResult> chosen = new ArrayList<>();
        for (double t : choice.averageTimesSeconds()) {
            AverageResult r = ca.history.stream().filter(x -> Math.abs(x.timeSeconds - t) < 1e-6).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                            "no recent average of %s %s completed at %.3f s; recent ones: %s", choice.site(), choice.channel(),
                            t, ca.history.stream().map(x -> String.format(java.util.Locale.ROOT, "%.3f", x.timeSeconds)).toList())));
            if (!chosen.contains(r)) {
                chosen.add(r);
            }
        }
        chosen.sort(java.util.Comparator.comparingDouble(r -> r.timeSeconds));
        AverageResult newest = chosen.get(chosen.size() - 1);
        manualLatencies.keySet().removeIf(k -> k.startsWith(ca.key() + "/"));
        for (AverageResult r : ca.history) {
            r.baselineComponents.clear();
            r.pairedBaselines.clear();
            r.baselineLatencyMs.clear();
        }
        String selection = "manual: " + chosen.size() + " of " + BaselineAgreement.independent(List.copyOf(ca.history),
                shownComponent(ca), stride(ca), BaselineEstimate.of(List.copyOf(ca.history), shownComponent(ca))
                        .map(BaselineEstimate::definition).orElse("")).size()
                + " recent averages, completed at " + chosen.stream().map(r -> String.format(java.util.Locale.ROOT, "%.1f",
                        r.timeSeconds)).collect(java.util.stream.Collectors.joining(", ")) + " s, chosen by " + choice.chosenBy();
        if (output != null) { // the published trace says it was chosen, so the audit entry can
            org.openionm.core.processing.AverageTrace trace = reporter.trace(newest, caseTimeSeconds);
            Map<String, String> prov = new HashMap<>(trace.provenance().settings());
            prov.put(BASELINE_SELECTION, selection);
            output.baseline(new org.openionm.core.processing.AverageTrace(trace.timeSeconds(), trace.modality(), trace.site(),
                    trace.channel(), trace.samplesUv(), trace.samplingRateHz(), trace.sweepsUsed(), trace.sweepsRejected(),
                    new org.openionm.core.processing.Provenance(trace.provenance().producer(), prov)));
        }
        ComponentNorm watched = watched(ca);
        for (ComponentNorm c : ca.components) {
            BaselineEstimate.of(chosen, c).ifPresent(e -> {
                Map<String, String> prov = new HashMap<>(newest.provenance);
                prov.put("baseline.averages", e.describe());
                prov.put(BaselineEstimate.DEFINITION, e.definition());
                prov.put(BASELINE_SELECTION, selection);
                BaselineAgreement agreement = BaselineAgreement.of(chosen, c, 1, e.definition());
                prov.put(BASELINE_QUALITY, agreement.describe());
                if (c == watched) {
                    reportBaselineQuality(caseTimeSeconds, ca, c, agreement, prov);
                }
                Baseline b = new Baseline(caseTimeSeconds, ca.site.id(), ca.recording.label(), c.name(), e.latencyMs(),
                        e.amplitudeUv(), prov);
                baselines.put(b.key(), b);
            });
        }
        prepareTemplate(ca);
    }

    private ChannelAverage average(String site, String channel) {
        return bySite.getOrDefault(site, List.of()).stream().filter(a -> a.recording.label().equals(channel)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no SSEP average for " + site + " on " + channel));
    }

    /** The watched component, or on a channel that is not watched its first: what the dialog shows. */
    private ComponentNorm shownComponent(ChannelAverage ca) {
        ComponentNorm w = watched(ca);
        return w != null ? w : ca.components.get(0);
    }

    private static int stride(ChannelAverage ca) {
        return ca.windowLength() / Math.max(1, ca.updateSweeps());
    }

    public synchronized List<Baseline> baselines() {
        return List.copyOf(baselines.values());
    }

    /**
     * Places {@code component} of the current average at {@code latencyMs}: the amplitude is read
     * there (peak-to-peak with its partner where the component is defined so) and the measurement
     * is published with provenance {@code marker=manual}. Later averages search for the component
     * from there (provenance "tracked from manual marker"), and read it there if nothing stands out,
     * until the next baseline capture.
     *
     * @throws IllegalArgumentException if there is no such average or component, or the latency is outside it
     */
    @Override
    public synchronized Measurement moveMarker(String site, String channel, String component, double latencyMs) {
        ChannelAverage ca = bySite.getOrDefault(site, List.of()).stream()
                .filter(a -> a.recording.label().equals(channel)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no SSEP average for " + site + " on " + channel));
        ComponentNorm c = ca.components.stream().filter(x -> x.name().equals(component)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(component + " is not measured on " + channel));
        AverageResult r = ca.last;
        if (r == null) {
            throw new IllegalArgumentException("no completed average yet for " + site + " on " + channel);
        }
        r.peaks.put(component, new Peak(component, latencyMs, r.valueAt(latencyMs), Double.NaN));
        r.manual.add(component);
        manualLatencies.put(ca.key() + "/" + component, latencyMs); // later averages search from here
        Measurement moved = null;
        for (ComponentNorm x : ca.components) {
            // re-publish the moved component and any whose peak-to-peak uses it
            if (r.peaks.containsKey(x.name()) && (x == c || component.equals(x.partner()))) {
                Measurement m = reporter.measurement(r, x, baselines.get(ca.key() + "/" + x.name()));
                Reporter.publish(m, output);
                if (x == c) {
                    moved = m;
                }
            }
        }
        return moved;
    }
}
