package org.openionm.modality.emg.triggered.internal;

import java.util.ArrayList;
import java.util.HashMap;
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
import org.openionm.core.processing.Units;
import org.openionm.core.stimulation.SiteId;
import org.openionm.core.stimulation.StimulationKind;
import org.openionm.core.stimulation.StimulatorControl;
import org.openionm.dsp.Butterworth;
import org.openionm.dsp.SampleRing;
import org.openionm.dsp.SosFilter;
import org.osgi.service.component.annotations.Component;

/**
 * Triggered EMG: every ramp stimulus (declared {@link StimulationKind#RAMP}, or a single stimulus at a
 * screw or nerve site, as recordings of other systems write them) is read in every triggered-EMG
 * muscle; a CMAP of at least the criterion's peak-to-peak within the window is a response. The
 * threshold is the lowest intensity of a ramp with a response, per site and muscle; the site's
 * threshold (its lowest muscle's) stops the ramp and is judged by the preset's bands, which raise an
 * alarm of the band's priority (none in a reassuring band), replacing the site's previous one.
 */
@Component(service = ModalityProcessor.class)
public final class TriggeredEmgProcessor implements ModalityProcessor {

    public static final String ID = "emg.triggered";
    static final double PRESTIM_MS = 10;

    private record Muscle(int ringIndex, String label) {}

    /** The alarm a site has raised, to be cleared when a later ramp reads otherwise. */
    private record Raised(String criterion, String channel, AlarmCondition.Priority priority) {}

    private String producer = "unversioned";
    private TemgSettings settings = TemgSettings.defaults();
    private ProcessorOutput out;
    private StimulatorControl stimulator = StimulatorControl.NONE;
    private double fs;
    private List<Muscle> muscles = List.of();
    private SampleRing ring;
    private CmapDetector detector;
    private Provenance provenance;
    private final List<StimulusEvent> pending = new ArrayList<>();
    private final Map<String, SiteRun> runs = new HashMap<>();
    private final Map<String, Raised> raised = new HashMap<>();

    @Override public String id() { return ID; }

    @Override public String displayName() { return "Triggered EMG (screw and nerve thresholds)"; }

    @Override public Set<ChannelRole> acceptedRoles() { return Set.of(ChannelRole.EMG_TRIGGERED); }

    @Override public List<SettingDescriptor> settings() { return TemgSettings.DESCRIPTORS; }

    @Override
    public synchronized void start(ProcessorContext context) {
        settings = TemgSettings.from(context.settings());
        out = context.output();
        producer = context.producer();
        stimulator = context.stimulator();
        pending.clear();
        runs.clear();
        raised.clear();
        List<Channel> accepted = context.channels().stream().filter(c -> c.role().equals(ChannelRole.EMG_TRIGGERED)).toList();
        List<Muscle> list = new ArrayList<>();
        int[] idx = new int[accepted.size()];
        for (int i = 0; i < accepted.size(); i++) {
            idx[i] = accepted.get(i).index();
            list.add(new Muscle(i, accepted.get(i).label()));
        }
        muscles = List.copyOf(list);
        fs = accepted.isEmpty() ? 1000 : accepted.get(0).samplingRateHz();
        double lowpass = Math.min(settings.lowpassHz(), 0.45 * fs);
        if (lowpass <= settings.highpassHz()) {
            throw new IllegalArgumentException("sampling rate " + fs + " Hz is too low for a t-EMG band above "
                    + settings.highpassHz() + " Hz");
        }
        SosFilter filter = Butterworth.bandPass(2, settings.highpassHz(), lowpass, fs);
        detector = new CmapDetector(filter, settings.criterionUv());
        ring = new SampleRing(idx, (int) Math.ceil((PRESTIM_MS + settings.windowMs() + 200) * fs / 1000) + 1024);
        Map<String, String> prov = new TreeMap<>(settings.asText());
        prov.put("filter", filter.describeZeroPhase());
        prov.put("measure", "peak-to-peak from the end of the blanking to the end of the window; threshold = lowest"
                + " intensity of a ramp with a response, per site and muscle");
        provenance = new Provenance(producer, prov);
    }

    @Override
    public synchronized void onStimulus(StimulusEvent event) {
        if (ring != null && isTriggeredEmg(event)) {
            pending.add(event);
        }
    }

