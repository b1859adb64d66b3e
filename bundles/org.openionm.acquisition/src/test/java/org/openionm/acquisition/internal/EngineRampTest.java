package org.openionm.acquisition.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.core.driver.DriverCapabilities;
import org.openionm.core.driver.DriverContext;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.stimulation.PeriodicStimulation;
import org.openionm.core.stimulation.StimulationProgram;

/** {@code startRamp}/{@code stopRamp} through the running engine, with a driver the test steps block by block. */
class EngineRampTest {

    private final DefaultAcquisitionEngine engine = new DefaultAcquisitionEngine();

    @AfterEach
    void dispose() {
        engine.dispose();
    }

    /** Produces one 100-sample block per permit, firing what the engine says is due, as a stimulator does. */
    static final class SteppedDriver implements AmplifierDriver {
        final Semaphore permits = new Semaphore(0);
        final Semaphore produced = new Semaphore(0);
        final List<StimulusEvent> fired = new CopyOnWriteArrayList<>();
        /** Stimulator outputs the driver declares (none unless a test gives some). */
        List<org.openionm.core.driver.StimulatorDescriptor> stimulators = List.of();

        @Override public String id() { return "stepped"; }
        @Override public String displayName() { return "Stepped"; }
        @Override public DriverCapabilities capabilities() { return new DriverCapabilities(1, 1000, stimulators); }

        @Override
        public List<Channel> configure(AcquisitionConfig config) {
            return List.of(new Channel(0, "EHL-L", Channel.MICROVOLT, config.samplingRateHz(), -1e4, 1e4,
                    ChannelRole.EMG_TRIGGERED));
        }

        @Override
        public void run(DriverContext context) {
            for (long start = 0; !context.isStopRequested(); start += 100) {
                try {
                    if (!permits.tryAcquire(20, TimeUnit.SECONDS)) {
                        return;
                    }
                } catch (InterruptedException stopping) {
                    return;
                }
                for (StimulusEvent e : context.dueStimuli(start + 100)) {
                    fired.add(e);
                    context.stimulus(e);
                }
                context.block(new SampleBlock(start, start * 1000, new float[1][100]));
                produced.release();
            }
        }

        void step(int blocks) throws InterruptedException {
            permits.release(blocks);
            assertTrue(produced.tryAcquire(blocks, 20, TimeUnit.SECONDS), "driver did not produce " + blocks + " blocks");
        }
    }

    @Test
    void anOnDemandRampStartsAtTheNextBlockAndStopsWhenAsked() throws Exception {
        SteppedDriver driver = new SteppedDriver();
        assertThrows(IllegalStateException.class, () -> engine.startRamp("screw.L5.left"), "nothing running");
        engine.start(driver, new AcquisitionConfig(1000, 1, false), new StimulationProgram(List.of(
                PeriodicStimulation.ramp("screw.L5.left", 5, 1, 0.5, 10).startedOnDemand()), 50));
        driver.step(10); // samples 0..999: the ramp waits
        assertTrue(driver.fired.isEmpty(), "an on-demand ramp does not run from sample 0: " + driver.fired);

        engine.startRamp("screw.L5.left");
        driver.step(6); // samples 1000..1599: 5 Hz = every 200 samples from 1000
        List<StimulusEvent> ramp = new ArrayList<>(driver.fired);
        assertEquals(List.of(1000L, 1200L, 1400L), ramp.stream().map(StimulusEvent::sampleIndex).toList());
        assertEquals(List.of(1.0, 1.5, 2.0), ramp.stream().map(StimulusEvent::intensity).toList());

        engine.stopRamp("screw.L5.left"); // threshold found at 2.0 mA
        driver.step(10);
        assertEquals(3, driver.fired.size(), "no step after the stop: " + driver.fired);
        assertThrows(IllegalArgumentException.class, () -> engine.startRamp("screw.L4.left"));
        engine.stop();
    }
}
