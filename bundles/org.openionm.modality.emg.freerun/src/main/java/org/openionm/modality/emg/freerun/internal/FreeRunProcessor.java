package org.openionm.modality.emg.freerun.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AlarmCondition.Priority;
import org.openionm.core.processing.DetectedEvent;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.ModalityProcessor;
import org.openionm.core.processing.ProcessorContext;
import org.openionm.core.processing.ProcessorOutput;
import org.openionm.core.processing.Provenance;
import org.openionm.core.processing.SettingDescriptor;
import org.openionm.core.processing.TrendPoint;
import org.openionm.core.processing.Units;
import org.openionm.core.stimulation.StimulationKind;
import org.openionm.dsp.Butterworth;
import org.openionm.dsp.SosFilter;
import org.openionm.modality.emg.freerun.audio.EmgAudioControl;
import org.osgi.service.component.annotations.Component;

/**
 * Free-running EMG: per channel of role {@link ChannelRole#EMG_FREE_RUN} a causal band-pass, stimulus
 * blanking, electrocautery detection, and detection of spikes, bursts, neurotonic discharges and
 * A-trains (see {@link ChannelPipeline}); A-train clusters across channels and each channel's train time
 * ({@link TrainLedger}); alarms and the signal for the loudspeaker ({@link EmgAudio}).
 * <p>
 * Published: a {@link DetectedEvent} per finding when it has ended ({@code spike}, {@code burst},
 * {@code neurotonic}, {@code A-train}, {@code A-train cluster}, and {@code cautery} for a stretch not
 * judged), the train time per channel as a {@link Measurement} (component {@code trainTime}, s) and a
 * trend ({@code <channel>/trainTime}) whenever it changes (at most every 0.25 s) and at least every
 * {@code publish.s}, the cautery state as a trend ({@code <channel>/cautery}, 1 or 0), an A-train in progress
 * as a trend ({@code <channel>/aTrain}: 1 at its onset, sent as soon as it is recognised; 0 at its end), and alarm
 * conditions: an A-train or a neurotonic discharge on a channel (MEDIUM, for as long as it lasts), an
 * A-train cluster (MEDIUM), train time past the preset's threshold (HIGH).
 */
@Component(service = { ModalityProcessor.class, EmgAudioControl.class })
public final class FreeRunProcessor implements ModalityProcessor, EmgAudioControl {

    public static final String ID = "emg.freerun";
    static final String KIND_ATRAIN = "A-train";
    static final String KIND_CLUSTER = "A-train cluster";
    static final String KIND_CAUTERY = "cautery";
    /** Trend suffix of the A-train state: 1 at a train's onset (published when it is recognised), 0 at its end. */
    static final String SERIES_ATRAIN = "/aTrain";
    static final String CRITERION_ATRAIN = "A-train (sinusoidal high-frequency discharge; Prell, Romstöck)";
    static final String CRITERION_NEUROTONIC = "neurotonic discharge";
    static final String CRITERION_CLUSTER = "A-train cluster on most channels (Rampp 2023)";

    /** Id and installed version of this processor, stamped on every result's provenance. */
    private String producer = "unversioned";
    private FreeRunSettings settings = FreeRunSettings.defaults();
    private ProcessorOutput out;
    private Provenance provenance;
    private double fs = 1;
    private List<ChannelPipeline> pipelines = List.of();
    private int[] byIndex = new int[0];
    private TrainLedger ledger;
    private final ArrayDeque<long[]> blanks = new ArrayDeque<>();
    private boolean[] mask = new boolean[0];
    private double[] publishedSeconds = new double[0];
    private double[] publishedAt = new double[0];
    private boolean[] severeRaised = new boolean[0];
    private boolean[] neurotonicActive = new boolean[0];
    private boolean clusterAlarm;
    private long position;
    /**
     * What each muscle carries over from the case's earlier acquisitions when this one continues the
     * case (issue 16), by channel label; empty after a fresh start.
     */
    private final Map<String, Carried> carried = new java.util.HashMap<>();
    /** Per channel of this acquisition: train time of the case's earlier acquisitions (s). */
    private double[] earlierSeconds = new double[0];

    /**
     * A muscle's state across acquisitions of one case: its train time so far (the stretches without
     * data between acquisitions are not train time), its background level (the detection thresholds
     * start where they were instead of at the minimum) and whether its train time already raised the
     * HIGH alarm (latched in the alarm manager: not raised twice).
     */
    record Carried(double trainSeconds, double backgroundUv, boolean severeRaised) {
    }
    private EmgAudio audio;

