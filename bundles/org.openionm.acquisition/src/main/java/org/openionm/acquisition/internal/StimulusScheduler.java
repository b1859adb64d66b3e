package org.openionm.acquisition.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.openionm.core.model.StimulusEvent;
import org.openionm.core.stimulation.PeriodicStimulation;
import org.openionm.core.stimulation.StimulationProgram;
import org.openionm.core.stimulation.TrainGuard;

/**
 * Turns a {@link StimulationProgram} into stimuli planned on the sample clock. Among the n periodic
 * sites of one rate, site k starts k/n of the period after sample 0, so they interleave evenly; each stimulus time
 * is computed from the start (not accumulated), so a rate such as 4.7 Hz never drifts. Ramps raise
 * the intensity per stimulus until their maximum, from the start or, declared
 * {@link PeriodicStimulation#onDemand()}, from where {@link #startRamp} puts them; on-demand sites fire
 * when triggered.
 * <p>
 * Around every site declared a train (periodic or triggered) the program's {@link TrainGuard} skips
 * the stimuli of sites declared averaged planned within it; the others keep their planned samples.
 * A triggered train waits, at most {@code beforeMs}, until the last averaged stimulus already handed
 * out lies outside its guard.
 * Thread-safe: the driver thread asks for due stimuli, the UI thread triggers.
 */
final class StimulusScheduler {

    private final List<SiteState> periodic = new ArrayList<>();
    private final List<SiteState> periodicTrains = new ArrayList<>();
    private final List<PeriodicStimulation> onDemand = new ArrayList<>();
    /** Triggered trains at their planned sample, kept while their guard can still skip a stimulus. */
    private final List<StimulusEvent> triggered = new ArrayList<>();
    private final long before;
    private final long after;
    private long handedOutUpTo;
    /** Sample of the latest paused-site stimulus handed out; a triggered train keeps its guard clear of it. */
    private long lastPausedSample = Long.MIN_VALUE;
    private long skipped;

    private static final class SiteState {
        PeriodicStimulation site; // replaced when its intensity changes (never a ramp's)
        final double periodSamples;
        double offsetSamples; // sample of stimulus 0: the start, or where an on-demand ramp was started
        final boolean paused;
        /** Stimuli of one complete ramp: the first at its maximum is the last one; unbounded for other sites. */
        final long rampLength;
        long next; // index of the next stimulus of this site
        long end; // index of the first stimulus never fired (ramp at its maximum, stopped, or not started)

        SiteState(PeriodicStimulation site, double periodSamples, double offsetSamples, boolean paused) {
            this.site = site;
            this.periodSamples = periodSamples;
            this.offsetSamples = offsetSamples;
            this.paused = paused;
            long length = Long.MAX_VALUE;
            if (site.rampStep() > 0) {
                long n = Math.max(0, (long) Math.floor((site.rampMax() - site.intensity()) / site.rampStep()) - 1);
                while (site.intensity() + n * site.rampStep() < site.rampMax()) {
                    n++;
                }
                length = n + 1;
            }
            rampLength = length;
            end = site.onDemand() ? 0 : length;
        }

        boolean isRamp() {
            return site.rampStep() > 0;
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

        /** Whether stimulus n fires at a sample in [from, to]. */
        boolean firesWithin(long from, long to) {
            long n = Math.max(0, (long) Math.floor((from - offsetSamples) / periodSamples) - 1);
            for (; n < end && sampleOf(n) <= to; n++) {
                if (sampleOf(n) >= from) {
                    return true;
                }
            }
            return false;
        }
    }

    StimulusScheduler(StimulationProgram program, double samplingRateHz) {
        TrainGuard guard = program.trainGuard();
        before = Math.round(guard.beforeMs() * samplingRateHz / 1000);
        after = Math.round(guard.afterMs() * samplingRateHz / 1000);
        List<PeriodicStimulation> repeating = program.sites().stream().filter(s -> s.rateHz() > 0).toList();
        boolean anyTrain = program.sites().stream().anyMatch(TrainGuard::isTrain);
        for (PeriodicStimulation site : repeating) {
            double period = samplingRateHz / site.rateHz();
            double offset;
            if (!Double.isNaN(site.offsetMs())) {
                offset = site.offsetMs() * samplingRateHz / 1000;
            } else {
                // interleave among the automatic sites of the same rate only: a slow TcMEP site must not shift the SSEP sites
                List<PeriodicStimulation> sameRate = repeating.stream()
                        .filter(s -> s.rateHz() == site.rateHz() && Double.isNaN(s.offsetMs())).toList();
                offset = period * sameRate.indexOf(site) / sameRate.size();
            }
            SiteState state = new SiteState(site, period, offset, anyTrain && !guard.isOff() && TrainGuard.pauses(site));
            periodic.add(state);
            if (TrainGuard.isTrain(site)) {
                periodicTrains.add(state);
            }
        }
        program.sites().stream().filter(s -> s.rateHz() == 0).forEach(onDemand::add);
    }

