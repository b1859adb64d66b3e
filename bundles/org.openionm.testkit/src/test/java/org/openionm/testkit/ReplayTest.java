package org.openionm.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.acquisition.EngineState;
import org.openionm.alarm.AlarmKey;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmState;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.stimulation.PeriodicStimulation;
import org.openionm.core.stimulation.StimulationProgram;

class ReplayTest {

    static final double RATE = 1000;
    static final AcquisitionConfig CONFIG = new AcquisitionConfig(RATE, 2, false);

    @Test
    void everySampleAndEveryScheduledStimulusReachesTheProcessor() throws Exception {
        // 5 Hz on a 1 kHz clock: stimuli at samples 0, 200, …, 4800 of the 5000 played
        StimulationProgram program = new StimulationProgram(List.of(PeriodicStimulation.ssep("median.left", 5, 20, 200)), 50);
        FakeDriver driver = new FakeDriver("fake").firesDueStimuli().blocks(100, 50, (c, i) -> c * 1000 + i % 100);
        CountingProcessor counting = new CountingProcessor();

        ReplayResult r = Replay.of(driver, CONFIG).stimulation(program).processors(counting).run();

        assertEquals(5000, counting.samples);
        assertEquals(5000, r.samplesDelivered());
        assertEquals(5000, r.endSample());
        assertEquals(5.0, r.seconds());
        assertEquals(25, r.stimuli().size());
        for (int k = 0; k < 25; k++) {
            assertEquals(200L * k, r.stimuli().get(k).sampleIndex());
        }
        assertEquals(r.stimuli(), counting.stimuli, "the processor saw what consumers saw, in order");
        assertEquals(List.of(), r.gaps());
        assertEquals(5000, r.results().lastMeasurement("ch0", "samples").amplitudeUv(), "published at stop");
        assertEquals(EngineState.STOPPED, r.engineStatus().state());
        assertEquals(Map.of(), r.processorFailures());
        assertEquals(List.of(), r.alarmLog());
    }

    @Test
    void aConditionRaisedByAProcessorIsAnAlarmAndIsLoggedRaisedAndCleared() throws Exception {
        // channel 0 is 0 µV except 1000 µV on samples [1500, 1700): above the 500 µV threshold
        FakeDriver driver = new FakeDriver("fake").blocks(60, 50, (c, i) -> c == 0 && i >= 1500 && i < 1700 ? 1000 : 0);

        ReplayResult r = Replay.of(driver, CONFIG).processors(new CountingProcessor()).run();

        List<AlarmCondition> conditions = r.alarmConditions();
        assertEquals(2, conditions.size(), conditions.toString());
        assertEquals(1.5, r.results().firstRaised("counting", "site", "ch0"));
        AlarmKey key = new AlarmKey("counting", "site", "ch0", "above threshold");
        List<AlarmLogEntry> log = r.alarmLog();
        assertEquals(List.of(AlarmLogEntry.Event.RAISED, AlarmLogEntry.Event.CLEARED), log.stream().map(AlarmLogEntry::event).toList());
        assertEquals(key, log.get(0).key());
        assertEquals(1.5, log.get(0).timeSeconds());
        assertEquals(1.7, log.get(1).timeSeconds());
        assertEquals(AlarmCondition.Priority.HIGH, log.get(0).priority());
        assertEquals(1, r.alarms().alarms().size(), "nobody acknowledged: the cleared alarm stays latched");
        assertEquals(AlarmState.CLEARED_UNACKNOWLEDGED, r.alarms().alarms().get(0).state());
    }