    /** Ramps by their declaration; single stimuli only at a screw or nerve (another system's recording). */
    static boolean isTriggeredEmg(StimulusEvent event) {
        if (event.kind() == StimulationKind.RAMP) {
            return true;
        }
        return event.kind() == StimulationKind.SINGLE && SiteId.tryParse(event.siteId())
                .filter(s -> s instanceof SiteId.PedicleScrew || s instanceof SiteId.Nerve).isPresent();
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
        pending.removeIf(s -> {
            if (s.sampleIndex() + win > ring.end()) {
                return false;
            }
            analyse(s);
            return true;
        });
    }

    @Override
    public synchronized void onGap(DataGap gap) {
        if (ring != null) {
            ring.clear(); // stimuli whose window spans the gap then fail to read and are dropped
        }
    }

    @Override
    public synchronized void stop() {
        pending.clear();
    }

    private void analyse(StimulusEvent s) {
        int pre = samples(PRESTIM_MS);
        int win = samples(settings.windowMs());
        List<float[]> raws = new ArrayList<>();
        for (Muscle m : muscles) {
            float[] raw = ring.read(m.ringIndex(), s.sampleIndex() - pre, pre + win);
            if (raw == null) {
                return; // part of the window is missing (gap, or the acquisition's first samples)
            }
            raws.add(raw);
        }
        double t = s.sampleIndex() / fs;
        String site = s.siteId();
        SiteRun run = runs.computeIfAbsent(site, k -> new SiteRun());
        // a ramp's steps are sums of floating-point steps (3.2000000000000006 mA): a stimulator sets µA
        double intensity = Math.round(s.intensity() * 1e6) / 1e6;
        run.step(intensity, t);
        boolean hadThreshold = run.hasThreshold();
        String firstMuscle = null;
        double firstP2p = -1;
        for (int i = 0; i < muscles.size(); i++) {
            String label = muscles.get(i).label();
            CmapDetector.Cmap r = detector.measure(raws.get(i), pre, samples(settings.blankMs()));
            out.average(new AverageTrace(t, ID, site, label, r.traceUv(), fs, 1, 0, provenance));
            out.trend(new TrendPoint(t, ID, site + "/" + label + "/p2p", r.p2pUv(), Units.MICROVOLT));
            if (!r.present()) {
                continue;
            }
            out.measurement(new Measurement(t, ID, site, label, "CMAP", r.onsetMs(), r.p2pUv(), 1, 0, provenance));
            if (run.respond(label, intensity)) {
                out.measurement(Measurement.quantity(t, ID, site, label, "threshold", intensity, unit(s), provenance));
                if (!hadThreshold && r.p2pUv() > firstP2p) {
                    firstMuscle = label;
                    firstP2p = r.p2pUv();
                }
            }
        }
        if (firstMuscle != null) {
            // the site's threshold (its lowest muscle's): views key their site table on this series
            out.trend(new TrendPoint(t, ID, site + "/threshold", intensity, unit(s)));
            if (settings.stopAtThreshold() && s.kind() == StimulationKind.RAMP) {
                stopRamp(site);
            }
            judge(t, site, firstMuscle, intensity, unit(s));
        }
    }

    /** The site's threshold against the preset: raise the band's alarm, clear what the site raised before. */
    private void judge(double t, String site, String muscle, double thresholdMa, String unit) {
        ThresholdPreset preset = settings.thresholdPreset();
        ThresholdPreset.Band band = preset.band(thresholdMa);
        String values = "threshold " + TemgSettings.num(thresholdMa) + " " + unit + " at " + site + " (" + muscle
                + "): " + band.reading();
        String bands = "preset " + preset.id + ": " + preset.describeBands();
        Raised before = raised.remove(site);
        Raised now = band.priority() == null ? null : new Raised(preset.criterion(band), muscle, band.priority());
        if (before != null && !before.equals(now)) {
            out.alarm(new AlarmCondition(t, ID, site, before.channel(), before.criterion(), before.priority(), false,
                    values, bands, provenance));
        }
        if (now != null) {
            raised.put(site, now);
            out.alarm(new AlarmCondition(t, ID, site, muscle, now.criterion(), now.priority(), true, values, bands,
                    provenance));
        }
    }

    private void stopRamp(String site) {
        try {
            stimulator.stopRamp(site);
        } catch (IllegalStateException | IllegalArgumentException | UnsupportedOperationException notOurs) {
            // a recording, or a program without this ramp: the threshold stands, nothing to stop
        }
    }

    private static String unit(StimulusEvent s) {
        return s.intensityUnit().isEmpty() ? Units.MILLIAMPERE : s.intensityUnit();
    }

    private int samples(double ms) {
        return (int) Math.round(ms * fs / 1000);
    }
}