    @Override public String id() { return ID; }

    @Override public String displayName() { return "Free-running EMG"; }

    @Override public Set<ChannelRole> acceptedRoles() { return Set.of(ChannelRole.EMG_FREE_RUN); }

    @Override public List<SettingDescriptor> settings() { return FreeRunSettings.DESCRIPTORS; }

    private final java.util.Set<String> audioChannels = new java.util.HashSet<>();

    /** For tests and the benchmark: the audio path with another sink (null: off). Takes effect at the next start. */
    public synchronized void audio(EmgAudio replacement) {
        if (audio != null && audio != replacement) {
            audio.stop();
        }
        audio = replacement;
        if (audio != null) {
            audio.select(audioChannels);
            if (!pipelines.isEmpty()) {
                audio.start(pipelines.stream().map(p -> p.channel.label()).toList(), fs);
            }
        }
    }

    @Override
    public synchronized void enabled(boolean on) {
        if (on != (audio != null)) {
            audio(on ? new EmgAudio(EmgAudio.SoundSink.speaker()) : null);
        }
    }

    @Override
    public synchronized boolean enabled() {
        return audio != null;
    }

    @Override
    public synchronized void select(java.util.Set<String> channels) {
        audioChannels.clear();
        audioChannels.addAll(channels);
        if (audio != null) {
            audio.select(channels);
        }
    }

    @Override
    public synchronized void mute(double seconds) {
        if (audio != null) {
            audio.mute(now(), seconds);
        }
    }

    @Override
    public synchronized void unmute() {
        if (audio != null) {
            audio.unmute();
        }
    }

    @Override
    public synchronized double mutedUntil() {
        return audio == null ? Double.NEGATIVE_INFINITY : audio.mutedUntil();
    }

    @Override
    public synchronized double now() {
        return position / fs;
    }

    private volatile java.util.function.LongConsumer soundMonitor;

    @Override
    public void soundMonitor(java.util.function.LongConsumer blockEnd) {
        soundMonitor = blockEnd;
    }

    @Override
    public synchronized String status() {
        return audio == null ? "off" : audio.status();
    }

    @Override
    public synchronized void start(ProcessorContext context) {
        if (context.continuesCase()) {
            remember(); // before fs and the pipelines are replaced: the ended acquisition's samples and channels
        } else {
            carried.clear();
        }
        settings = FreeRunSettings.from(context.settings());
        out = context.output();
        producer = context.producer();
        List<Channel> accepted = context.channels().stream().filter(c -> c.role().equals(ChannelRole.EMG_FREE_RUN)).toList();
        fs = accepted.isEmpty() ? 1000 : accepted.get(0).samplingRateHz();
        double lowpass = Math.min(settings.lowpassHz(), 0.45 * fs);
        if (!accepted.isEmpty() && lowpass <= settings.highpassHz()) {
            throw new IllegalArgumentException("sampling rate " + fs + " Hz is too low for a free-run EMG band above "
                    + settings.highpassHz() + " Hz");
        }
        SosFilter band = accepted.isEmpty() ? null : Butterworth.bandPass(settings.filterOrder(), settings.highpassHz(), lowpass, fs);
        Map<String, String> prov = new TreeMap<>(settings.asText(context.settings()));
        if (band != null) {
            prov.put("filter", band.describe() + (lowpass < settings.lowpassHz() ? " (low-pass limited from "
                    + FreeRunSettings.num(settings.lowpassHz()) + " Hz by the " + FreeRunSettings.num(fs) + " Hz sampling rate)" : ""));
        }
        prov.put("blanking", "filtered signal blanked from " + FreeRunSettings.num(settings.blankPreMs()) + " ms before each stimulus to "
                + FreeRunSettings.num(settings.blankPostMs()) + " ms after its last pulse (trains: "
                + FreeRunSettings.num(settings.blankTrainMs()) + " ms)");
        prov.put("cautery", "amplifier SATURATION, a sample at the rail, or 10 ms RMS slope > "
                + FreeRunSettings.num(settings.cauterySlopeUvPerMs()) + " uV/ms; hold-off " + FreeRunSettings.num(settings.cauteryHoldoffS()) + " s");
        prov.put("atrain", "≥ " + settings.aTrainMinHalfWaves() + " regular half-waves at " + FreeRunSettings.num(settings.aTrainMinHz())
                + "–" + FreeRunSettings.num(settings.aTrainMaxHz()) + " Hz, peaks ≥ max(" + FreeRunSettings.num(settings.aTrainMinUv())
                + " uV, k × background)");
        prov.put("traintime", settings.presetText() + (settings.excludeClusters() ? "; A-train clusters excluded" : "; clusters included"));
        provenance = new Provenance(producer, prov);

        List<ChannelPipeline> list = new ArrayList<>();
        int maxIndex = context.channels().stream().mapToInt(Channel::index).max().orElse(-1);
        byIndex = new int[maxIndex + 1];
        java.util.Arrays.fill(byIndex, -1);
        for (int k = 0; k < accepted.size(); k++) {
            Channel c = accepted.get(k);
            byIndex[c.index()] = k;
            list.add(new ChannelPipeline(c, settings, band, new Findings(k)));
        }
        pipelines = List.copyOf(list);
        int n = pipelines.size();
        ledger = new TrainLedger(n, fs, settings.clusterWindowMs(), settings.clusterFraction(), settings.excludeClusters());
        blanks.clear();
        publishedSeconds = new double[n];
        publishedAt = new double[n];
        java.util.Arrays.fill(publishedAt, Double.NEGATIVE_INFINITY);
        severeRaised = new boolean[n];
        earlierSeconds = new double[n];
        for (int k = 0; k < n; k++) {
            Carried c = carried.get(pipelines.get(k).channel.label());
            if (c != null) {
                earlierSeconds[k] = c.trainSeconds();
                severeRaised[k] = c.severeRaised();
                pipelines.get(k).background(c.backgroundUv());
            }
        }
        neurotonicActive = new boolean[n];
        clusterAlarm = false;
        position = 0;
        if (audio != null) {
            audio.start(pipelines.stream().map(p -> p.channel.label()).toList(), fs);
        }
    }

