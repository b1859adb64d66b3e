package org.openionm.driver.simulator.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.openionm.core.driver.DriverContext;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.driver.simulator.internal.MontageChannel.Kind;
import org.openionm.driver.simulator.internal.MontageChannel.Side;
import org.openionm.driver.simulator.internal.ScenarioEvent.AlphaChange;
import org.openionm.driver.simulator.internal.ScenarioEvent.BurstSuppression;
import org.openionm.driver.simulator.internal.ScenarioEvent.Cautery;
import org.openionm.driver.simulator.internal.ScenarioEvent.LeadOff;
import org.openionm.driver.simulator.internal.ScenarioEvent.LeadOn;
import org.openionm.driver.simulator.internal.ScenarioEvent.MepChange;
import org.openionm.driver.simulator.internal.ScenarioEvent.ScrewThreshold;
import org.openionm.driver.simulator.internal.ScenarioEvent.SsepChange;

/**
 * One run of the simulated patient and amplifier. Each block: fire the stimuli the scheduler
 * planned (artifact and evoked responses go into the {@link Overlay}), render scripted EMG, then
 * generate the samples in segments split at scripted events so every event starts on its exact
 * sample; report stimuli, ground-truth annotations and health changes, and return the block.
 * Everything random derives from the seed, so the same seed and configuration give the same samples.
 */
final class Simulation {

    /** Evoked responses, artifacts and spikes may reach this far past their stimulus. */
    static final double RESPONSE_HORIZON_SECONDS = 0.25;

    private record Action(long sample, ScenarioEvent event, boolean end, int order) {
    }

    /** A stimulation site as the patient sees it, with per-channel artifact gains computed once. */
    private record SiteInfo(StimSite site, double[] artifactGain, double[] kernel) {
    }

    private final Scenario scenario;
    private final double rate;
    private final long seed;
    private final ChannelSim[] channels;
    private final Map<String, Integer> channelIndex = new HashMap<>();
    private final Overlay overlay;
    private final SsepModel ssep;
    private final MepModel mep;
    private final ScrewModel screws;
    private final TimedSources timed;
    private final BurstSuppressionEnvelope burstSuppression;
    private final CauteryNoise cautery;
    private final Mains mains;
    private final boolean mainsOn;
    private final Ramp[] alpha = { new Ramp(1), new Ramp(1) };
    private final Ramp[] delta = { new Ramp(0), new Ramp(0) };
    private final Ramp[] fast = { new Ramp(1), new Ramp(1) };
    private final List<Action> actions = new ArrayList<>();
    private final Map<String, SiteInfo> sites = new HashMap<>();
    private final double[] shortArtifact;
    private final double[] longArtifact;
    private final Segment segment;
    private final long endSample;
    private int nextAction;
    private long position;

    Simulation(Scenario scenario, List<MontageChannel> montage, double samplingRateHz, int mainsHz, long seed, int maxBlock) {
        this.scenario = scenario;
        this.rate = samplingRateHz;
        this.seed = seed;
        this.endSample = Math.round(scenario.durationSeconds() * rate);
        Signals signals = scenario.signals();
        SplittableRandom master = new SplittableRandom(seed);
        SplittableRandom global = master.split();
        SplittableRandom[] perChannel = new SplittableRandom[Montage.MAX_CHANNELS];
        for (int c = 0; c < perChannel.length; c++) {
            perChannel[c] = master.split(); // always all: a channel's signal does not depend on the channel count
        }
        double alphaHz = global.nextDouble(9, 11);
        channels = new ChannelSim[montage.size()];
        for (int c = 0; c < channels.length; c++) {
            channels[c] = new ChannelSim(c, montage.get(c), rate, signals, alphaHz, perChannel[c]);
            channelIndex.put(montage.get(c).label(), c);
        }
        overlay = new Overlay(channels.length, (int) Math.ceil(RESPONSE_HORIZON_SECONDS * rate) + maxBlock);
        ssep = new SsepModel(scenario.ssep(), channelIndex, rate, signals);
        mep = new MepModel(scenario.mep(), channelIndex, rate, signals);
        screws = new ScrewModel(channelIndex, rate);
        timed = new TimedSources(scenario.events(), channelIndex, rate, seed);
        burstSuppression = new BurstSuppressionEnvelope(rate, signals.eegMicrovolts(), global.split());
        cautery = new CauteryNoise(rate, global.split());
        double[] harmonics = signals.mainsHarmonics().stream().mapToDouble(Double::doubleValue).toArray();
        mains = new Mains(rate, mainsHz, harmonics);
        mainsOn = signals.mainsMicrovolts() > 0;
        shortArtifact = decay(0.3e-3);
        longArtifact = decay(0.5e-3);
        segment = new Segment(maxBlock);
        int order = 0;
        for (ScenarioEvent e : scenario.events()) {
            long on = Math.round(e.atSeconds() * rate);
            actions.add(new Action(on, e, false, order++));
            if (e.endTruth() != null) {
                actions.add(new Action(on + Math.round(e.durationSeconds() * rate), e, true, order++));
            }
        }
        // ends before starts at the same sample, so back-to-back events hand over cleanly
        actions.sort(Comparator.comparingLong(Action::sample).thenComparing(a -> !a.end()).thenComparingInt(Action::order));
    }

