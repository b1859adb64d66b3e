package org.openionm.modality.ssep.internal;

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
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmManager;
import org.openionm.alarm.AlarmManagers;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.processing.TrendPoint;
import org.openionm.driver.simulator.internal.SimulatedAmplifier;
import org.openionm.processing.ProcessorHost;
import org.openionm.processing.ProcessorHosts;
import org.openionm.processing.ResultListener;
import org.openionm.processing.internal.DefaultProcessorHost;

/**
 * Issue 16, item 1, headless: run, stop, continue the case. The same simulator scenario and seed
 * twice, so the second run's averages complete at the same sample indices as the first's: each of
 * its trend points must lie exactly where the case resumed plus the first run's time of that point.
 */
class SsepContinueCaseTest {

    private static final double RUN_SECONDS = 200;

    @TempDir
    Path dir;

    @Test
    void continuingKeepsTheBaselinesAndRunsTheCaseClockOnAFreshStartForgetsThem() throws Exception {
        Path scenario = Files.writeString(dir.resolve("stable.yaml"), SimulatedChanges.scenario(RUN_SECONDS, Map.of()));
        AcquisitionConfig config = new AcquisitionConfig(5000, 8, false,
                Map.of("scenario", scenario.toString(), "seed", "5"));
        SsepProcessor ssep = new SsepProcessor();
        AlarmManager alarms = AlarmManagers.create();
        ProcessorHost host = ProcessorHosts.create(alarms, List.of(ssep));
        Heard heard = new Heard();
        host.addListener(heard);
        AcquisitionEngine engine = AcquisitionEngines.create();
        ((DefaultProcessorHost) host).setCaseClock(engine.caseClock()); // as the workbench's host component wires it
        try (ConsumerRegistration processing = ProcessorHosts.connect(host, engine, 100_000)) {
            host.captureBaselineAt(SimulatedChanges.BASELINE_AT);
            runToEnd(engine, config, heard);
            List<Baseline> first = ssep.baselines();
            assertFalse(first.isEmpty(), "baselines captured at " + SimulatedChanges.BASELINE_AT + " s");
            List<TrendPoint> firstTrends = List.copyOf(heard.trends);
            double firstEnd = engine.caseClock().now();
            assertEquals(RUN_SECONDS, firstEnd, 0.01, "a replay's clock ends with its data");
            heard.trends.clear();

            long stoppedAt = System.nanoTime();
            engine.continueCaseAtNextStart();
            runToEnd(engine, config, heard);
            double wallBetween = (System.nanoTime() - stoppedAt) / 1e9;

            double resumedAt = engine.caseClock().acquisitionStart();
            double gap = engine.caseClock().resumedAfterSeconds();
            assertEquals(resumedAt, firstEnd + gap, 1e-9);
            assertTrue(gap >= 0 && gap <= wallBetween, "the gap is wall-clock time between the runs: " + gap);
            assertEquals(List.of("started", "continued at " + resumedAt + " after " + gap), heard.starts);
            assertEquals(first, ssep.baselines(), "the same baselines, value for value, after continuing");
            assertEquals(resumedAt + RUN_SECONDS, engine.caseClock().now(), 0.01, "case time ran on past the first run");

            assertFalse(heard.trends.isEmpty());
            for (TrendPoint p : heard.trends) {
                assertTrue(p.timeSeconds() >= resumedAt, "after the gap: " + p);
            }
            TrendPoint after = heard.trends.get(0);
            TrendPoint before = firstTrends.stream().filter(p -> p.series().equals(after.series())).findFirst().orElseThrow();
            assertEquals(resumedAt + before.timeSeconds(), after.timeSeconds(), 1e-9,
                    "same sample of the same scenario, on the continued clock: " + before + " / " + after);

            assertEquals(List.of(), alarms.log().stream().filter(e -> e.event() == AlarmLogEntry.Event.RAISED).toList(),
                    "a stable case raises nothing, the restart included");

            runToEnd(engine, config, heard); // fresh: no continue asked
            assertEquals(List.of(), ssep.baselines(), "a fresh start forgets the baselines");
            assertEquals(RUN_SECONDS, engine.caseClock().now(), 0.01, "and restarts the case clock at 0");
            assertEquals("started", heard.starts.get(2));
        } finally {
            AcquisitionEngines.dispose(engine);
        }
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
        final List<TrendPoint> trends = new CopyOnWriteArrayList<>();
        final List<String> starts = new CopyOnWriteArrayList<>();
        volatile CountDownLatch ended;

        @Override
        public void acquisitionStarted() {
            starts.add("started");
        }

        @Override
        public void acquisitionContinued(double resumedAtSeconds, double gapSeconds) {
            starts.add("continued at " + resumedAtSeconds + " after " + gapSeconds);
        }

        @Override
        public void trend(TrendPoint point) {
            trends.add(point);
        }

        @Override
        public void acquisitionEnded(String reason) {
            ended.countDown();
        }
    }
}
