package org.openionm.modality.mep.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.ModalityProcessor;
import org.openionm.core.processing.ProcessorContext;
import org.openionm.core.processing.ProcessorOutput;
import org.openionm.core.processing.Provenance;
import org.openionm.core.processing.SettingDescriptor;
import org.openionm.core.processing.TrendPoint;
import org.openionm.core.stimulation.StimulationKind;
import org.openionm.core.stimulation.StimulatorControl;
import org.openionm.dsp.Butterworth;
import org.openionm.dsp.SampleRing;
import org.openionm.dsp.SosFilter;
import org.osgi.service.component.annotations.Component;

/**
 * Transcranial MEP processor: every train ({@code tcmep.*} site) is measured as a single trial in
 * the muscles of the body side it excites (C3C4 → right, C4C3 → left; muscles without a side
 * suffix always), then compared with the captured baseline (per muscle, the median of its last
 * {@code baseline.trains} trains; see {@link BaselineBuilder}) under the selected alarm preset.
 * <p>
 * {@link #start} resets all state, baselines included: a baseline belongs to one acquisition.
 * Trains whose window touches a data gap are dropped unmeasured. Latencies are from the first pulse.
 */
@Component(service = ModalityProcessor.class)
public final class MepProcessor implements ModalityProcessor {

    public static final String ID = "mep";

    private record Muscle(int ringIndex, String label) {}

    /** Id and installed version of this processor, stamped on every result's provenance. */
    private String producer = "unversioned";

    private MepSettings settings = MepSettings.defaults();
    private ProcessorOutput out;
    private double fs;
    private List<Muscle> muscles = List.of();
    private SampleRing ring;
    private ResponseMeasurer measurer;
    private Provenance provenance;
    private final List<StimulusEvent> pending = new ArrayList<>();
    /** Last {@code baseline.trains} trains per muscle and site (key "muscle @ site"), oldest first. */
    private final Map<String, ArrayDeque<MeasuredTrain>> history = new HashMap<>();
    /** Site of each muscle's newest train: a baseline is built from that site's trains. */
    private final Map<String, String> newestSite = new HashMap<>();
    private final Map<String, ThresholdTracker> thresholds = new HashMap<>();
    private final Map<String, MepBaseline> baselines = new LinkedHashMap<>();
    private final Map<String, MuscleAlarms> alarms = new HashMap<>();
    private StimulatorControl stimulator = StimulatorControl.NONE;
    /** How the last repeat request of each site went, for the alarm's provenance. */
    private final Map<String, String> repeatNotes = new HashMap<>();

    @Override public String id() { return ID; }

    @Override public String displayName() { return "Transcranial motor evoked potentials"; }

    /** Every muscle role: the TcMEP is recorded wherever a muscle is ({@link MepSettings#MUSCLE_CHANNELS}). */
    static final Set<ChannelRole> MUSCLE_ROLES = Set.of(ChannelRole.MEP_MUSCLE, ChannelRole.EMG_FREE_RUN,
            ChannelRole.EMG_TRIGGERED);

    @Override public Set<ChannelRole> acceptedRoles() { return MUSCLE_ROLES; }

    @Override public List<SettingDescriptor> settings() { return MepSettings.DESCRIPTORS; }