    long position() {
        return position;
    }

    /** The scenario's end: the stream stops here. */
    long endSample() {
        return endSample;
    }

    /** Generates the next {@code length} samples, reporting stimuli, annotations and health to {@code context} first. */
    SampleBlock next(DriverContext context, int length) {
        long start = position;
        long end = start + length;
        List<StimulusEvent> delivered = new ArrayList<>();
        for (StimulusEvent planned : context.dueStimuli(end)) {
            long at = Math.max(planned.sampleIndex(), start); // a late plan is delivered now, and reported so
            fire(planned, at);
            delivered.add(at == planned.sampleIndex() ? planned : planned.at(at));
        }
        timed.render(start, end, overlay);
        float[][] data = new float[channels.length][length];
        List<Annotation> notes = new ArrayList<>();
        List<DriverHealth> health = new ArrayList<>();
        int off = 0;
        while (off < length) {
            long s = start + off;
            while (nextAction < actions.size() && actions.get(nextAction).sample() <= s) {
                apply(actions.get(nextAction++), notes, health);
            }
            long limit = nextAction < actions.size() ? actions.get(nextAction).sample() : Long.MAX_VALUE;
            int n = (int) Math.min(length - off, limit - s);
            renderSegment(data, off, s, n, health);
            off += n;
        }
        for (long[] suppression : burstSuppression.drainSuppressions()) {
            notes.add(new Annotation(suppression[0], suppression[1] / rate, "TRUTH suppression for "
                    + ScenarioEvent.num(Math.round(suppression[1] / rate * 1000) / 1000.0) + " s", Annotation.Kind.GROUND_TRUTH));
        }
        position = end;
        delivered.forEach(context::stimulus);
        notes.forEach(context::annotation);
        health.sort(Comparator.comparingLong(DriverHealth::sampleIndex));
        health.forEach(context::health);
        return new SampleBlock(start, Math.round(start * 1e9 / rate), data);
    }

    private void renderSegment(float[][] data, int off, long start, int n, List<DriverHealth> health) {
        Segment seg = segment;
        seg.start = start;
        seg.length = n;
        seg.mainsOn = mainsOn;
        if (mainsOn) {
            mains.fill(seg.mains, start, n);
        }
        seg.burstEnabled = burstSuppression.enabled();
        seg.burstActive = burstSuppression.active();
        if (seg.burstActive) {
            burstSuppression.fill(seg.burstGain, start, n);
        }
        seg.cauteryOn = cautery.active();
        if (seg.cauteryOn) {
            cautery.fillEnvelope(seg.cautery, n);
        }
        long mid = start + n / 2; // scripted EEG ramps last seconds: one value per segment is smooth enough
        for (int h = 0; h < 2; h++) {
            seg.alphaGain[h] = Math.max(0, alpha[h].at(mid));
            seg.deltaUv[h] = delta[h].at(mid);
            seg.fastGain[h] = Math.max(0, fast[h].at(mid));
        }
        for (ChannelSim c : channels) {
            c.render(data[c.index], off, seg, overlay, cautery, health);
        }
        overlay.advance(n);
    }

    private void apply(Action a, List<Annotation> notes, List<DriverHealth> health) {
        ScenarioEvent e = a.event();
        notes.add(a.end() ? new Annotation(a.sample(), 0, e.endTruth(), Annotation.Kind.GROUND_TRUTH)
                : new Annotation(a.sample(), e.annotationSeconds(), e.truth(), Annotation.Kind.GROUND_TRUTH));
        switch (e) {
            case SsepChange s -> ssep.change(s, a.sample());
            case MepChange m -> mep.change(m, a.sample());
            case ScrewThreshold t -> screws.set(t);
            case Cautery c -> cautery(c, a.end());
            case LeadOff l -> lead(l.channel(), !a.end(), l.rail(), a.sample(), health);
            case LeadOn l -> lead(l.channel(), false, false, a.sample(), health);
            case BurstSuppression b -> burstSuppression.set(b.enabled(), b.suppressionPercent(), b.annotateSuppressions());
            case AlphaChange c -> {
                long ramp = Math.round(c.rampSeconds() * rate);
                for (int h = 0; h < 2; h++) {
                    if (c.hemisphere() == Side.MIDLINE || (c.hemisphere() == Side.LEFT) == (h == 0)) {
                        alpha[h].moveTo(1 + c.amplitudePercent() / 100, a.sample(), ramp);
                        delta[h].moveTo(c.deltaMicrovolts(), a.sample(), ramp);
                        fast[h].moveTo(1 + c.fastPercent() / 100, a.sample(), ramp);
                    }
                }
            }
            default -> {
                // A-trains and spikes are rendered by TimedSources; notes only annotate
            }
        }
    }