    @Override
    public synchronized void onStimulus(StimulusEvent event) {
        if (pipelines.isEmpty()) {
            return;
        }
        double last = event.pulseCount() > 1 ? (event.pulseCount() - 1) * event.interPulseIntervalMs() : 0;
        double after = last + (event.kind() == StimulationKind.TRAIN ? settings.blankTrainMs() : settings.blankPostMs());
        long from = event.sampleIndex() - Math.round(settings.blankPreMs() * fs / 1000);
        long to = event.sampleIndex() + Math.round(after * fs / 1000) + 1;
        blanks.add(new long[] { from, to });
        if (audio != null) {
            audio.stimulus(event.sampleIndex());
        }
    }

    @Override
    public synchronized void onHealth(DriverHealth health) {
        if (health.condition() == DriverHealth.Condition.SATURATION && health.channel() >= 0 && health.channel() < byIndex.length
                && byIndex[health.channel()] >= 0) {
            pipelines.get(byIndex[health.channel()]).saturation(health.active(), health.sampleIndex());
        }
    }

    @Override
    public synchronized void onBlock(SampleBlock block) {
        if (pipelines.isEmpty()) {
            return;
        }
        long first = block.firstSampleIndex();
        int n = block.sampleCount();
        fillMask(first, n);
        for (int k = 0; k < pipelines.size(); k++) {
            ChannelPipeline p = pipelines.get(k);
            float[] filtered = p.process(first, block.channel(p.channel.index()), mask);
            if (audio != null) {
                audio.channel(k, first, filtered, n, p.inCautery());
            }
            TrainLedger.Train running = ledger.running(k);
            if (running != null && p.trains.active()) {
                running.end = p.trains.lastGoodEnd();
            }
        }
        position = first + n;
        if (audio != null) {
            audio.blockDone(position);
            java.util.function.LongConsumer monitor = soundMonitor;
            if (monitor != null) {
                monitor.accept(position);
            }
        }
        afterBlock(position);
    }

    @Override
    public synchronized void onGap(DataGap gap) {
        pipelines.forEach(ChannelPipeline::gap);
    }

