package org.openionm.examples.tof;

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
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.ModalityProcessor;
import org.openionm.core.processing.ProcessorContext;
import org.openionm.core.processing.ProcessorOutput;
import org.openionm.core.processing.Provenance;
import org.openionm.core.processing.SettingDescriptor;
import org.openionm.core.processing.TrendPoint;
import org.openionm.core.stimulation.StimulationKind;
import org.osgi.service.component.annotations.Component;

/**
 * Train-of-four neuromuscular monitoring: four supramaximal pulses at 2 Hz to the ulnar nerve, the
 * compound muscle action potential (CMAP) of the adductor pollicis after each. Per muscle channel it
 * publishes the T1..T4 amplitudes as {@link Measurement}s (components {@code T1}..{@code T4}) and the
 * TOF count and ratio (T4/T1) as {@link TrendPoint}s ({@code <site>/<channel>/count}, {@code …/ratio}):
 * a {@code Measurement} has only latency and amplitude in µV, no field for a ratio or a count. After
 * {@link #captureBaseline} also the ratio normalised to the baseline's ({@code …/ratio.normalised}).
 * <p>
 * A TOF is a stimulus declared {@link StimulationKind#SINGLE} with four pulses; pulse k is at
 * {@code sampleIndex + k × interPulseIntervalMs}. It is not a {@link StimulationKind#TRAIN}: that is what the
 * TcMEP processor reads, and averaged stimulation pauses around it. A TOF whose windows touch a data gap is
 * dropped unmeasured.
 */
@Component(service = ModalityProcessor.class)
public final class TofProcessor implements ModalityProcessor {

    public static final String ID = "tof";
    static final int PULSES = 4;

    /** The muscle a TOF is read from: a role this plugin introduces (roles are values, equal by id). */
    public static final ChannelRole MUSCLE = new ChannelRole("tof.muscle", "TOF muscle (adductor pollicis)", 5000);

    private record Muscle(int index, String label) {}

    private TofSettings settings;
    private ProcessorOutput out;
    private double fs;
    private List<Muscle> muscles = List.of();
    private Provenance provenance;
    private final List<PendingTof> pending = new ArrayList<>();
    private final Map<String, TrainOfFour> latest = new HashMap<>();
    private final Map<String, Double> baselineRatio = new HashMap<>();

    @Override public String id() { return ID; }

    @Override public String displayName() { return "Train-of-four (neuromuscular blockade)"; }

    @Override public Set<ChannelRole> acceptedRoles() { return Set.of(MUSCLE); }

    @Override public List<SettingDescriptor> settings() { return TofSettings.DESCRIPTORS; }

    @Override
    public synchronized void start(ProcessorContext context) {
        settings = TofSettings.from(context.settings());
        out = context.output();
        pending.clear();
        latest.clear();
        baselineRatio.clear();
        List<Muscle> list = new ArrayList<>();
        for (Channel c : context.channels()) {
            if (c.role().equals(MUSCLE) || settings.channelLabels().matcher(c.label()).matches()) {
                list.add(new Muscle(c.index(), c.label()));
            }
        }
        muscles = List.copyOf(list);
        fs = context.channels().isEmpty() ? 1000 : context.channels().get(0).samplingRateHz();
        Map<String, String> prov = new TreeMap<>(settings.asText());
        prov.put("amplitude", "peak-to-peak in [pulse + " + SettingDescriptor.format(settings.blankMs()) + " ms, pulse + "
                + SettingDescriptor.format(settings.windowMs()) + " ms), unfiltered");
        prov.put("ratio", "T4/T1 of the same train");
        provenance = new Provenance(context.producer(), prov);
    }

    @Override
    public synchronized void onStimulus(StimulusEvent event) {
        if (settings == null || muscles.isEmpty() || event.kind() != StimulationKind.SINGLE || event.pulseCount() != PULSES) {
            return;
        }
        long from = samples(settings.blankMs());
        long to = samples(settings.windowMs());
        long spacing = samples(event.interPulseIntervalMs());
        if (spacing < to) {
            return; // pulses closer than the window: the responses overlap and cannot be told apart
        }
        pending.add(new PendingTof(event, from, to, spacing, muscles.size()));
    }

    @Override
    public synchronized void onBlock(SampleBlock block) {
        if (pending.isEmpty()) {
            return;
        }
        int[] indices = muscles.stream().mapToInt(Muscle::index).toArray();
        pending.removeIf(p -> {
            p.take(block, indices);
            if (!p.complete(block.endSampleIndex())) {
                return false;
            }
            publish(p);
            return true;
        });
    }

    @Override
    public synchronized void onGap(DataGap gap) {
        pending.removeIf(p -> p.overlaps(gap.firstMissingSampleIndex(), gap.endSampleIndex()));
    }

    @Override
    public synchronized void stop() {
        pending.clear();
    }

    /** Takes each muscle's latest ratio as its reference (Suzuki 2006: normalise the TOF ratio to baseline). */
    @Override
    public synchronized void captureBaseline(double caseTimeSeconds) {
        latest.forEach((key, tof) -> {
            if (!Double.isNaN(tof.ratio())) {
                baselineRatio.put(key, tof.ratio());
            }
        });
    }

    private void publish(PendingTof p) {
        StimulusEvent e = p.event();
        double t = e.sampleIndex() / fs;
        for (int m = 0; m < muscles.size(); m++) {
            String label = muscles.get(m).label();
            double[] amplitude = new double[PULSES];
            double[] latency = new double[PULSES];
            for (int k = 0; k < PULSES; k++) {
                float[] w = p.window(m, k);
                int min = 0;
                int max = 0;
                for (int i = 1; i < w.length; i++) {
                    min = w[i] < w[min] ? i : min;
                    max = w[i] > w[max] ? i : max;
                }
                amplitude[k] = (double) w[max] - w[min];
                latency[k] = (p.firstOffset() + Math.min(min, max)) * 1000 / fs;
            }
            TrainOfFour tof = TrainOfFour.of(amplitude, latency, settings);
            String key = e.siteId() + "/" + label;
            latest.put(key, tof);
            for (int k = 0; k < PULSES; k++) {
                out.measurement(new Measurement(t, ID, e.siteId(), label, "T" + (k + 1), latency[k], amplitude[k], 1, 0, provenance));
            }
            out.trend(new TrendPoint(t, ID, key + "/count", tof.count(), ""));
            if (!Double.isNaN(tof.ratio())) {
                out.trend(new TrendPoint(t, ID, key + "/ratio", tof.ratio(), ""));
                Double base = baselineRatio.get(key);
                if (base != null) {
                    out.trend(new TrendPoint(t, ID, key + "/ratio.normalised", tof.ratio() / base, ""));
                }
            }
        }
    }

    private long samples(double ms) {
        return Math.round(ms * fs / 1000);
    }
}