    /** Stimuli planned before {@code endSampleIndex} not handed out yet, in sample order. */
    synchronized List<StimulusEvent> due(long endSampleIndex) {
        List<StimulusEvent> due = new ArrayList<>();
        for (SiteState s : periodic) {
            for (; s.next < s.end && s.sampleOf(s.next) < endSampleIndex; s.next++) {
                long at = s.sampleOf(s.next);
                if (s.paused && insideGuard(at)) {
                    skipped++; // not moved: this stimulus does not happen
                    continue;
                }
                due.add(event(s.site, at, s.intensityOf(s.next)));
                if (s.paused) {
                    lastPausedSample = Math.max(lastPausedSample, at);
                }
            }
        }
        for (StimulusEvent t : triggered) {
            if (t.sampleIndex() >= handedOutUpTo && t.sampleIndex() < endSampleIndex) {
                due.add(t);
            }
        }
        handedOutUpTo = Math.max(handedOutUpTo, endSampleIndex);
        triggered.removeIf(t -> t.sampleIndex() + after < handedOutUpTo); // its guard has gone by
        due.sort(Comparator.comparingLong(StimulusEvent::sampleIndex));
        return due;
    }

    /** True when a train fires in (at − after, at + before], i.e. {@code at} lies in [train − before, train + after). */
    private boolean insideGuard(long at) {
        for (SiteState t : periodicTrains) {
            if (t.firesWithin(at - after + 1, at + before)) {
                return true;
            }
        }
        for (StimulusEvent t : triggered) {
            if (t.sampleIndex() > at - after && t.sampleIndex() <= at + before) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fires an on-demand site (e.g. a TcMEP train) at the start of the next block, or, when an SSEP
     * stimulus already handed out lies within the guard before it, as soon as it no longer does. A
     * periodic train site may be fired in between too: the technologist's (or the TcMEP processor's)
     * immediate repeat train to confirm a change does not wait for the next planned train.
     */
    synchronized void trigger(String siteId) {
        PeriodicStimulation site = onDemand.stream().filter(s -> s.siteId().equals(siteId)).findFirst()
                .or(() -> periodicTrains.stream().map(s -> s.site).filter(s -> s.siteId().equals(siteId)).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("no on-demand stimulation site '" + siteId + "'"));
        long at = handedOutUpTo;
        if (TrainGuard.isTrain(site) && lastPausedSample != Long.MIN_VALUE) { // only set when a guard is on
            at = Math.max(at, lastPausedSample + before + 1);
        }
        triggered.add(event(site, at, site.intensity()));
    }

    /**
     * Starts a ramp site's ramp again from its start intensity, its first stimulus at the start of the
     * next block (the first sample not handed out yet); a ramp already running starts over. Ramps are
     * never paused, so no guard moves it.
     */
    synchronized void startRamp(String siteId) {
        SiteState s = ramp(siteId);
        s.offsetSamples = handedOutUpTo;
        s.next = 0;
        s.end = s.rampLength;
    }

    /** Stops a ramp, e.g. because the first CMAP appeared (the threshold was found); a stopped ramp stays stopped. */
    synchronized void stopRamp(String siteId) {
        SiteState s = ramp(siteId);
        s.end = Math.min(s.end, s.next);
    }

    /** Whether the ramp of this site still has stimuli to give. */
    synchronized boolean rampRunning(String siteId) {
        SiteState s = ramp(siteId);
        return s.next < s.end;
    }

    private SiteState ramp(String siteId) {
        for (SiteState s : periodic) {
            if (s.site.siteId().equals(siteId) && s.isRamp()) {
                return s;
            }
        }
        throw new IllegalArgumentException("no ramp stimulation site '" + siteId + "'; ramp sites: " + periodic.stream()
                .filter(SiteState::isRamp).map(s -> s.site.siteId()).toList());
    }

    /**
     * Replaces a site of the program by {@code changed} (same id, another intensity): its stimuli not
     * handed out yet carry the new intensity; a train already triggered keeps the one it was fired at.
     */
    synchronized void setIntensity(PeriodicStimulation changed) {
        for (SiteState s : periodic) {
            if (s.site.siteId().equals(changed.siteId())) { // periodic trains are among them
                s.site = changed;
            }
        }
        onDemand.replaceAll(s -> s.siteId().equals(changed.siteId()) ? changed : s);
    }

    /** Stimuli of paused sites skipped so far because they fell within a TcMEP guard. */
    synchronized long skipped() {
        return skipped;
    }

    private static StimulusEvent event(PeriodicStimulation site, long sample, double intensity) {
        return new StimulusEvent(site.siteId(), site.kind(), sample, intensity, site.unit(), site.pulseWidthMicros(),
                site.pulseCount(), site.interPulseIntervalMs());
    }
}
