package org.openionm.modality.eeg.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.osgi.service.component.annotations.Component;

/**
 * Processed EEG: every derivation of the montage is cut into epochs (2 s), judged for artifacts
 * (saturation, flat, cautery), and measured — power spectrum (Hann-windowed FFT), relative band
 * powers, SEF95 and median frequency —; burst suppression runs sample by sample over a 60-s window;
 * homologous left/right pairs give the pairwise brain symmetry index per band; against a captured
 * baseline the ischaemia preset (beta power, or Zhao 2023) alarms once its change persisted, and a
 * burst suppression ratio above the set value raises a MEDIUM alarm.
 * <p>
 * The input is low-passed and decimated to an analysis rate of at least 250 Hz (the EEG band ends at
 * 70 Hz; IONM reference: 256–512 Hz sampling), so the cost per channel hardly depends on the
 * amplifier's rate beyond one filter. Each epoch's spectrum is also published as an
 * {@link AverageTrace} with site {@value #SPECTRUM_SITE} (sample k = PSD in µV²/Hz at k /
 * samplingRateHz Hz) for the density spectral array.
 */
@Component(service = ModalityProcessor.class)
public final class EegProcessor implements ModalityProcessor {

    public static final String ID = "eeg";
    /** Site of the spectrum traces: not a stimulation site; sample k is the PSD at k / samplingRateHz Hz. */
    public static final String SPECTRUM_SITE = "spectrum";
    /** Channel of the burst suppression alarm, which judges the median over derivations. */
    public static final String ALL_CHANNELS = "EEG";
    /** Lowest analysis rate: the input is decimated by the largest whole factor that keeps at least this. */
    static final double MIN_ANALYSIS_RATE_HZ = 250;

    /** One analysed trace and everything measured on it. */
    private static final class Trace {
        final Derivation derivation;
        final BurstSuppressionDetector bsr;
        final SosFilter.Stream bsrFilter;
        final ArrayDeque<EpochFeatures> recent = new ArrayDeque<>();
        final Map<String, PersistentCriterion> criteria = new TreeMap<>();
        double[] epoch;
        EpochFeatures baseline;
        double baselineTime;
        int baselineEpochs;
        /** Whether the baseline was captured in an earlier acquisition of the case (its time is that acquisition's). */
        boolean baselineEarlier;
        Spectrum spectrum; // of the last epoch when valid, else null
        double lastBsr = Double.NaN;

        Trace(Derivation derivation, BurstSuppressionDetector bsr, SosFilter.Stream bsrFilter, int epochLength) {
            this.derivation = derivation;
            this.bsr = bsr;
            this.bsrFilter = bsrFilter;
            this.epoch = new double[epochLength];
        }
    }

    /**
     * A derivation's clinical state carried into an acquisition that continues the case (issue 16): its
     * baseline and the alarm state judged against it. Epochs, the burst-suppression window and a
     * criterion's running persistence belong to the data and start anew after the gap.
     */
    private record Carried(EpochFeatures baseline, double baselineTime, int baselineEpochs,
            Map<String, PersistentCriterion> criteria) {
    }

    private String producer = "unversioned";
    private EegSettings settings = EegSettings.defaults();
    private ProcessorOutput out;
    private Provenance provenance;
    private double fs;
    private int factor;
    private double rate;
    private int[] blockIndex = new int[0];
    private Channel[] channels = new Channel[0];
    private SosFilter.Stream[] antiAlias = new SosFilter.Stream[0];
    private boolean[] railInEpoch = new boolean[0];
    private List<Trace> traces = List.of();
    private List<int[]> pairs = List.of();
    private int epochLength;
    private int filled;
    private boolean bsrAlarmActive;
    private boolean trainInEpoch;
    private float[] scratch = new float[0];
    /** Artifact windows of stimulation trains, raw sample indices [start, end]. */
    private final ArrayDeque<long[]> trains = new ArrayDeque<>();
    /** A train's artifact and the movement it causes: 5 pulses in ~4 ms, the muscles' twitch, 0.5 s in all. */
    static final double TRAIN_REJECT_SECONDS = 0.5;

