package org.openionm.modality.emg.freerun.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.AcquisitionEngines;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.acquisition.EngineState;
import org.openionm.alarm.AlarmManagers;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.processing.DetectedEvent;
import org.openionm.core.processing.Measurement;
import org.openionm.driver.simulator.internal.SimulatedAmplifier;
import org.openionm.processing.ProcessorHost;
import org.openionm.processing.ProcessorHosts;
import org.openionm.processing.ResultListener;
import org.openionm.processing.internal.DefaultProcessorHost;

/**
 * Issue 16, item 1, free-run EMG, through the real engine and host: run, stop, continue the case. The
 * same scenario and seed each time, so each acquisition finds the same trains: after continuing, a
 * muscle's train time is what it had plus the new acquisition's trains only (the minutes between the
 * acquisitions are no train time); a fresh start counts from 0 again.
 */
class FreeRunContinueCaseTest {

    static final double RATE = 5000;
    static final double RUN_SECONDS = 20;
    static final String YAML = """
            name: continue-test
            durationSeconds: 20
            mainsHz: 50
            events:
              - {at: 4, type: a-train, channel: Facial-2, durationSeconds: 3, frequencyHz: 120, amplitudeUv: 150}
              - {at: 12, type: a-train, channel: Facial-1, durationSeconds: 1.5, frequencyHz: 90, amplitudeUv: 110}
              - {at: 15, type: a-train, channel: Facial-2, durationSeconds: 1, frequencyHz: 160, amplitudeUv: 180}
            """;

    @TempDir
    Path dir;

    @Test
    void continuingAddsOnlyTheNewTrainsToEachMusclesTrainTimeAFreshStartCountsFromZero() throws Exception {
        Path scenario = Files.writeString(dir.resolve("continue.yaml"), YAML);
        AcquisitionConfig config = new AcquisitionConfig(RATE, SimRun.CHANNELS, false,
                Map.of("scenario", scenario.toString(), "seed", "7"));
        FreeRunProcessor emg = new FreeRunProcessor();
        ProcessorHost host = ProcessorHosts.create(AlarmManagers.create(), List.of(emg));
        Heard heard = new Heard();
        host.addListener(heard);
        AcquisitionEngine engine = AcquisitionEngines.create();
        ((DefaultProcessorHost) host).setCaseClock(engine.caseClock()); // as the workbench's host component wires it
        try (ConsumerRegistration processing = ProcessorHosts.connect(host, engine, 100_000)) {
            runToEnd(engine, config, heard);
            double f1 = emg.trainTimeSeconds("Facial-1");
            double f2 = emg.trainTimeSeconds("Facial-2");
            // the simulator's ground truth: 1.5 s on Facial-1, 3 + 1 s on Facial-2 (detection within 10 %)
            assertEquals(1.5, f1, 0.15, "Facial-1 train time of the first acquisition");
            assertEquals(4.0, f2, 0.4, "Facial-2 train time of the first acquisition");
            assertEquals(0, emg.trainTimeSeconds("Vastus-L"), "no train on Vastus-L");
            assertEquals(f2, sum(heard.trains("Facial-2")), 1 / RATE, "train time is the sum of the trains reported");
            heard.clear();

            engine.continueCaseAtNextStart();
            runToEnd(engine, config, heard);
            double resumedAt = engine.caseClock().acquisitionStart();
            assertTrue(resumedAt >= RUN_SECONDS, "the case clock went on: " + resumedAt);
            double newF1 = sum(heard.trains("Facial-1"));
            double newF2 = sum(heard.trains("Facial-2"));
            assertEquals(1.5, newF1, 0.15, "the second acquisition's own Facial-1 trains");
            assertEquals(4.0, newF2, 0.4, "the second acquisition's own Facial-2 trains");
            assertEquals(f1 + newF1, emg.trainTimeSeconds("Facial-1"), 1e-9, "before + the new trains only");
            assertEquals(f2 + newF2, emg.trainTimeSeconds("Facial-2"), 1e-9, "before + the new trains only");
            assertEquals(0, emg.trainTimeSeconds("Vastus-L"));
            Measurement first = heard.trainTime("Facial-2").get(0);
            assertTrue(first.timeSeconds() >= resumedAt && first.timeSeconds() <= resumedAt + 0.1,
                    "published on the continued clock after the first block: " + first.timeSeconds() + ", resumed at " + resumedAt);
            assertEquals(f2, first.value(), 1e-9, "the counter goes on from where it was, not from 0");
            List<Measurement> published = heard.trainTime("Facial-2");
            assertEquals(f2 + newF2, published.get(published.size() - 1).value(), 1e-9, "the last value published");
            for (DetectedEvent e : heard.events) {
                assertTrue(e.timeSeconds() >= resumedAt, "found after the gap, on the case clock: " + e);
            }
            heard.clear();

            runToEnd(engine, config, heard); // fresh: no continue asked
            assertEquals(0, heard.trainTime("Facial-2").get(0).value(), "a fresh start counts from 0");
            assertEquals(sum(heard.trains("Facial-1")), emg.trainTimeSeconds("Facial-1"), 1e-9, "only this acquisition's trains");
            assertEquals(sum(heard.trains("Facial-2")), emg.trainTimeSeconds("Facial-2"), 1e-9, "only this acquisition's trains");
            assertEquals(4.0, emg.trainTimeSeconds("Facial-2"), 0.4);
        } finally {
            AcquisitionEngines.dispose(engine);
        }
    }

    private static double sum(List<DetectedEvent> trains) {
        return trains.stream().mapToDouble(DetectedEvent::durationSeconds).sum();
    }

    private static void runToEnd(AcquisitionEngine engine, AcquisitionConfig config, Heard heard) throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        heard.ended = ended;
        engine.start(new SimulatedAmplifier(), config);
        assertTrue(ended.await(5, TimeUnit.MINUTES), "the replay ended");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (engine.status().state() == EngineState.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(1); // the host can hear the end before the driver thread handed the engine back
        }
        assertFalse(engine.status().state() == EngineState.RUNNING, "the engine is free again");
    }

    private static final class Heard implements ResultListener {
        final List<Measurement> measurements = new CopyOnWriteArrayList<>();
        final List<DetectedEvent> events = new CopyOnWriteArrayList<>();
        volatile CountDownLatch ended;

        void clear() {
            measurements.clear();
            events.clear();
        }

        List<DetectedEvent> trains(String channel) {
            return events.stream().filter(e -> e.channel().equals(channel) && e.kind().equals(FreeRunProcessor.KIND_ATRAIN)).toList();
        }

        List<Measurement> trainTime(String channel) {
            List<Measurement> list = measurements.stream()
                    .filter(m -> m.channel().equals(channel) && m.component().equals("trainTime")).toList();
            assertFalse(list.isEmpty(), "no train time published for " + channel);
            return list;
        }

        @Override
        public void measurement(Measurement m) {
            measurements.add(m);
        }

        @Override
        public void event(DetectedEvent e) {
            events.add(e);
        }

        @Override
        public void acquisitionEnded(String reason) {
            ended.countDown();
        }
    }
}