    @Test
    void settingsOverridesReachTheProcessorAndAreValidatedByTheHost() throws Exception {
        FakeDriver driver = new FakeDriver("fake").blocks(10, 50, (c, i) -> 100);
        ReplayResult r = Replay.of(driver, CONFIG).processors(new CountingProcessor())
                .settings("counting", Map.of(CountingProcessor.THRESHOLD, 50.0)).run();
        assertEquals(1, r.results().raised().size(), "100 µV is above the overridden 50 µV");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Replay.of(driver, CONFIG)
                .processors(new CountingProcessor()).settings("counting", Map.of(CountingProcessor.THRESHOLD, -1.0)).run());
        assertTrue(e.getMessage().contains("Alarm threshold"), e.getMessage());
    }

    @Test
    void theBaselineIsCapturedAtTheRequestedCaseTime() throws Exception {
        CountingProcessor counting = new CountingProcessor();
        ReplayResult r = Replay.of(new FakeDriver("fake").blocks(100, 50, (c, i) -> 0), CONFIG).processors(counting)
                .baselineAt(2.0).run();
        assertEquals(List.of(2.0), counting.baselineTimes, "the block starting at sample 2000 reaches 2 s");
        assertEquals(1, r.results().baselines().size());
        assertEquals(2.0, r.results().baselines().get(0).timeSeconds());
    }

    @Test
    void skippedSamplesAreAGapForTheProcessorAndTheResult() throws Exception {
        CountingProcessor counting = new CountingProcessor();
        FakeDriver driver = new FakeDriver("fake").blocks(4, 50, (c, i) -> 0).skip(30).blocks(2, 50, (c, i) -> 0);
        ReplayResult r = Replay.of(driver, CONFIG).processors(counting).run();
        assertEquals(300, r.samplesDelivered());
        assertEquals(330, r.endSample());
        assertEquals(1, r.gaps().size());
        assertEquals(200, r.gaps().get(0).firstMissingSampleIndex());
        assertEquals(30, r.gaps().get(0).sampleCount());
        assertEquals(List.of(200L), counting.gaps.stream().map(DataGap::firstMissingSampleIndex).toList());
    }

    @Test
    void amplifierHealthBecomesATechnicalAlarmAndEventsArriveInOrder() throws Exception {
        DriverHealth off = new DriverHealth(DriverHealth.Condition.LEAD_OFF, 1, true, 100, "impedance");
        StimulusEvent stim = StimulusEvent.single("median.left", 120, 20, "mA", 200);
        FakeDriver driver = new FakeDriver("fake").blocks(2, 50, (c, i) -> 0).health(off).stimulus(stim).blocks(2, 50,
                (c, i) -> 0);
        ReplayResult r = Replay.of(driver, CONFIG).processors(new CountingProcessor()).run();
        assertEquals(List.of(off), r.health());
        assertEquals(List.of(stim), r.stimuli());
        assertEquals(List.of(stim), r.stimuli("median.left"));
        List<AlarmLogEntry> raised = r.alarmLog(AlarmLogEntry.Event.RAISED);
        assertEquals(1, raised.size());
        assertEquals(AlarmKey.TECHNICAL, raised.get(0).key().modality());
        assertEquals("ch1", raised.get(0).key().channel());
        assertEquals(AlarmCondition.Priority.MEDIUM, raised.get(0).priority());
        assertEquals(0.1, raised.get(0).timeSeconds());
    }

    @Test
    void aFailingDriverEndsTheReplayAsFailedWithItsMessage() throws Exception {
        FakeDriver driver = new FakeDriver("fake").blocks(3, 50, (c, i) -> 0).fail("USB transfer failed (simulated)");
        CountingProcessor counting = new CountingProcessor();
        ReplayResult r = Replay.of(driver, CONFIG).processors(counting).run();
        assertEquals(EngineState.FAILED, r.engineStatus().state());
        assertTrue(r.engineStatus().message().contains("USB transfer failed (simulated)"), r.engineStatus().message());
        assertEquals(150, counting.samples, "what came before the failure was processed");
    }

    @Test
    void aProcessorThatThrowsIsReportedAndTheOthersGoOn() throws Exception {
        CountingProcessor counting = new CountingProcessor();
        CountingProcessor failing = new CountingProcessor() {
            @Override
            public String id() {
                return "failing";
            }

            @Override
            public void onBlock(org.openionm.core.model.SampleBlock block) {
                throw new IllegalStateException("bug in the plugin");
            }
        };
        ReplayResult r = Replay.of(new FakeDriver("fake").blocks(4, 50, (c, i) -> 0), CONFIG).processors(counting, failing).run();
        assertEquals(List.of("failing"), List.copyOf(r.processorFailures().keySet()));
        assertEquals("bug in the plugin", r.processorFailures().get("failing").getMessage());
        assertEquals(200, counting.samples);
        assertEquals("modality processing stopped", r.alarmLog(AlarmLogEntry.Event.RAISED).get(0).key().criterion());
    }

    @Test
    void aReplayRefusesRealTime() {
        assertThrows(IllegalArgumentException.class,
                () -> Replay.of(new FakeDriver("fake"), new AcquisitionConfig(RATE, 1, true)));
    }
}
