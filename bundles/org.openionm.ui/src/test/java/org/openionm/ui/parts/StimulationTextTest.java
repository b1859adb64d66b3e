package org.openionm.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openionm.core.stimulation.PeriodicStimulation;
import org.openionm.core.stimulation.StimulationKind;

/** Issue 16, item 10: rates and intensities as the field writes them, and a train selector never empty. */
class StimulationTextTest {

    @Test
    void ratesBelowOneHertzReadPerMinuteAndOthersInHertzRounded() {
        assertEquals("2/min", StimulationText.rate(1 / 30.0), "a train every 30 s, not 0.03333333333333333 Hz");
        assertEquals("1.3/min", StimulationText.rate(1 / 45.0), "60/45 = 1.333…");
        assertEquals("1/min", StimulationText.rate(1 / 60.0));
        assertEquals("4.7 Hz", StimulationText.rate(4.7));
        assertEquals("3.17 Hz", StimulationText.rate(3.17));
        assertEquals("4.79 Hz", StimulationText.rate(4.789));
        assertEquals("5 Hz", StimulationText.rate(5.0));
        assertEquals("on demand", StimulationText.rate(0));
    }

    @Test
    void aSiteReadsWithoutDoubleNoise() {
        assertEquals("TcMEP C3→C4: on demand, train, 350 V, 50 µs, train of 5 at 3 ms",
                StimulationText.describe(PeriodicStimulation.tcmepTrain("tcmep.C3C4", 350, 5, 3)));
        assertEquals("L median: 3.17 Hz, averaged, 25 mA, 200 µs",
                StimulationText.describe(PeriodicStimulation.ssep("median.left", 3.17, 25, 200)));
        assertEquals("L5 screw L: 4.7 Hz, ramp, 0.5 mA, 200 µs, ramp +0.4 mA to 20 mA",
                StimulationText.describe(PeriodicStimulation.ramp("screw.L5.left", 4.7, 0.5, 0.4, 20)));
        PeriodicStimulation every30s = new PeriodicStimulation("tcmep.C4C3", StimulationKind.TRAIN, 1 / 30.0, 350, "V", 50,
                5, 3, 0, 0);
        assertEquals("TcMEP C4→C3: 2/min, train, 350 V, 50 µs, train of 5 at 3 ms", StimulationText.describe(every30s));
    }

    @Test
    void periodicTrainsCanBeFiredTooSoTheSelectorIsNotEmptyWhenTrainsExist() {
        PeriodicStimulation every30s = new PeriodicStimulation("tcmep.C4C3", StimulationKind.TRAIN, 1 / 30.0, 350, "V", 50,
                5, 3, 0, 0);
        assertEquals(List.of("tcmep.C4C3", "tcmep.C3C4"), AmplifierSetupPart.fireable(List.of(
                PeriodicStimulation.ssep("median.left", 3.17, 25, 200), every30s,
                PeriodicStimulation.tcmepTrain("tcmep.C3C4", 350, 5, 3))));
        assertEquals(List.of(), AmplifierSetupPart.fireable(List.of(PeriodicStimulation.ssep("median.left", 3.17, 25, 200))));
    }

    @Test
    void theTrainSelectorAndTheSetupTextNameSitesAsTheFieldDoesNotByTheirIds() {
        // issue 16 item 11: "tcmep.C3C4" was on screen; the anode comes first, as in the id
        assertEquals(List.of("TcMEP C4→C3", "TcMEP C3→C4"), AmplifierSetupPart.trainChoices(List.of("tcmep.C4C3", "tcmep.C3C4")));
        String text = StimulationText.describe(PeriodicStimulation.tcmepTrain("tcmep.C3C4", 350, 5, 3));
        assertFalse(text.contains("tcmep."), text);
    }
}
