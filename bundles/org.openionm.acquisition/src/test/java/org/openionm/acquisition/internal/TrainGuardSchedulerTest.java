package org.openionm.acquisition.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.stimulation.PeriodicStimulation;
import org.openionm.core.stimulation.StimulationKind;
import org.openionm.core.stimulation.StimulationProgram;
import org.openionm.core.stimulation.TrainGuard;

/** SSEP stimulation pauses around TcMEP trains: skipped inside the guard, untouched outside it. */
class TrainGuardSchedulerTest {

    /** 5 Hz at 1 kHz sampling: a stimulus every 200 samples (= ms) from 0. */
    private static final PeriodicStimulation TIBIAL = PeriodicStimulation.ssep("tibial.left", 5, 40, 300);

    private static PeriodicStimulation trainEvery2sAt(double offsetMs) {
        return new PeriodicStimulation("tcmep.C4C3", StimulationKind.TRAIN, 0.5, 350, "V", 50, 5, 3, 0, 0, offsetMs);
    }

    private static List<Long> samplesOf(List<StimulusEvent> events, String site) {
        return events.stream().filter(e -> e.siteId().equals(site)).map(StimulusEvent::sampleIndex).toList();
    }

    private static List<Long> everyFifth(long until, long... except) {
        return LongStream.iterate(0, s -> s < until, s -> s + 200).filter(s -> LongStream.of(except).noneMatch(x -> x == s))
                .boxed().toList();
    }

    @Test
    void aPeriodicTrainSkipsTheSsepStimuliInItsGuardAndNoOthers() {
        // trains at 1100, 3100, … 9100 ms; default guard [train − 100, train + 100) = [1000, 1200) holds
        // the stimulus at 1000 (lower bound included) but not the one at 1200 (upper bound excluded)
        StimulusScheduler scheduler = new StimulusScheduler(
                new StimulationProgram(List.of(TIBIAL, trainEvery2sAt(1100)), 50), 1000);
        List<StimulusEvent> events = StimulusSchedulerTest.collect(scheduler, 10_000, 50);
        assertEquals(List.of(1100L, 3100L, 5100L, 7100L, 9100L), samplesOf(events, "tcmep.C4C3"));
        // 50 planned (0 … 9800), 5 skipped, the other 45 at their planned samples
        assertEquals(everyFifth(10_000, 1000, 3000, 5000, 7000, 9000), samplesOf(events, "tibial.left"));
        assertEquals(5, scheduler.skipped());
    }

    @Test
    void theGuardIsSetInTheProgram() {
        // 300 ms before, 150 ms after: [800, 1250) holds 800, 1000 and 1200 of every train
        StimulusScheduler wide = new StimulusScheduler(new StimulationProgram(List.of(TIBIAL, trainEvery2sAt(1100)), 50,
                new TrainGuard(300, 150)), 1000);
        List<StimulusEvent> events = StimulusSchedulerTest.collect(wide, 10_000, 50);
        assertEquals(everyFifth(10_000, 800, 1000, 1200, 2800, 3000, 3200, 4800, 5000, 5200, 6800, 7000, 7200, 8800, 9000,
                9200), samplesOf(events, "tibial.left"));
        assertEquals(15, wide.skipped());

        StimulusScheduler off = new StimulusScheduler(new StimulationProgram(List.of(TIBIAL, trainEvery2sAt(1100)), 50,
                TrainGuard.OFF), 1000);
        assertEquals(everyFifth(10_000), samplesOf(StimulusSchedulerTest.collect(off, 10_000, 50), "tibial.left"));
        assertEquals(0, off.skipped());
    }