    @Override
    public synchronized void stop() {
        if (ledger == null) {
            return;
        }
        for (ChannelPipeline p : pipelines) {
            p.end(position);
        }
        ledger.decideAll();
        afterBlock(position);
        for (int k = 0; k < pipelines.size(); k++) {
            publishTrainTime(k, position / fs, trainSeconds(k));
        }
        if (audio != null) {
            audio.stop();
        }
    }

    /** Train time of a channel now (s), over the case's acquisitions when they continue it; for tests and the benchmark. */
    public synchronized double trainTimeSeconds(String channel) {
        for (int k = 0; k < pipelines.size(); k++) {
            if (pipelines.get(k).channel.label().equals(channel)) {
                return trainSeconds(k);
            }
        }
        return Double.NaN;
    }

    /** Discharge threshold of a channel now (µV; it follows the background level), for tests. */
    synchronized double thresholdUv(String channel) {
        return pipelines.stream().filter(p -> p.channel.label().equals(channel)).mapToDouble(ChannelPipeline::threshold)
                .findFirst().orElse(Double.NaN);
    }

    /**
     * Adds the acquisition that ended to what the muscles carry (the next one continues the case). A
     * muscle not recorded this time keeps what it had: it may be recorded again later in the case.
     */
    private void remember() {
        if (ledger == null) {
            return;
        }
        for (int k = 0; k < pipelines.size(); k++) {
            ChannelPipeline p = pipelines.get(k);
            carried.put(p.channel.label(), new Carried(trainSeconds(k), p.background(), severeRaised[k]));
        }
    }

    /** Train time of channel k: the case's earlier acquisitions plus this one's trains. */
    private double trainSeconds(int k) {
        return earlierSeconds[k] + seconds(ledger.trainSamples(k));
    }

    private void fillMask(long first, int n) {
        if (mask.length < n) {
            mask = new boolean[n];
        }
        java.util.Arrays.fill(mask, 0, n, false);
        for (Iterator<long[]> it = blanks.iterator(); it.hasNext();) {
            long[] b = it.next();
            if (b[1] <= first) {
                it.remove();
                continue;
            }
            int from = (int) Math.max(0, b[0] - first);
            int to = (int) Math.min(n, b[1] - first);
            for (int i = from; i < to; i++) {
                mask[i] = true;
            }
        }
    }

    private void afterBlock(long now) {
        double t = now / fs;
        for (TrainLedger.Train m : ledger.decide(now)) {
            if (!clusterAlarm) {
                clusterAlarm = true;
                out.alarm(new AlarmCondition(m.onset / fs, ID, "", "", CRITERION_CLUSTER, Priority.MEDIUM, true,
                        "A-trains starting within " + FreeRunSettings.num(settings.clusterWindowMs()) + " ms on most channels at "
                                + FreeRunSettings.num(m.onset / fs) + " s" + (settings.excludeClusters() ? " (left out of train time)" : ""),
                        "", provenance));
            }
        }
        if (clusterAlarm && ledger.all().stream().noneMatch(x -> x.running && x.cluster)) {
            clusterAlarm = false;
            out.alarm(new AlarmCondition(t, ID, "", "", CRITERION_CLUSTER, Priority.MEDIUM, false, "cluster over", "",
                    provenance));
        }
        for (TrainLedger.Train x : ledger.toReport()) {
            out.event(new DetectedEvent(x.onset / fs, seconds(x.end - x.onset), ID, label(x.channel),
                    x.cluster ? KIND_CLUSTER : KIND_ATRAIN, x.peakUv, provenance));
        }
        for (int k = 0; k < pipelines.size(); k++) {
            double seconds = trainSeconds(k);
            boolean changed = seconds != publishedSeconds[k];
            if ((changed && t - publishedAt[k] >= 0.25) || t - publishedAt[k] >= settings.publishS()) {
                publishTrainTime(k, t, seconds);
            }
            if (!severeRaised[k] && seconds > settings.severeSeconds()) {
                severeRaised[k] = true;
                out.alarm(new AlarmCondition(t, ID, "", label(k), settings.presetText(), Priority.HIGH, true,
                        "train time " + FreeRunSettings.num(seconds) + " s on " + label(k) + " (threshold "
                                + FreeRunSettings.num(settings.severeSeconds()) + " s)",
                        earlierSeconds[k] > 0 ? "cumulative since the start of the case (" + FreeRunSettings.num(earlierSeconds[k])
                                + " s in its earlier acquisitions; the time between them not counted)"
                                : "cumulative since the start of the acquisition",
                        provenance));
            }
        }
    }

