package org.openionm.acquisition.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.stimulation.PeriodicStimulation;
import org.openionm.core.stimulation.StimulationKind;
import org.openionm.core.stimulation.StimulationProgram;

/** Ramps started and stopped on demand (triggered EMG), at exact sample indexes. */
class RampOnDemandSchedulerTest {

    /** 1 kHz, 4 Hz ramp: one stimulus every 250 samples. */
    private static StimulusScheduler scheduler(PeriodicStimulation... sites) {
        return new StimulusScheduler(new StimulationProgram(List.of(sites), 50), 1000);
    }

    @Test
    void anOnDemandRampWaitsForItsStartThenRisesFromTheNextBlock() {
        StimulusScheduler s = scheduler(PeriodicStimulation.ramp("screw.L4.left", 4, 1, 1, 5).startedOnDemand());
        assertTrue(s.due(1000).isEmpty(), "nothing before the start");
        assertTrue(s.due(1100).isEmpty());
        assertFalse(s.rampRunning("screw.L4.left"));
        s.startRamp("screw.L4.left");
        assertTrue(s.rampRunning("screw.L4.left"));
        List<StimulusEvent> ramp = StimulusSchedulerTest.collect(s, 10_000, 100).stream()
                .filter(e -> e.sampleIndex() >= 1100).toList();
        // first stimulus at 1100 (the first sample not handed out), then every 250 samples: 1, 2 … 5 mA
        assertEquals(List.of(1100L, 1350L, 1600L, 1850L, 2100L), ramp.stream().map(StimulusEvent::sampleIndex).toList());
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0), ramp.stream().map(StimulusEvent::intensity).toList());
        assertTrue(ramp.stream().allMatch(e -> e.kind() == StimulationKind.RAMP));
        assertFalse(s.rampRunning("screw.L4.left"), "a ramp at its maximum has ended");
    }

    @Test
    void stoppingAtThresholdEndsTheRampAndAStartBeginsAgainAtTheStartIntensity() {
        StimulusScheduler s = scheduler(PeriodicStimulation.ramp("screw.L5.right", 4, 0.5, 0.5, 20).startedOnDemand());
        s.due(500);
        s.startRamp("screw.L5.right");
        List<StimulusEvent> first = s.due(1200); // stimuli at 500, 750, 1000
        assertEquals(List.of(500L, 750L, 1000L), first.stream().map(StimulusEvent::sampleIndex).toList());
        assertEquals(List.of(0.5, 1.0, 1.5), first.stream().map(StimulusEvent::intensity).toList());
        s.stopRamp("screw.L5.right"); // the processor saw a CMAP at 1.5 mA
        assertTrue(s.due(5000).isEmpty(), "no step after the stop");
        s.stopRamp("screw.L5.right"); // stopping a stopped ramp does nothing
        s.startRamp("screw.L5.right");
        List<StimulusEvent> again = s.due(5300);
        assertEquals(List.of(5000L, 5250L), again.stream().map(StimulusEvent::sampleIndex).toList());
        assertEquals(List.of(0.5, 1.0), again.stream().map(StimulusEvent::intensity).toList());
    }

    @Test
    void aRampFromTheStartCanBeRestartedAndOtherSitesKeepTheirSamples() {
        StimulusScheduler s = scheduler(PeriodicStimulation.ramp("screw.S1.left", 4, 2, 2, 40),
                PeriodicStimulation.ssep("tibial.left", 5, 40, 300).withOffsetMs(10));
        List<StimulusEvent> before = s.due(600);
        assertEquals(List.of(0L, 10L, 210L, 250L, 410L, 500L), before.stream().map(StimulusEvent::sampleIndex).toList());
        s.startRamp("screw.S1.left");
        List<StimulusEvent> after = s.due(900);
        // ramp over again at 600 with 2 mA; the tibial site goes on at 610, 810
        assertEquals(List.of(600L, 610L, 810L, 850L), after.stream().map(StimulusEvent::sampleIndex).toList());
        assertEquals(2.0, after.get(0).intensity());
        assertEquals(4.0, after.get(3).intensity());
    }

    @Test
    void onlyRampSitesStartOrStopAndOnlyRampsWaitOnDemand() {
        StimulusScheduler s = scheduler(PeriodicStimulation.ssep("median.left", 4.7, 25, 200),
                PeriodicStimulation.tcmepTrain("tcmep.C3C4", 300, 5, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.startRamp("median.left"));
        assertTrue(e.getMessage().contains("no ramp stimulation site 'median.left'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.stopRamp("tcmep.C3C4"));
        assertThrows(IllegalArgumentException.class, () -> PeriodicStimulation.ssep("median.left", 4.7, 25, 200).startedOnDemand());
    }
}