    private void cautery(Cautery c, boolean end) {
        if (!end) {
            boolean[] affected = new boolean[channels.length];
            for (int i = 0; i < affected.length; i++) {
                affected[i] = c.channels().isEmpty() || c.channels().contains(channels[i].def.label());
            }
            cautery.start(affected);
            return;
        }
        boolean[] affected = cautery.stop();
        if (affected != null) {
            for (ChannelSim ch : channels) {
                if (affected[ch.index]) {
                    ch.startRecovery();
                }
            }
        }
    }

    private void lead(String label, boolean off, boolean rail, long sample, List<DriverHealth> health) {
        Integer c = channelIndex.get(label);
        if (c == null || channels[c].leadOff == off) {
            return; // not recorded, or no change
        }
        channels[c].leadOff = off;
        channels[c].leadRail = rail;
        health.add(new DriverHealth(DriverHealth.Condition.LEAD_OFF, c, off, sample,
                label + (off ? " electrode off (" + (rail ? "at the rail" : "flat") + ")" : " electrode reattached")));
    }

    private void fire(StimulusEvent stimulus, long at) {
        SiteInfo info = sites.computeIfAbsent(stimulus.siteId(), this::siteInfo);
        if (scenario.signals().stimulusArtifact()) {
            double isi = stimulus.pulseCount() > 1 ? stimulus.interPulseIntervalMs() * rate / 1000 : 0;
            for (int p = 0; p < stimulus.pulseCount(); p++) {
                long pulse = at + Math.round(p * isi);
                for (ChannelSim c : channels) {
                    overlay.addKernel(c.index, pulse, info.artifactGain()[c.index], info.kernel());
                }
            }
        }
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, stimulus.siteId().hashCode(), at));
        switch (info.site().type()) {
            case SSEP -> ssep.fire(stimulus.siteId(), at, stimulus.intensity(), random, overlay);
            case TCMEP -> mep.fire(info.site(), stimulus, at, random, overlay);
            case SCREW -> screws.fire(info.site(), stimulus.intensity(), at, random, overlay);
            case OTHER -> {
                // no model: the patient does not respond, only the artifact shows
            }
        }
    }

    private SiteInfo siteInfo(String id) {
        StimSite site = StimSite.parse(id);
        double[] gains = new double[channels.length];
        for (ChannelSim c : channels) {
            gains[c.index] = artifactMicrovolts(site, c.def) * c.artifactFactor;
        }
        return new SiteInfo(site, gains, site.type() == StimSite.Type.TCMEP ? longArtifact : shortArtifact);
    }

    /** Peak stimulus artifact by closeness to the stimulated site (µV). */
    private static double artifactMicrovolts(StimSite site, MontageChannel ch) {
        boolean sameSide = ch.side() == site.side();
        boolean upperLimb = ch.label().startsWith("Erb") || ch.muscle().equals("APB") || ch.muscle().equals("ADM");
        boolean lowerLimb = ch.label().startsWith("Popliteal") || (ch.isMuscle() && !upperLimb && !ch.muscle().startsWith("Facial"));
        return switch (site.type()) {
            case SSEP -> {
                boolean arm = !site.id().startsWith("tibial.");
                boolean sameLimb = sameSide && (arm ? upperLimb : lowerLimb);
                yield sameLimb ? (ch.isMuscle() ? 150 : 300) : ch.isMuscle() ? 40 : 20;
            }
            case TCMEP -> ch.kind() == Kind.SCALP ? 1200 : ch.isMuscle() ? 300 : 400;
            case SCREW -> sameSide && lowerLimb ? 120 : 15;
            case OTHER -> 20;
        };
    }

    private double[] decay(double tauSeconds) {
        double step = Math.exp(-1 / (tauSeconds * rate));
        double[] k = new double[(int) Math.ceil(10 * tauSeconds * rate) + 1];
        double v = 1;
        for (int i = 0; i < k.length; i++) {
            k[i] = v;
            v *= step;
        }
        return k;
    }
}