    @Override public String id() { return ID; }

    @Override public String displayName() { return "Electroencephalography (processed)"; }

    @Override public Set<ChannelRole> acceptedRoles() { return Set.of(ChannelRole.EEG); }

    @Override public List<SettingDescriptor> settings() { return EegSettings.DESCRIPTORS; }

    @Override
    public synchronized void start(ProcessorContext context) {
        Map<String, Carried> carried = new TreeMap<>();
        if (context.continuesCase()) {
            for (Trace t : traces) {
                if (t.baseline != null) {
                    t.criteria.values().forEach(PersistentCriterion::resume);
                    carried.put(t.derivation.label(), new Carried(t.baseline, t.baselineTime, t.baselineEpochs, t.criteria));
                }
            }
        } else {
            bsrAlarmActive = false;
        }
        settings = EegSettings.from(context.settings());
        out = context.output();
        producer = context.producer();
        List<Channel> eeg = context.channels().stream().filter(c -> c.role().equals(ChannelRole.EEG)).toList();
        channels = eeg.toArray(Channel[]::new);
        blockIndex = eeg.stream().mapToInt(Channel::index).toArray();
        fs = eeg.isEmpty() ? 1000 : eeg.get(0).samplingRateHz(); // one sample clock per acquisition
        factor = Math.max(1, (int) Math.floor(fs / MIN_ANALYSIS_RATE_HZ));
        rate = fs / factor;
        antiAlias = new SosFilter.Stream[eeg.size()];
        SosFilter aa = factor > 1 ? Butterworth.lowPass(4, 0.4 * rate, fs) : null;
        for (int i = 0; i < antiAlias.length; i++) {
            antiAlias[i] = aa == null ? null : aa.newStream();
        }
        railInEpoch = new boolean[eeg.size()];
        List<Derivation> derivations = eeg.isEmpty() ? List.of()
                : Derivation.parse(settings.montage(), eeg.stream().map(Channel::label).toList());
        epochLength = (int) Math.round(settings.epochSeconds() * rate);
        // low-pass only: mains and muscle go, but no high-pass, whose tail after a burst's slow waves would keep
        // the first ~0.5 s of every suppression above 5 uV (the amplifier's own high-pass removes electrode offsets)
        SosFilter bsrBand = Butterworth.lowPass(4, Math.min(settings.spectrumHighHz(), 0.45 * rate), rate);
        List<Trace> list = new ArrayList<>();
        for (Derivation d : derivations) {
            list.add(new Trace(d, new BurstSuppressionDetector(rate, settings.bsrThresholdUv(), settings.bsrMinSeconds(),
                    settings.bsrWindowSeconds()), bsrBand.newStream(), epochLength));
        }
        for (Trace t : list) {
            Carried c = carried.get(t.derivation.label());
            if (c != null) {
                t.baseline = c.baseline();
                t.baselineTime = c.baselineTime();
                t.baselineEpochs = c.baselineEpochs();
                t.baselineEarlier = true;
                t.criteria.putAll(c.criteria());
            }
        }
        traces = List.copyOf(list);
        pairs = Derivation.homologousPairs(derivations);
        filled = 0;
        trains.clear();
        Map<String, String> prov = new TreeMap<>(settings.asText());
        prov.put("analysis rate", EegSettings.num(rate) + " Hz (input " + EegSettings.num(fs) + " Hz"
                + (aa == null ? ")" : ", " + aa.describe() + ", every " + factor + ". sample)"));
        prov.put("spectrum", "Hann window, FFT (commons-math3) zero-padded to a power of two, one-sided PSD");
        prov.put("bsr filter", bsrBand.describe());
        prov.put("asymmetry", "pairwise brain symmetry index (van Putten): mean over bins of |(R-L)/(R+L)|");
        provenance = new Provenance(producer, prov);
    }