    private void publishTrainTime(int k, double t, double seconds) {
        publishedSeconds[k] = seconds;
        publishedAt[k] = t;
        out.measurement(Measurement.quantity(t, ID, "", label(k), "trainTime", seconds, Units.SECOND, provenance));
        out.trend(new TrendPoint(t, ID, label(k) + "/trainTime", seconds, Units.SECOND));
    }

    private String label(int k) {
        return pipelines.get(k).channel.label();
    }

    private double seconds(long samples) {
        return samples / fs;
    }

    /** One channel's findings, turned into events and alarms. */
    private final class Findings implements ChannelPipeline.Findings {
        private final int k;

        Findings(int k) {
            this.k = k;
        }

        @Override
        public void aTrainStarted(long onset, long confirmedAt) {
            pipelines.get(k).discharges.discard(); // the episode in progress was this train
            ledger.started(k, onset, confirmedAt);
            // "A-train in progress" for the strips, from its onset: the event itself comes only when it has ended
            out.trend(new TrendPoint(onset / fs, ID, label(k) + SERIES_ATRAIN, 1, "1"));
            if (settings.alarmATrain()) {
                out.alarm(new AlarmCondition(confirmedAt / fs, ID, "", label(k), CRITERION_ATRAIN, Priority.MEDIUM, true,
                        "A-train on " + label(k) + " from " + FreeRunSettings.num(onset / fs) + " s", "", provenance));
            }
            if (audio != null) {
                audio.aTrain(k, confirmedAt);
            }
        }

        @Override
        public void aTrainEnded(long onset, long end, double peakUv, double frequencyHz) {
            TrainLedger.Train t = ledger.running(k);
            if (t != null) {
                t.end = end;
                t.running = false;
                t.peakUv = peakUv;
                t.frequencyHz = frequencyHz;
            }
            out.trend(new TrendPoint(end / fs, ID, label(k) + SERIES_ATRAIN, 0, "1"));
            if (settings.alarmATrain()) {
                out.alarm(new AlarmCondition(end / fs, ID, "", label(k), CRITERION_ATRAIN, Priority.MEDIUM, false,
                        "A-train on " + label(k) + " " + FreeRunSettings.num(onset / fs) + "–" + FreeRunSettings.num(end / fs)
                                + " s, " + Math.round(frequencyHz) + " Hz, " + Math.round(peakUv) + " uV",
                        "", provenance));
            }
        }

        @Override
        public void neurotonicStarted(long onset, long at) {
            if (settings.alarmNeurotonic() && !neurotonicActive[k]) {
                neurotonicActive[k] = true;
                out.alarm(new AlarmCondition(at / fs, ID, "", label(k), CRITERION_NEUROTONIC, Priority.MEDIUM, true,
                        "neurotonic discharge on " + label(k) + " from " + FreeRunSettings.num(onset / fs) + " s", "", provenance));
            }
        }

        @Override
        public void episode(String kind, long onset, long end, double peakUv, int discharges) {
            out.event(new DetectedEvent(onset / fs, seconds(end - onset), ID, label(k), kind, peakUv, provenance));
            if (neurotonicActive[k]) {
                neurotonicActive[k] = false;
                out.alarm(new AlarmCondition(end / fs, ID, "", label(k), CRITERION_NEUROTONIC, Priority.MEDIUM, false,
                        kind + " on " + label(k) + " " + FreeRunSettings.num(onset / fs) + "–" + FreeRunSettings.num(end / fs)
                                + " s, " + discharges + " discharges", "", provenance));
            }
        }

        @Override
        public void cauteryStarted(long at) {
            out.trend(new TrendPoint(at / fs, ID, label(k) + "/cautery", 1, "1"));
            if (neurotonicActive[k]) {
                neurotonicActive[k] = false;
                out.alarm(new AlarmCondition(at / fs, ID, "", label(k), CRITERION_NEUROTONIC, Priority.MEDIUM, false,
                        "electrocautery on " + label(k), "", provenance));
            }
        }

        @Override
        public void cauteryEnded(long start, long end) {
            out.trend(new TrendPoint(end / fs, ID, label(k) + "/cautery", 0, "1"));
            out.event(new DetectedEvent(start / fs, seconds(end - start), ID, label(k), KIND_CAUTERY, Double.NaN, provenance));
        }
    }
}