    @Override
    public synchronized void start(ProcessorContext context) {
        settings = MepSettings.from(context.settings());
        out = context.output();
        producer = context.producer();
        stimulator = context.stimulator();
        repeatNotes.clear();
        String measured = org.openionm.core.processing.SettingValues.of(MepSettings.DESCRIPTORS, context.settings())
                .choice(MepSettings.MUSCLE_CHANNELS);
        Set<ChannelRole> roles = MepSettings.MEP_ONLY.equals(measured) ? Set.of(ChannelRole.MEP_MUSCLE) : MUSCLE_ROLES;
        List<Channel> accepted = context.channels().stream().filter(c -> roles.contains(c.role())).toList();
        pending.clear();
        history.clear();
        newestSite.clear();
        if (!context.continuesCase()) {
            thresholds.clear();
            baselines.clear();
            alarms.clear();
        } // else the case goes on (issue 16): baselines, thresholds and alarm state stay; trains start anew
        List<Muscle> list = new ArrayList<>();
        int[] idx = new int[accepted.size()];
        for (int i = 0; i < accepted.size(); i++) {
            idx[i] = accepted.get(i).index();
            list.add(new Muscle(i, accepted.get(i).label()));
        }
        muscles = List.copyOf(list);
        // all channels of a block share one sample clock, hence one rate
        fs = accepted.isEmpty() ? 1000 : accepted.get(0).samplingRateHz();
        // A low-pass at or above Nyquist cannot be built; at a low sampling rate the band is narrowed to
        // 0.45 × fs (still within the textbook 1.5–3 kHz at 5 kHz sampling) and the provenance says so.
        double lowpass = Math.min(settings.lowpassHz(), 0.45 * fs);
        if (lowpass <= settings.highpassHz()) {
            throw new IllegalArgumentException("sampling rate " + fs + " Hz is too low for an MEP band above "
                    + settings.highpassHz() + " Hz");
        }
        SosFilter filter = Butterworth.bandPass(settings.filterOrder(), settings.highpassHz(), lowpass, fs);
        measurer = new ResponseMeasurer(filter, settings);
        // room for pre-stimulus, window and the longest train (9 pulses × 4 ms) with margin
        int capacity = (int) Math.ceil((settings.prestimMs() + settings.windowMs() + 100) * fs / 1000) + 1024;
        ring = new SampleRing(idx, capacity);
        Map<String, String> prov = new TreeMap<>(settings.asText());
        prov.put(MepSettings.MUSCLE_CHANNELS, measured);
        prov.put("filter", filter.describeZeroPhase() + (lowpass < settings.lowpassHz() ? " (low-pass limited from "
                + MepSettings.num(settings.lowpassHz()) + " Hz by the " + MepSettings.num(fs) + " Hz sampling rate)" : ""));
        prov.put("blanking", "first pulse to last pulse + " + MepSettings.num(settings.blankAfterLastPulseMs()) + " ms");
        prov.put("measure", "single trial; onset = first crossing of k × pre-stimulus RMS, back to ±1 RMS;"
                + " phases = excursions beyond max(k × RMS, phase.minPct × p2p)");
        provenance = new Provenance(producer, prov);
    }

    @Override
    public synchronized void onStimulus(StimulusEvent event) {
        if (ring != null && event.kind() == StimulationKind.TRAIN) { // declared by the program, whatever the site is called
            pending.add(event);
        }
    }

    @Override
    public synchronized void onBlock(SampleBlock block) {
        if (ring == null || muscles.isEmpty()) {
            return;
        }
        float[][] ch = new float[block.channelCount()][];
        for (int c = 0; c < ch.length; c++) {
            ch[c] = block.channel(c);
        }
        ring.append(block.firstSampleIndex(), ch, block.sampleCount());
        int win = samples(settings.windowMs());
        pending.removeIf(train -> {
            if (train.sampleIndex() + win > ring.end()) {
                return false;
            }
            analyse(train);
            return true;
        });
    }

    @Override
    public synchronized void onGap(DataGap gap) {
        if (ring != null) {
            ring.clear(); // pending trains spanning the gap then fail to read and are dropped
        }
    }

    @Override
    public synchronized void stop() {
        pending.clear();
    }

    /**
     * Stores, for every muscle whose latest train evoked a response, the median amplitude, area,
     * phases and onset of its last {@code baseline.trains} trains at that site and intensity (fewer
     * when fewer exist, as the baseline's provenance says) and its threshold, with the effective
     * settings; re-capturing clears alarms against the old one. Muscles without a response keep
     * their previous baseline (or none). See {@link #baselines()}.
     */
    @Override
    public synchronized void captureBaseline(double caseTimeSeconds) {
        for (Muscle m : muscles) {
            String site = newestSite.get(m.label());
            BaselineBuilder.Result built = site == null ? null : BaselineBuilder.build(caseTimeSeconds, m.label(),
                    List.copyOf(history.get(key(m.label(), site))), settings.baselineTrains(), threshold(m.label()), provenance);
            if (built == null) {
                continue;
            }
            MuscleAlarms old = alarms.remove(m.label());
            MepBaseline previous = baselines.get(m.label());
            if (old != null && previous != null) {
                for (MepAlarmPreset p : old.activePresets()) {
                    out.alarm(condition(caseTimeSeconds, previous.site(), m.label(), p, false,
                            m.label() + " baseline re-captured", previous));
                }
            }
            MepBaseline b = built.baseline();
            baselines.put(m.label(), b);
            // the trace shown is one real train (p2p nearest the median), not an average of trials
            out.baseline(new AverageTrace(caseTimeSeconds, ID, site, m.label(), built.shown().response().traceUv(), fs, 1,
                    0, b.provenance()));
        }
    }

    private static String key(String muscle, String site) {
        return muscle + " @ " + site;
    }

    /** Captured baselines by muscle label. */
    public synchronized Map<String, MepBaseline> baselines() {
        return Map.copyOf(baselines);
    }

    /** Current threshold of a muscle (intensity unit of its trains), NaN when unknown. */
    public synchronized double threshold(String muscle) {
        ThresholdTracker t = thresholds.get(muscle);
        return t == null ? Double.NaN : t.threshold();
    }