    @Test
    void aTriggeredTrainWaitsUntilTheLastSsepStimulusIsOutsideItsGuard() {
        StimulusScheduler scheduler = new StimulusScheduler(new StimulationProgram(List.of(TIBIAL,
                PeriodicStimulation.tcmepTrain("tcmep.C3C4", 350, 5, 3)), 50), 1000);
        assertEquals(everyFifth(1050), samplesOf(scheduler.due(1050), "tibial.left"), "0 … 1000");
        scheduler.trigger("tcmep.C3C4");
        // the stimulus at 1000 was handed out: the train waits until 1000 < train − 100, i.e. 1101
        assertTrue(scheduler.due(1100).isEmpty());
        List<StimulusEvent> next = scheduler.due(1300);
        assertEquals(List.of(1101L), samplesOf(next, "tcmep.C3C4"));
        assertEquals(List.of(), samplesOf(next, "tibial.left"), "1200 < 1101 + 100: skipped");
        assertEquals(List.of(1400L), samplesOf(scheduler.due(1500), "tibial.left"));
        assertEquals(1, scheduler.skipped());

        // 150 ms after the last stimulus the train fires at the next block at once, and skips 1600
        scheduler.due(1550);
        scheduler.trigger("tcmep.C3C4");
        List<StimulusEvent> later = scheduler.due(1700);
        assertEquals(List.of(1550L), samplesOf(later, "tcmep.C3C4"));
        assertEquals(List.of(), samplesOf(later, "tibial.left"));
        assertEquals(List.of(1800L), samplesOf(scheduler.due(1900), "tibial.left"));
        assertEquals(2, scheduler.skipped());
    }

    @Test
    void rampsAreNotPaused() {
        StimulusScheduler scheduler = new StimulusScheduler(new StimulationProgram(List.of(
                PeriodicStimulation.ramp("screw.L4.left", 5, 1, 1, 100), trainEvery2sAt(1100)), 50), 1000);
        List<Long> ramp = samplesOf(StimulusSchedulerTest.collect(scheduler, 2000, 50), "screw.L4.left");
        assertEquals(everyFifth(2000), ramp);
        assertEquals(0, scheduler.skipped());
    }

    /** A train is what the program declares: a site named anything but tcmep.* is guarded when declared a train. */
    @Test
    void aDeclaredTrainIsGuardedWhateverItsId() {
        PeriodicStimulation train = new PeriodicStimulation("transcranial.left", StimulationKind.TRAIN, 0.5, 350, "V", 50, 5,
                3, 0, 0, 1100);
        StimulusScheduler scheduler = new StimulusScheduler(new StimulationProgram(List.of(TIBIAL, train), 50), 1000);
        List<StimulusEvent> events = StimulusSchedulerTest.collect(scheduler, 10_000, 50);
        assertEquals(List.of(1100L, 3100L, 5100L, 7100L, 9100L), samplesOf(events, "transcranial.left"));
        assertEquals(everyFifth(10_000, 1000, 3000, 5000, 7000, 9000), samplesOf(events, "tibial.left"));
        assertEquals(5, scheduler.skipped());
        assertTrue(events.stream().filter(e -> e.siteId().equals("transcranial.left"))
                .allMatch(e -> e.kind() == StimulationKind.TRAIN), "delivered stimuli carry the declared kind");

        // triggered: it waits for the SSEP stimulus at 1000 to be clear of its guard, as a tcmep.* train does
        StimulusScheduler triggered = new StimulusScheduler(new StimulationProgram(List.of(TIBIAL, new PeriodicStimulation(
                "D-wave", StimulationKind.TRAIN, 0, 350, "V", 50, 5, 3, 0, 0)), 50), 1000);
        triggered.due(1050);
        triggered.trigger("D-wave");
        List<StimulusEvent> next = triggered.due(1300);
        assertEquals(List.of(1101L), samplesOf(next, "D-wave"));
        assertEquals(List.of(), samplesOf(next, "tibial.left"), "1200 skipped");
        assertEquals(1, triggered.skipped());
    }

