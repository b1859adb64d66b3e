package org.openionm.acquisition.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.openionm.core.model.StimulusEvent;
import org.openionm.core.stimulation.PeriodicStimulation;
import org.openionm.core.stimulation.StimulationProgram;

/**
 * Turns a {@link StimulationProgram} into stimuli planned on the sample clock. Among the n periodic
 * sites of one rate, site k starts k/n of the period after sample 0, so they interleave evenly; each stimulus time
 * is computed from the start (not accumulated), so a rate such as 4.7 Hz never drifts. Ramps raise
 * the intensity per stimulus until their maximum; on-demand sites fire when triggered.
 * Thread-safe: the driver thread asks for due stimuli, the UI thread triggers.
 */
final class StimulusScheduler {

    private final List<SiteState> periodic = new ArrayList<>();
    private final List<PeriodicStimulation> onDemand = new ArrayList<>();
    private final List<StimulusEvent> triggered = new ArrayList<>();
    private long handedOutUpTo;

    private static final class SiteState {
        final PeriodicStimulation site;
        final double periodSamples;
        final double offsetSamples;
        long next; // index of the next stimulus of this site
        boolean rampDone;

        SiteState(PeriodicStimulation site, double periodSamples, double offsetSamples) {
            this.site = site;
            this.periodSamples = periodSamples;
            this.offsetSamples = offsetSamples;
        }

        long sampleOf(long n) {
            return Math.round(offsetSamples + n * periodSamples);
        }

        double intensityOf(long n) {
            if (site.rampStep() <= 0) {
                return site.intensity();
            }
            return Math.min(site.rampMax(), site.intensity() + n * site.rampStep());
        }
    }

    StimulusScheduler(StimulationProgram program, double samplingRateHz) {
        List<PeriodicStimulation> repeating = program.sites().stream().filter(s -> s.rateHz() > 0).toList();
        for (PeriodicStimulation site : repeating) {
            double period = samplingRateHz / site.rateHz();
            if (!Double.isNaN(site.offsetMs())) {
                periodic.add(new SiteState(site, period, site.offsetMs() * samplingRateHz / 1000));
                continue;
            }
            // interleave among the automatic sites of the same rate only: a slow TcMEP site must not shift the SSEP sites
            List<PeriodicStimulation> sameRate = repeating.stream()
                    .filter(s -> s.rateHz() == site.rateHz() && Double.isNaN(s.offsetMs())).toList();
            periodic.add(new SiteState(site, period, period * sameRate.indexOf(site) / sameRate.size()));
        }
        program.sites().stream().filter(s -> s.rateHz() == 0).forEach(onDemand::add);
    }

    /** Stimuli planned before {@code endSampleIndex} not handed out yet, in sample order. */
    synchronized List<StimulusEvent> due(long endSampleIndex) {
        List<StimulusEvent> due = new ArrayList<>();
        for (SiteState s : periodic) {
            while (!s.rampDone && s.sampleOf(s.next) < endSampleIndex) {
                due.add(event(s.site, s.sampleOf(s.next), s.intensityOf(s.next)));
                if (s.site.rampStep() > 0 && s.intensityOf(s.next) >= s.site.rampMax()) {
                    s.rampDone = true; // the ramp reached its maximum: no more stimuli on this site
                }
                s.next++;
            }
        }
        for (StimulusEvent t : triggered) {
            due.add(new StimulusEvent(t.siteId(), Math.max(t.sampleIndex(), handedOutUpTo), t.intensity(),
                    t.intensityUnit(), t.pulseWidthMicros(), t.pulseCount(), t.interPulseIntervalMs()));
        }
        triggered.clear();
        handedOutUpTo = Math.max(handedOutUpTo, endSampleIndex);
        due.sort(Comparator.comparingLong(StimulusEvent::sampleIndex));
        return due;
    }

    /** Fires an on-demand site (e.g. a TcMEP train) at the start of the next block. */
    synchronized void trigger(String siteId) {
        PeriodicStimulation site = onDemand.stream().filter(s -> s.siteId().equals(siteId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no on-demand stimulation site '" + siteId + "'"));
        triggered.add(event(site, handedOutUpTo, site.intensity()));
    }

    /** Stops a ramp, e.g. because the first CMAP appeared (the threshold was found). */
    synchronized void stopRamp(String siteId) {
        for (SiteState s : periodic) {
            if (s.site.siteId().equals(siteId)) {
                s.rampDone = true;
            }
        }
    }

    private static StimulusEvent event(PeriodicStimulation site, long sample, double intensity) {
        return new StimulusEvent(site.siteId(), sample, intensity, site.unit(), site.pulseWidthMicros(),
                site.pulseCount(), site.interPulseIntervalMs());
    }
}
