package org.openionm.core.stimulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class StimulationProgramTest {

    @Test
    void mainsLockedRatesAreRecognised() {
        // 50/5 = 10, 50/2.5 = 20, 60/5 = 12, 60/4 = 15: every sweep sees the same hum phase
        assertTrue(StimulationProgram.isMainsLocked(5.0, 50));
        assertTrue(StimulationProgram.isMainsLocked(2.5, 50));
        assertTrue(StimulationProgram.isMainsLocked(5.0, 60));
        assertTrue(StimulationProgram.isMainsLocked(4.0, 60));
        // the rates the field uses: 50/4.7 = 10.64, 50/3.17 = 15.77, 60/4.79 = 12.53
        assertFalse(StimulationProgram.isMainsLocked(4.7, 50));
        assertFalse(StimulationProgram.isMainsLocked(3.17, 50));
        assertFalse(StimulationProgram.isMainsLocked(4.79, 60));
        assertFalse(StimulationProgram.isMainsLocked(4.0, 50), "50/4 = 12.5: alternate sweeps cancel");
    }

    @Test
    void programWarnsOnlyAboutTheLockedSite() {
        StimulationProgram program = new StimulationProgram(List.of(PeriodicStimulation.ssep("median.left", 5.0, 25, 200),
                PeriodicStimulation.ssep("median.right", 4.7, 25, 200), PeriodicStimulation.tcmepTrain("tcmep", 400, 5, 3)), 50);
        List<String> warnings = program.warnings();
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("median.left: 5 Hz"), warnings.get(0));
    }

    @Test
    void slowSingleTrialSitesAreNotWarnedAbout() {
        // a TcMEP train every 30 s: 50 Hz × 30 s is a whole number, but nothing is averaged
        StimulationProgram program = new StimulationProgram(List.of(new PeriodicStimulation("tcmep.C3C4", StimulationKind.TRAIN,
                1.0 / 30, 350, "V", 50, 5, 3, 0, 0)), 50);
        assertTrue(program.warnings().isEmpty(), program.warnings().toString());
    }

    @Test
    void averagedSitesPauseAroundTcmepTrainsByDefault() {
        PeriodicStimulation tibial = PeriodicStimulation.ssep("tibial.left", 3.17, 40, 300);
        PeriodicStimulation train = PeriodicStimulation.tcmepTrain("tcmep.C3C4", 350, 5, 3);
        PeriodicStimulation ramp = PeriodicStimulation.ramp("screw.L4.left", 3, 1, 0.5, 20);
        StimulationProgram program = new StimulationProgram(List.of(tibial, train, ramp), 50);
        assertEquals(new TrainGuard(100, 100), program.trainGuard());
        assertTrue(program.pausesAroundTrains());
        assertEquals("SSEP paused from 100 ms before to 100 ms after each TcMEP train", program.trainGuard().describe());
        assertTrue(TrainGuard.pauses(tibial));
        assertFalse(TrainGuard.pauses(train), "a train does not pause for another");
        assertFalse(TrainGuard.pauses(ramp), "a triggered-EMG ramp keeps its steps");
        assertFalse(program.withTrainGuard(TrainGuard.OFF).pausesAroundTrains());
        assertFalse(new StimulationProgram(List.of(tibial), 50).pausesAroundTrains(), "no train, no pause");
        assertThrows(IllegalArgumentException.class, () -> new TrainGuard(-1, 100));
        assertThrows(IllegalArgumentException.class, () -> new TrainGuard(100, 1001));
        assertThrows(IllegalArgumentException.class, () -> new TrainGuard(Double.NaN, 100));
    }

    @Test
    void impossibleProgramsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new StimulationProgram(List.of(), 55));
        assertThrows(IllegalArgumentException.class, () -> new StimulationProgram(
                List.of(PeriodicStimulation.ssep("a", 4.7, 25, 200), PeriodicStimulation.ssep("a", 4.7, 25, 200)), 50));
        assertThrows(IllegalArgumentException.class, () -> PeriodicStimulation.ssep("a", -1, 25, 200));
        assertThrows(IllegalArgumentException.class, () -> PeriodicStimulation.ramp("screw", 3, 5, 1, 2));
    }

    @Test
    void theKindMustFitTheParameters() {
        IllegalArgumentException notDeclared = assertThrows(IllegalArgumentException.class, () -> new PeriodicStimulation(
                "screw.L4.left", StimulationKind.SINGLE, 3, 1, "mA", 200, 1, 0, 0.5, 20));
        assertEquals("screw.L4.left has a ramp step of 0.5 mA but is declared single; declare it a ramp", notDeclared.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PeriodicStimulation("screw.L4.left", StimulationKind.RAMP, 3, 1,
                "mA", 200, 1, 0, 0, 0), "a ramp without a step");
        IllegalArgumentException onDemand = assertThrows(IllegalArgumentException.class, () -> new PeriodicStimulation(
                "median.left", StimulationKind.AVERAGED, 0, 25, "mA", 200, 1, 0, 0, 0));
        assertTrue(onDemand.getMessage().contains("averaged site median.left needs a rate"), onDemand.getMessage());
        assertEquals(StimulationKind.TRAIN, new PeriodicStimulation("x", StimulationKind.TRAIN, 0, 1, "V", 50, 1, 0, 0, 0).kind());
        assertEquals(StimulationKind.AVERAGED, PeriodicStimulation.ssep("median.left", 4.7, 25, 200).kind());
        assertEquals(StimulationKind.TRAIN, PeriodicStimulation.tcmepTrain("tcmep.C3C4", 350, 5, 3).kind());
        assertEquals(StimulationKind.RAMP, PeriodicStimulation.ramp("screw.L4.left", 3, 1, 0.5, 20).kind());
        assertEquals(StimulationKind.TRAIN, PeriodicStimulation.tcmepTrain("tcmep.C3C4", 350, 5, 3).withOffsetMs(5).kind());
    }

    /** Train and averaged are what the sites declare, whatever their ids say. */
    @Test
    void thePauseFollowsTheDeclaredKindNotTheId() {
        PeriodicStimulation train = new PeriodicStimulation("probe.left", StimulationKind.TRAIN, 0, 200, "V", 50, 5, 3, 0, 0);
        PeriodicStimulation averagedTcmep = new PeriodicStimulation("tcmep.C3C4", StimulationKind.AVERAGED, 2, 100, "V", 50,
                1, 0, 0, 0);
        assertTrue(TrainGuard.isTrain(train));
        assertFalse(TrainGuard.isTrain(averagedTcmep));
        assertTrue(TrainGuard.pauses(averagedTcmep));
        assertTrue(new StimulationProgram(List.of(train, averagedTcmep), 50).pausesAroundTrains());
        assertFalse(new StimulationProgram(List.of(averagedTcmep, PeriodicStimulation.ssep("median.left", 4.7, 25, 200)), 50)
                .pausesAroundTrains(), "a tcmep-named site declared averaged is no train");
        PeriodicStimulation single = new PeriodicStimulation("median.left", StimulationKind.SINGLE, 0.5, 25, "mA", 200, 1, 0, 0, 0);
        assertFalse(TrainGuard.isTrain(single));
        assertFalse(TrainGuard.pauses(single), "single trials are not paused");
    }

    @Test
    void kindsAreWrittenInLowerCase() {
        for (StimulationKind k : StimulationKind.values()) {
            assertEquals(k, StimulationKind.ofToken(k.token()));
        }
        assertEquals("train", StimulationKind.TRAIN.token());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StimulationKind.ofToken("TRAIN"));
        assertEquals("unknown stimulation kind 'TRAIN'; known: averaged, train, ramp, single", e.getMessage());
    }
}