    /** No id prefix is read: a tcmep.*-named site declared averaged pauses nothing (and is itself paused by a train). */
    @Test
    void aTcmepNamedSiteDeclaredAveragedIsNoTrain() {
        PeriodicStimulation averaged = new PeriodicStimulation("tcmep.C4C3", StimulationKind.AVERAGED, 0.5, 100, "V", 50, 1, 0,
                0, 0, 1100);
        StimulusScheduler scheduler = new StimulusScheduler(new StimulationProgram(List.of(TIBIAL, averaged), 50), 1000);
        List<StimulusEvent> events = StimulusSchedulerTest.collect(scheduler, 10_000, 50);
        assertEquals(everyFifth(10_000), samplesOf(events, "tibial.left"), "nothing skipped");
        assertEquals(List.of(1100L, 3100L, 5100L, 7100L, 9100L), samplesOf(events, "tcmep.C4C3"));
        assertEquals(0, scheduler.skipped());
        assertTrue(events.stream().allMatch(e -> e.kind() == StimulationKind.AVERAGED));

        // beside a declared train it is an averaged site like any other: 1100 lies in the guard [1050, 1250) of 1150
        PeriodicStimulation train = new PeriodicStimulation("x", StimulationKind.TRAIN, 0.5, 350, "V", 50, 5, 3, 0, 0, 1150);
        StimulusScheduler withTrain = new StimulusScheduler(new StimulationProgram(List.of(averaged, train), 50), 1000);
        assertEquals(List.of(), samplesOf(StimulusSchedulerTest.collect(withTrain, 10_000, 50), "tcmep.C4C3"),
                "every stimulus 50 ms before a train: all skipped");
        assertEquals(5, withTrain.skipped());
    }

    /**
     * The bundled spinal-cord-ischemia program for 20 min at 10 kHz: the skipped stimuli are exactly
     * the planned ones (enumerated here from the offsets and the 3.17 Hz period) that fall within
     * 100 ms before to 100 ms after a train; every other one is delivered at its planned sample.
     */
    @Test
    void scenarioProgramSkipsExactlyThePlannedStimuliWithinTheGuards() {
        double fs = 10_000;
        double[] offsetsMs = {0, 52, 105, 210};
        String[] sites = {"median.left", "median.right", "tibial.left", "tibial.right"};
        List<PeriodicStimulation> program = new ArrayList<>();
        for (int i = 0; i < sites.length; i++) {
            program.add(PeriodicStimulation.ssep(sites[i], 3.17, 30, 200).withOffsetMs(offsetsMs[i]));
        }
        program.add(new PeriodicStimulation("tcmep.C3C4", StimulationKind.TRAIN, 1.0 / 30, 350, "V", 50, 5, 3, 0, 0));
        program.add(new PeriodicStimulation("tcmep.C4C3", StimulationKind.TRAIN, 1.0 / 30, 350, "V", 50, 5, 3, 0, 0));
        long end = (long) (1200 * fs);
        StimulusScheduler scheduler = new StimulusScheduler(new StimulationProgram(program, 50), fs);
        List<StimulusEvent> events = StimulusSchedulerTest.collect(scheduler, end, 250);

        // the two 30 s sites interleave: a train every 15 s from 0
        List<Long> trains = LongStream.iterate(0, t -> t < end, t -> t + 150_000).boxed().toList();
        assertEquals(trains, events.stream().filter(e -> e.siteId().startsWith("tcmep.")).map(StimulusEvent::sampleIndex).toList());
        long planned = 0;
        long inGuards = 0;
        for (int i = 0; i < sites.length; i++) {
            List<Long> expected = new ArrayList<>();
            for (long n = 0;; n++) {
                long s = Math.round(offsetsMs[i] * fs / 1000 + n * fs / 3.17);
                if (s >= end) {
                    break;
                }
                planned++;
                if (trains.stream().anyMatch(t -> s >= t - 1000 && s < t + 1000)) {
                    inGuards++;
                } else {
                    expected.add(s);
                }
            }
            assertEquals(expected, samplesOf(events, sites[i]), sites[i]);
        }
        assertEquals(4 * 3804, planned, "1200 s × 3.17 Hz per site");
        assertEquals(inGuards, scheduler.skipped());
        // 80 trains × 4 sites × 200 ms × 3.17 Hz ≈ 203 expected by rate alone
        assertTrue(inGuards > 150 && inGuards < 260, inGuards + " skipped");
        System.out.printf("scenario program: %d of %d SSEP stimuli skipped around %d trains%n", inGuards, planned, trains.size());
    }
}
