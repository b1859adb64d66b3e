package org.openionm.acquisition.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openionm.acquisition.internal.EngineRampTest.SteppedDriver;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.StimulatorDescriptor;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.stimulation.PeriodicStimulation;
import org.openionm.core.stimulation.StimulationProgram;

/**
 * Issue 16, item 10: the technologist changes a site's intensity while the acquisition runs, within the
 * amplifier's declared stimulator outputs; the next stimuli carry it and the status shows it.
 */
class EngineIntensityTest {

    private final DefaultAcquisitionEngine engine = new DefaultAcquisitionEngine();

    @AfterEach
    void dispose() {
        engine.dispose();
    }

    @Test
    void aChangedIntensityReachesTheNextStimuliWithinTheStimulatorsRange() throws Exception {
        SteppedDriver driver = new SteppedDriver();
        driver.stimulators = List.of(new StimulatorDescriptor("peripheral", "Peripheral (constant current)", "mA", 100),
                new StimulatorDescriptor("transcranial", "Transcranial (constant voltage)", "V", 1000));
        assertThrows(IllegalStateException.class, () -> engine.setIntensity("tcmep.C3C4", 400), "nothing running");
        // 5 Hz at 1 kHz: a median stimulus every 200 samples from 0; blocks of 100 samples
        engine.start(driver, new AcquisitionConfig(1000, 1, false), new StimulationProgram(List.of(
                PeriodicStimulation.ssep("median.left", 5, 25, 200), PeriodicStimulation.tcmepTrain("tcmep.C3C4", 350, 5, 3),
                PeriodicStimulation.ramp("screw.L5.left", 5, 1, 0.5, 10).startedOnDemand()), 50));
        driver.step(4); // samples 0..399: median at 0 and 200, 25 mA
        engine.setIntensity("median.left", 32.5);
        engine.setIntensity("tcmep.C3C4", 425);
        engine.trigger("tcmep.C3C4");
        driver.step(5); // 400..899: the train at 400 pauses the median stimulus at 400 (train guard)
        List<StimulusEvent> fired = List.copyOf(driver.fired);
        List<StimulusEvent> median = fired.stream().filter(e -> e.siteId().equals("median.left")).toList();
        assertEquals(List.of(0L, 200L, 600L, 800L), median.stream().map(StimulusEvent::sampleIndex).toList());
        assertEquals(List.of(25.0, 25.0, 32.5, 32.5), median.stream().map(StimulusEvent::intensity).toList(),
                "the change applies from the next stimulus on");
        assertEquals(List.of(425.0), fired.stream().filter(e -> e.siteId().equals("tcmep.C3C4"))
                .map(StimulusEvent::intensity).toList());
        assertEquals(List.of(32.5, 425.0, 1.0), engine.status().stimulation().sites().stream()
                .map(PeriodicStimulation::intensity).toList(), "the status shows the program as it runs now");
        assertEquals(50, engine.status().stimulation().mainsHz());

        IllegalArgumentException tooHigh = assertThrows(IllegalArgumentException.class,
                () -> engine.setIntensity("tcmep.C3C4", 1200));
        assertTrue(tooHigh.getMessage().contains("0..1000.0 V"), tooHigh.getMessage());
        assertThrows(IllegalArgumentException.class, () -> engine.setIntensity("median.left", -1));
        IllegalArgumentException ramp = assertThrows(IllegalArgumentException.class,
                () -> engine.setIntensity("screw.L5.left", 5));
        assertTrue(ramp.getMessage().contains("is a ramp"), ramp.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> engine.setIntensity("tibial.left", 40));
        assertTrue(unknown.getMessage().contains("median.left"), "names the sites there are: " + unknown.getMessage());
        assertEquals(425.0, engine.status().stimulation().sites().get(1).intensity(), "a refused change changes nothing");
        engine.stop();
    }

    @Test
    void anAmplifierWithoutAnOutputOfTheSitesUnitRefuses() throws Exception {
        SteppedDriver driver = new SteppedDriver(); // a recording-only device
        engine.start(driver, new AcquisitionConfig(1000, 1, false), new StimulationProgram(List.of(
                PeriodicStimulation.tcmepTrain("tcmep.C3C4", 350, 5, 3)), 50));
        driver.step(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> engine.setIntensity("tcmep.C3C4", 300));
        assertEquals("the amplifier declares no V stimulator output for tcmep.C3C4", e.getMessage());
        engine.stop();
    }
}
