package org.openionm.acquisition.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.stimulation.PeriodicStimulation;
import org.openionm.core.stimulation.StimulationKind;
import org.openionm.core.stimulation.StimulationProgram;
import org.openionm.core.stimulation.TrainGuard;

class StimulusSchedulerTest {

    static List<StimulusEvent> collect(StimulusScheduler scheduler, long until, int block) {
        List<StimulusEvent> all = new ArrayList<>();
        for (long end = block; end <= until; end += block) {
            all.addAll(scheduler.due(end));
        }
        return all;
    }

    @Test
    void twoSitesAt4point7HzInterleaveEvenlyWithoutDrift() {
        double rate = 10_000;
        StimulusScheduler scheduler = new StimulusScheduler(new StimulationProgram(List.of(
                PeriodicStimulation.ssep("median.left", 4.7, 25, 200),
                PeriodicStimulation.ssep("median.right", 4.7, 25, 200)), 50), rate);
        long oneHour = (long) (3600 * rate);
        List<StimulusEvent> events = collect(scheduler, oneHour, 100);
        List<StimulusEvent> left = events.stream().filter(e -> e.siteId().equals("median.left")).toList();
        List<StimulusEvent> right = events.stream().filter(e -> e.siteId().equals("median.right")).toList();
        // 4.7 Hz for an hour: 16920 stimuli per site, each within half a sample of n / 4.7 s
        assertEquals(16_920, left.size());
        assertEquals(16_920, right.size());
        for (int n = 0; n < left.size(); n++) {
            assertEquals(n * rate / 4.7, left.get(n).sampleIndex(), 0.5, "left stimulus " + n);
            assertEquals((n + 0.5) * rate / 4.7, right.get(n).sampleIndex(), 0.5, "right stimulus " + n);
        }
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).sampleIndex() >= events.get(i - 1).sampleIndex(), "sample order");
        }
    }

    @Test
    void aSlowSiteDoesNotShiftTheInterleavingOfTheFastOnes() {
        // guard off: this is about interleaving (TrainGuardTest covers the pause around the train)
        StimulusScheduler scheduler = new StimulusScheduler(new StimulationProgram(List.of(
                PeriodicStimulation.ssep("median.left", 5.0, 25, 200),
                new PeriodicStimulation("tcmep.C3C4", StimulationKind.TRAIN, 1.0 / 30, 350, "V", 50, 5, 3, 0, 0),
                PeriodicStimulation.ssep("median.right", 5.0, 25, 200)), 50, TrainGuard.OFF), 1000);
        List<StimulusEvent> first = scheduler.due(400);
        // median.left at 0 and 200, median.right half a period later at 100 and 300, TcMEP at 0
        assertEquals(List.of(0L, 0L, 100L, 200L, 300L), first.stream().map(StimulusEvent::sampleIndex).toList());
    }

    @Test
    void explicitOffsetsPlaceEachSiteWhereTheProgramSays() {
        // 3.17 Hz cycle of 315.5 ms: median L 0, median R 52, tibial L 105, tibial R 210 ms, so no
        // stimulus falls inside another site's 50 ms (upper) or 100 ms (lower) recording window
        StimulusScheduler scheduler = new StimulusScheduler(new StimulationProgram(List.of(
                PeriodicStimulation.ssep("median.left", 3.17, 25, 200).withOffsetMs(0),
                PeriodicStimulation.ssep("median.right", 3.17, 25, 200).withOffsetMs(52),
                PeriodicStimulation.ssep("tibial.left", 3.17, 40, 300).withOffsetMs(105),
                PeriodicStimulation.ssep("tibial.right", 3.17, 40, 300).withOffsetMs(210)), 50), 10_000);
        List<StimulusEvent> events = collect(scheduler, 600_000, 100); // a minute
        for (int i = 1; i < events.size(); i++) {
            StimulusEvent previous = events.get(i - 1);
            double gapMs = (events.get(i).sampleIndex() - previous.sampleIndex()) / 10.0;
            double window = previous.siteId().startsWith("tibial") ? 100 : 50;
            assertTrue(gapMs > window, previous.siteId() + " at " + previous.sampleIndex() + " is followed after " + gapMs
                    + " ms, inside its " + window + " ms window");
        }
        assertEquals(1050, events.get(2).sampleIndex());
        assertThrows(IllegalArgumentException.class, () -> PeriodicStimulation.ssep("x", 3.17, 25, 200).withOffsetMs(400));
    }

    @Test
    void eachStimulusIsHandedOutOnceAndNeverInThePast() {
        StimulusScheduler scheduler = new StimulusScheduler(
                new StimulationProgram(List.of(PeriodicStimulation.ssep("tibial.left", 3.17, 40, 300)), 50), 2000);
        long previousEnd = 0;
        long count = 0;
        for (long end = 37; end < 200_000; end += 37) {
            for (StimulusEvent e : scheduler.due(end)) {
                assertTrue(e.sampleIndex() >= previousEnd && e.sampleIndex() < end, "stimulus at " + e.sampleIndex()
                        + " outside block [" + previousEnd + ", " + end + ")");
                count++;
            }
            previousEnd = end;
        }
        assertEquals(Math.floor((previousEnd - 1) / (2000 / 3.17)) + 1, count, 0.0);
    }

    @Test
    void rampRisesByItsStepAndStopsAtItsMaximum() {
        StimulusScheduler scheduler = new StimulusScheduler(new StimulationProgram(List.of(
                PeriodicStimulation.ramp("screw.L4.left", 4, 0.5, 0.5, 4.0)), 50), 1000);
        List<StimulusEvent> events = collect(scheduler, 60_000, 50);
        assertEquals(8, events.size(), "0.5, 1.0 … 4.0 mA");
        for (int i = 0; i < events.size(); i++) {
            assertEquals(0.5 * (i + 1), events.get(i).intensity(), 1e-9);
            assertEquals(i * 250, events.get(i).sampleIndex());
        }
    }

    @Test
    void aStoppedRampFiresNoMore() {
        StimulusScheduler scheduler = new StimulusScheduler(new StimulationProgram(List.of(
                PeriodicStimulation.ramp("screw.L5.right", 4, 1, 1, 30)), 50), 1000);
        assertEquals(3, scheduler.due(600).size());
        scheduler.stopRamp("screw.L5.right");
        assertTrue(scheduler.due(60_000).isEmpty());
    }

    @Test
    void onDemandTrainFiresAtTheNextBlockOnly() {
        StimulusScheduler scheduler = new StimulusScheduler(new StimulationProgram(List.of(
                PeriodicStimulation.tcmepTrain("tcmep.C3C4", 400, 5, 3)), 50), 5000);
        assertTrue(scheduler.due(5000).isEmpty(), "on-demand sites wait for a trigger");
        scheduler.trigger("tcmep.C3C4");
        List<StimulusEvent> fired = scheduler.due(5100);
        assertEquals(1, fired.size());
        assertEquals(5000, fired.get(0).sampleIndex());
        assertEquals(5, fired.get(0).pulseCount());
        assertEquals(400, fired.get(0).intensity());
        assertTrue(scheduler.due(10_000).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> scheduler.trigger("median.left"));
    }
}
