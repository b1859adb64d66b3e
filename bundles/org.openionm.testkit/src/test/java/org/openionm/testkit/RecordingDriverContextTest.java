package org.openionm.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.stimulation.PeriodicStimulation;
import org.openionm.core.stimulation.StimulationProgram;

class RecordingDriverContextTest {

    @Test
    void keepsTracesBlocksAndGapsOfAScriptedDriver() {
        FakeDriver driver = new FakeDriver("fake").channel("CP3-Fpz", ChannelRole.SSEP_CORTICAL).channel("Erb-L",
                ChannelRole.SSEP_PERIPHERAL);
        driver.block(new float[][] { { 1, 2, 3 }, { 4, 5, 6 } }).skip(2).block(new float[][] { { 7 }, { 8 } });
        driver.configure(new AcquisitionConfig(1000, 8, false));
        assertEquals(List.of("CP3-Fpz", "Erb-L"), driver.channels().stream().map(c -> c.label()).toList(),
                "declared channels, at most as many as configured");

        RecordingDriverContext ctx = new RecordingDriverContext(1000).keepBlocks().keepTraces(1);
        driver.run(ctx);

        assertEquals(2, ctx.blocks().size());
        assertEquals(6, ctx.samplesReceived());
        assertEquals(4, ctx.samplesDelivered());
        assertEquals(List.of(new DataGap(3, 2, "the driver skipped ahead")), ctx.gaps());
        assertArrayEquals(new float[] { 4, 5, 6, Float.NaN, Float.NaN, 8 }, ctx.trace(1));
        assertThrows(IllegalArgumentException.class, () -> ctx.trace(0), "channel 0 was not kept");
        assertEquals(5_000_000, ctx.blocks().get(1).deviceTimestampNanos(), "sample 5 at 1 kHz: the device clock follows the sample clock");
    }

    @Test
    void aContiguousContextRefusesASkip() {
        FakeDriver driver = new FakeDriver("fake").blocks(1, 10, (c, i) -> 0).skip(1).blocks(1, 10, (c, i) -> 0);
        driver.configure(new AcquisitionConfig(1000, 1, false));
        AssertionError e = assertThrows(AssertionError.class, () -> driver.run(new RecordingDriverContext(1000).requireContiguous()));
        assertTrue(e.getMessage().contains("starts at sample 11, expected 10"), e.getMessage());
    }

    @Test
    void stopsWhenTheSampleOrBlockLimitIsReached() {
        FakeDriver driver = new FakeDriver("fake").blocks(100, 10, (c, i) -> i);
        driver.configure(new AcquisitionConfig(1000, 1, false));
        RecordingDriverContext bySeconds = new RecordingDriverContext(1000).stopAfterSeconds(0.25);
        driver.run(bySeconds);
        assertEquals(250, bySeconds.samplesReceived());
        RecordingDriverContext byBlocks = new RecordingDriverContext(1000).stopAfterBlocks(3);
        driver.run(byBlocks);
        assertEquals(3, byBlocks.blockCount());
    }

    @Test
    void plannedStimuliAreHandedOutOnceBeforeTheirBlockAndLateEventsAreListed() {
        FakeDriver driver = new FakeDriver("fake").firesDueStimuli().blocks(10, 100, (c, i) -> 0)
                .annotation(new Annotation(5, 0, "late", Annotation.Kind.CLINICAL));
        driver.configure(new AcquisitionConfig(1000, 1, false));
        RecordingDriverContext ctx = new RecordingDriverContext(1000).planPeriodic("median.left", 4, 20, "mA", 0.1, 0.9)
                .plan(StimulusEvent.single("extra", 50, 1, "mA", 100));
        driver.run(ctx);
        assertEquals(List.of(50L, 100L, 350L, 600L, 850L), ctx.stimuli().stream().map(StimulusEvent::sampleIndex).toList());
        assertEquals(1, ctx.lateEvents().size(), "the annotation at sample 5 came after 1000 samples were delivered");
        assertTrue(ctx.lateEvents().get(0).contains("late"));
    }

    @Test
    void aProgramIsPlannedLikeTheEngineInterleavingSitesOfOneRateAndHonouringOffsets() {
        StimulationProgram program = new StimulationProgram(List.of(PeriodicStimulation.ssep("a", 2, 20, 200),
                PeriodicStimulation.ssep("b", 2, 20, 200), PeriodicStimulation.ssep("c", 2, 20, 200).withOffsetMs(100),
                PeriodicStimulation.ramp("ramp", 1, 1, 1, 2.5), PeriodicStimulation.tcmepTrain("tcmep.C3C4", 200, 5, 4)), 50);
        RecordingDriverContext ctx = new RecordingDriverContext(1000).stopAfterSeconds(1).planProgram(program);
        List<String> due = ctx.dueStimuli(10_000).stream().map(s -> s.siteId() + "@" + s.sampleIndex() + ":" + s.intensity())
                .toList();
        assertEquals(List.of("a@0:20.0", "ramp@0:1.0", "c@100:20.0", "b@250:20.0", "a@500:20.0", "c@600:20.0", "b@750:20.0"),
                due, "a and b interleave half a period apart, c keeps its offset, the on-demand train is not planned");
        assertEquals(List.of(), ctx.dueStimuli(10_000), "each planned stimulus is handed out once");
    }

    @Test
    void aStalledDriverWaitsUntilStopped() throws Exception {
        FakeDriver driver = new FakeDriver("fake").blocks(1, 10, (c, i) -> 0).stall();
        driver.configure(new AcquisitionConfig(1000, 1, false));
        RecordingDriverContext ctx = new RecordingDriverContext(1000);
        Thread t = new Thread(() -> driver.run(ctx));
        t.start();
        assertTrue(driver.awaitStalled(10, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(t.isAlive(), "a stalled driver does not return by itself");
        t.interrupt();
        t.join(10_000);
        assertFalse(t.isAlive(), "an interrupted stall returns");
        assertEquals(1, ctx.blockCount());
    }
}