    private void analyse(StimulusEvent train) {
        int pre = samples(settings.prestimMs());
        int win = samples(settings.windowMs());
        int blank = (int) Math.ceil(((train.pulseCount() - 1) * train.interPulseIntervalMs()
                + settings.blankAfterLastPulseMs()) * fs / 1000);
        List<float[]> raws = new ArrayList<>();
        List<Muscle> evoked = new ArrayList<>();
        for (Muscle m : muscles) {
            if (MuscleSide.evokes(train.siteId(), m.label())) {
                float[] raw = ring.read(m.ringIndex(), train.sampleIndex() - pre, pre + win);
                if (raw == null) {
                    return; // part of the window is missing (gap or too old): no honest measurement
                }
                raws.add(raw);
                evoked.add(m);
            }
        }
        double t = train.sampleIndex() / fs;
        String site = train.siteId();
        boolean repeatWanted = false;
        for (int i = 0; i < evoked.size(); i++) {
            String label = evoked.get(i).label();
            MuscleResponse r = measurer.measure(raws.get(i), pre, blank);
            ArrayDeque<MeasuredTrain> recent = history.computeIfAbsent(key(label, site), k -> new ArrayDeque<>());
            recent.addLast(new MeasuredTrain(t, train, r));
            while (recent.size() > settings.baselineTrains()) {
                recent.removeFirst();
            }
            newestSite.put(label, site);
            ThresholdTracker tracker = thresholds.computeIfAbsent(label, k -> new ThresholdTracker());
            tracker.record(train.intensity(), r.present());
            publish(t, site, label, r, tracker.threshold(), train.intensityUnit());
            MepBaseline base = baselines.get(label);
            if (base != null && base.site().equals(site)) {
                boolean comparable = train.intensity() >= base.intensity();
                MuscleAlarms muscleAlarms = alarms.computeIfAbsent(label, k -> new MuscleAlarms());
                for (MuscleAlarms.Transition tr : muscleAlarms.evaluate(r, tracker.threshold(), base, settings, label,
                        comparable)) {
                    out.alarm(condition(t, site, label, tr.preset(), tr.active(), tr.values(), base));
                }
                repeatWanted |= muscleAlarms.awaitingConfirmation(settings);
            }
        }
        if (repeatWanted) {
            requestRepeat(site, t);
        }
    }

    /**
     * Asks the stimulator for an immediate repeat of {@code site}'s train (once per train, whatever
     * number of muscles need it). Without a stimulator (file analysis) the request is refused and the
     * next recorded train of the site confirms or refutes instead.
     */
    private void requestRepeat(String site, double t) {
        try {
            stimulator.trigger(site);
            repeatNotes.put(site, String.format(java.util.Locale.ROOT,
                    "confirmed on an immediate repeat train (requested at %.1f s)", t));
        } catch (RuntimeException e) {
            repeatNotes.put(site, "confirmed on the next recorded train (no repeat possible: " + e.getMessage() + ")");
        }
    }

    private void publish(double t, String site, String label, MuscleResponse r, double threshold, String unit) {
        out.measurement(new Measurement(t, ID, site, label, "MEP", r.onsetMs(), r.p2pUv(), 1, 0, provenance));
        out.average(new AverageTrace(t, ID, site, label, r.traceUv(), fs, 1, 0, provenance));
        String series = site + "/" + label + "/";
        out.trend(new TrendPoint(t, ID, series + "present", r.present() ? 1 : 0, ""));
        out.trend(new TrendPoint(t, ID, series + "p2p", r.p2pUv(), "uV"));
        if (r.present()) {
            out.trend(new TrendPoint(t, ID, series + "onset", r.onsetMs(), "ms"));
            out.trend(new TrendPoint(t, ID, series + "area", r.areaUvMs(), "uV*ms"));
            out.trend(new TrendPoint(t, ID, series + "phases", r.phases(), ""));
        }
        if (!Double.isNaN(threshold)) {
            out.trend(new TrendPoint(t, ID, series + "threshold", threshold, unit));
        }
    }

    private AlarmCondition condition(double t, String site, String label, MepAlarmPreset p, boolean active,
            String values, MepBaseline base) {
        String note = repeatNotes.get(site);
        Provenance prov = provenance;
        if (note != null && active && settings.trainsToConfirm(p) > settings.confirmTrains()) {
            Map<String, String> m = new TreeMap<>(provenance.settings());
            m.put("alarm.confirmation", note);
            prov = new Provenance(producer, m);
        }
        return new AlarmCondition(t, ID, site, label, p.criterion(settings), p.priority(), active, values,
                base.describe(), prov);
    }

    private int samples(double ms) {
        return (int) Math.round(ms * fs / 1000);
    }
}