    @Override
    public synchronized void onStimulus(StimulusEvent event) {
        // a TcMEP train on the scalp is a huge broadband artifact (10-15x the beta power of clean EEG, and
        // the patient moves): epochs it touches are rejected. Single pulses (SSEP) come in every epoch
        // alike and change no comparison with the baseline.
        if (event.kind() == StimulationKind.TRAIN) {
            long until = event.sampleIndex() + Math.round(TRAIN_REJECT_SECONDS * fs);
            trains.addLast(new long[] { event.sampleIndex(), until });
        }
    }

    /** Whether a stimulation train's artifact window overlaps the raw samples [from, to). */
    private boolean trainIn(long from, long to) {
        while (!trains.isEmpty() && trains.peekFirst()[1] < from) {
            trains.removeFirst(); // windows ended before this epoch: no later epoch can need them
        }
        for (long[] w : trains) {
            if (w[0] < to && w[1] >= from) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized void onBlock(SampleBlock block) {
        if (traces.isEmpty()) {
            return;
        }
        int n = block.sampleCount();
        long first = block.firstSampleIndex();
        int offset = (int) ((factor - first % factor) % factor);
        int m = offset < n ? (n - 1 - offset) / factor + 1 : 0;
        float[][] decimated = new float[channels.length][m];
        boolean[] railInBlock = new boolean[channels.length];
        if (scratch.length < n) {
            scratch = new float[n];
        }
        for (int c = 0; c < channels.length; c++) {
            float[] x = block.channel(blockIndex[c]);
            double lo = channels[c].physicalMin();
            double hi = channels[c].physicalMax();
            for (int i = 0; i < n; i++) {
                if (x[i] <= lo || x[i] >= hi) {
                    railInBlock[c] = true;
                    break;
                }
            }
            float[] filtered = x;
            if (antiAlias[c] != null) {
                filtered = scratch; // at least n long; the filter writes the first n
                antiAlias[c].process(x, filtered);
            }
            for (int j = 0; j < m; j++) {
                decimated[c][j] = filtered[offset + j * factor];
            }
            railInEpoch[c] |= railInBlock[c];
        }
        float[][] derived = new float[traces.size()][m];
        float[][] band = new float[traces.size()][m];
        for (int d = 0; d < traces.size(); d++) {
            Derivation dv = traces.get(d).derivation;
            for (int j = 0; j < m; j++) {
                derived[d][j] = dv.minus() < 0 ? decimated[dv.plus()][j] : decimated[dv.plus()][j] - decimated[dv.minus()][j];
            }
            traces.get(d).bsrFilter.process(derived[d], band[d]);
        }
        for (int j = 0; j < m; j++) {
            long raw = first + offset + (long) j * factor;
            for (int d = 0; d < traces.size(); d++) {
                Trace t = traces.get(d);
                t.epoch[filled] = derived[d][j];
                BurstSuppressionDetector.Burst burst = t.bsr.push(band[d][j]);
                if (burst != null) {
                    double onset = (raw - (t.bsr.position() - 1 - burst.start()) * factor) / fs;
                    out.event(new DetectedEvent(onset, burst.length() / rate, ID, t.derivation.label(), "burst",
                            burst.peakUv(), provenance));
                }
            }
            if (++filled == epochLength) {
                trainInEpoch = trainIn(raw + 1 - (long) epochLength * factor, raw + 1);
                analyseEpoch((raw + 1) / fs);
                filled = 0;
                System.arraycopy(railInBlock, 0, railInEpoch, 0, railInBlock.length); // the block goes on into the next epoch
            }
        }
    }

    @Override
    public synchronized void onGap(DataGap gap) {
        filled = 0; // the epoch in progress would span missing samples
        Arrays.fill(railInEpoch, false);
        for (Trace t : traces) {
            t.bsr.interrupt();
        }
    }

    @Override
    public synchronized void stop() {
        filled = 0;
    }

    /**
     * Per derivation, the median of its valid epochs of the last {@code baseline.s} becomes the baseline
     * the ischaemia preset compares with; alarms against an earlier baseline clear.
     */
    @Override
    public synchronized void captureBaseline(double caseTimeSeconds) {
        for (Trace t : traces) {
            if (t.recent.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, PersistentCriterion> e : t.criteria.entrySet()) {
                if (e.getValue().active()) {
                    out.alarm(condition(caseTimeSeconds, t, e.getKey(), AlarmCondition.Priority.HIGH, false,
                            t.derivation.label() + " baseline re-captured"));
                }
            }
            t.criteria.clear();
            t.baseline = EpochFeatures.median(t.recent);
            t.baselineTime = caseTimeSeconds;
            t.baselineEpochs = t.recent.size();
            t.baselineEarlier = false;
        }
    }

    /** The captured baseline of a derivation, or null. */
    public synchronized EpochFeatures baseline(String derivation) {
        // Optional.map, not Stream.map: a derivation without a baseline gives null, not an exception
        return traces.stream().filter(t -> t.derivation.label().equals(derivation)).findFirst().map(t -> t.baseline)
                .orElse(null);
    }

    /** Labels of the analysed derivations in montage order. */
    public synchronized List<String> derivations() {
        return traces.stream().map(t -> t.derivation.label()).toList();
    }

    private void analyseEpoch(double end) {
        double start = end - epochLength / rate;
        List<Double> bsrs = new ArrayList<>();
        for (Trace t : traces) {
            String reason = rejection(t);
            String label = t.derivation.label();
            long to = t.bsr.position();
            if (reason != null) {
                t.spectrum = null;
                t.bsr.invalidate(to - epochLength, to);
                out.trend(new TrendPoint(end, ID, label + "/rejected", 1, ""));
            } else {
                measure(t, start, end);
            }
            double bsr = t.bsr.ratio();
            t.lastBsr = bsr;
            if (!Double.isNaN(bsr)) {
                bsrs.add(100 * bsr);
                out.measurement(Measurement.quantity(end, ID, "", label, "BSR", 100 * bsr, Units.PERCENT, provenance));
                out.trend(new TrendPoint(end, ID, label + "/BSR", 100 * bsr, Units.PERCENT));
                out.trend(new TrendPoint(end, ID, label + "/bursts", t.bsr.burstCount(), ""));
            }
        }
        for (int[] p : pairs) {
            asymmetry(end, traces.get(p[0]), traces.get(p[1]));
        }
        burstSuppressionAlarm(end, bsrs);
    }

    private String rejection(Trace t) {
        if (trainInEpoch) {
            return "stimulation train";
        }
        Derivation d = t.derivation;
        if (railInEpoch[d.plus()] || (d.minus() >= 0 && railInEpoch[d.minus()])) {
            return "saturation";
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < epochLength; i++) {
            min = Math.min(min, t.epoch[i]);
            max = Math.max(max, t.epoch[i]);
        }
        if (max - min < settings.flatUv()) {
            return "flat";
        }
        t.spectrum = Spectrum.of(t.epoch, epochLength, rate);
        if (rate / 2 > 95 && Math.sqrt(t.spectrum.power(65, 95)) > settings.cauteryUv()) {
            t.spectrum = null;
            return "cautery";
        }
        return null;
    }

    private void measure(Trace t, double start, double end) {
        String label = t.derivation.label();
        EpochFeatures f = EpochFeatures.of(t.spectrum, settings);
        quantity(end, label, "SEF95", f.sef95(), Units.HERTZ);
        quantity(end, label, "MF", f.median(), Units.HERTZ);
        quantity(end, label, "deltaRel", f.relative(f.delta()), Units.PERCENT);
        quantity(end, label, "thetaRel", f.relative(f.theta()), Units.PERCENT);
        quantity(end, label, "alphaRel", f.relative(f.alpha()), Units.PERCENT);
        quantity(end, label, "betaRel", f.relative(f.beta()), Units.PERCENT);
        out.trend(new TrendPoint(end, ID, label + "/totalPower", f.total(), Units.SQUARE_MICROVOLT));
        out.trend(new TrendPoint(end, ID, label + "/betaCeaPower", f.betaCea(), Units.SQUARE_MICROVOLT));
        int bins = (int) Math.min(t.spectrum.psd().length, Math.ceil(Math.max(30, settings.spectrumHighHz()) / t.spectrum.binHz()) + 1);
        float[] psd = new float[bins];
        for (int k = 0; k < bins; k++) {
            psd[k] = (float) t.spectrum.psd()[k];
        }
        out.average(new AverageTrace(end, ID, SPECTRUM_SITE, label, psd, 1 / t.spectrum.binHz(), 1, 0, provenance));
        t.recent.addLast(f);
        int keep = Math.max(1, (int) Math.round(settings.baselineSeconds() / settings.epochSeconds()));
        while (t.recent.size() > keep) {
            t.recent.removeFirst();
        }
        if (t.baseline != null) {
            ischaemia(t, f, start, end);
        }
    }

    private void quantity(double t, String label, String component, double value, String unit) {
        if (!Double.isNaN(value)) {
            out.measurement(Measurement.quantity(t, ID, "", label, component, value, unit, provenance));
            out.trend(new TrendPoint(t, ID, label + "/" + component, value, unit));
        }
    }

    private void ischaemia(Trace t, EpochFeatures f, double start, double end) {
        EpochFeatures b = t.baseline;
        switch (settings.alarmPreset()) {
            case EegSettings.BETA -> judge(t, betaCriterion(), start, end, f.betaCea() <= b.betaCea() * (1 - settings.betaDropPct() / 100),
                    "beta " + EegSettings.num(settings.betaLowHz()) + "-" + EegSettings.num(settings.betaHighHz()) + " Hz "
                            + fmt(f.betaCea()) + " uV2 (" + change(f.betaCea(), b.betaCea()) + ")");
            case EegSettings.ZHAO -> {
                judge(t, alphaRelCriterion(), start, end,
                        f.relative(f.alpha()) <= b.relative(b.alpha()) * (1 - settings.alphaRelDropPct() / 100),
                        "relative alpha " + fmt(f.relative(f.alpha())) + " % (" + change(f.relative(f.alpha()), b.relative(b.alpha())) + ")");
                judge(t, adrCriterion(), start, end,
                        f.alphaDeltaRatio() <= b.alphaDeltaRatio() * (1 - settings.alphaDeltaDropPct() / 100),
                        "alpha/delta ratio " + fmt(f.alphaDeltaRatio()) + " (" + change(f.alphaDeltaRatio(), b.alphaDeltaRatio()) + ")");
            }
            default -> {
                // no ischaemia criterion
            }
        }
    }

    private void judge(Trace t, String criterion, double start, double end, boolean met, String values) {
        PersistentCriterion c = t.criteria.computeIfAbsent(criterion, k -> new PersistentCriterion(settings.persistenceSeconds()));
        Boolean change = c.epoch(start, end, met);
        if (change != null) {
            out.alarm(condition(end, t, criterion, AlarmCondition.Priority.HIGH, change, t.derivation.label() + ": " + values));
        }
    }

    private AlarmCondition condition(double time, Trace t, String criterion, AlarmCondition.Priority priority, boolean active,
            String values) {
        EpochFeatures b = t.baseline;
        String base = "baseline " + EegSettings.num(Math.round(t.baselineTime * 10) / 10.0) + " s"
                + (t.baselineEarlier ? " of an earlier acquisition of the case" : "") + " (median of " + t.baselineEpochs
                + " epochs): beta " + fmt(b.betaCea()) + " uV2, relative alpha " + fmt(b.relative(b.alpha()))
                + " %, alpha/delta " + fmt(b.alphaDeltaRatio());
        return new AlarmCondition(time, ID, "", t.derivation.label(), criterion, priority, active, values, base, provenance);
    }

    String betaCriterion() {
        return "EEG beta " + EegSettings.num(settings.betaLowHz()) + "-" + EegSettings.num(settings.betaHighHz())
                + " Hz power decrease >= " + EegSettings.num(settings.betaDropPct()) + " % for "
                + EegSettings.num(settings.persistenceSeconds()) + " s (668 CEAs)";
    }

    String alphaRelCriterion() {
        return "EEG relative alpha decrease >= " + EegSettings.num(settings.alphaRelDropPct()) + " % for "
                + EegSettings.num(settings.persistenceSeconds()) + " s (Zhao 2023)";
    }

    String adrCriterion() {
        return "EEG alpha/delta ratio decrease >= " + EegSettings.num(settings.alphaDeltaDropPct()) + " % for "
                + EegSettings.num(settings.persistenceSeconds()) + " s (Zhao 2023)";
    }

    String bsrCriterion() {
        return "EEG burst suppression ratio > " + EegSettings.num(settings.bsrAlarmPct()) + " % (anaesthesia)";
    }

    private void asymmetry(double end, Trace left, Trace right) {
        if (left.spectrum == null || right.spectrum == null) {
            return;
        }
        String pair = left.derivation.label() + "/" + right.derivation.label();
        double all = bsi(left.spectrum, right.spectrum, settings.spectrumLowHz(), settings.spectrumHighHz());
        if (!Double.isNaN(all)) {
            out.measurement(Measurement.quantity(end, ID, "", pair, "asymmetry", all, Units.ONE, provenance));
            out.trend(new TrendPoint(end, ID, pair + "/asymmetry", all, Units.ONE));
        }
        double[][] bands = { { EegSettings.DELTA_LO, EegSettings.THETA_LO }, { EegSettings.THETA_LO, EegSettings.ALPHA_LO },
                { EegSettings.ALPHA_LO, EegSettings.BETA_LO }, { EegSettings.BETA_LO, EegSettings.BETA_HI } };
        String[] names = { "delta", "theta", "alpha", "beta" };
        for (int i = 0; i < bands.length; i++) {
            double v = bsi(left.spectrum, right.spectrum, bands[i][0], bands[i][1]);
            if (!Double.isNaN(v)) {
                out.measurement(Measurement.quantity(end, ID, "", pair, names[i] + "Asymmetry", v, Units.ONE, provenance));
                out.trend(new TrendPoint(end, ID, pair + "/" + names[i] + "Asymmetry", v, Units.ONE));
            }
        }
    }

    /** Pairwise brain symmetry index (van Putten) over the bins of [lo, hi): 0 symmetric … 1. */
    static double bsi(Spectrum left, Spectrum right, double lo, double hi) {
        double sum = 0;
        int n = 0;
        double[] l = left.psd();
        double[] r = right.psd();
        for (int k = (int) Math.ceil(lo / left.binHz() - 1e-9); k < l.length && k * left.binHz() < hi; k++) {
            double s = l[k] + r[k];
            if (s > 0) {
                sum += Math.abs((r[k] - l[k]) / s);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private void burstSuppressionAlarm(double end, List<Double> bsrs) {
        if (!settings.bsrAlarm() || bsrs.isEmpty()) {
            return;
        }
        double[] sorted = bsrs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : 0.5 * (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]);
        boolean met = median > settings.bsrAlarmPct();
        if (met != bsrAlarmActive) {
            bsrAlarmActive = met;
            out.alarm(new AlarmCondition(end, ID, "", ALL_CHANNELS, bsrCriterion(), AlarmCondition.Priority.MEDIUM, met,
                    "burst suppression ratio " + fmt(median) + " % (median of " + sorted.length + " derivations over "
                            + EegSettings.num(settings.bsrWindowSeconds()) + " s)",
                    "threshold " + EegSettings.num(settings.bsrAlarmPct()) + " %", provenance));
        }
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }

    private static String change(double now, double base) {
        return String.format(java.util.Locale.ROOT, "%+.0f %%", 100 * (now / base - 1));
    }
}
