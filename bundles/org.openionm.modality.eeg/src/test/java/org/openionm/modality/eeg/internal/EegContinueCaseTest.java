package org.openionm.modality.eeg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.TrendPoint;
import org.openionm.driver.simulator.internal.SimulatedAmplifier;
import org.openionm.processing.ProcessorHost;
import org.openionm.processing.ProcessorHosts;
import org.openionm.processing.ResultListener;
import org.openionm.processing.internal.DefaultProcessorHost;

/**
 * Issue 16, item 1, EEG, through the real engine and host: a baseline captured in one acquisition
 * still judges the next one when it continues the case. The first acquisition is stable EEG with the
 * baseline at 100 s; the second clamps the left carotid 30 s in (the simulator's alpha-change step):
 * continued, the left derivations alarm against the kept baseline within persistence plus one epoch,
 * the right ones never; no epoch lies in the gap. A fresh start with the same clamp has no baseline
 * and raises no ischaemia alarm.
 */
class EegContinueCaseTest {

    private static final List<String> LEFT = List.of("C3-Cz", "F3-Cz", "P3-Cz", "O1-Cz");
    private static final List<String> RIGHT = List.of("C4-Cz", "F4-Cz", "P4-Cz", "O2-Cz");
    private static final double SECONDS = 120;
    private static final double CLAMP_AT = 30;

    @TempDir
    Path dir;

    @Test
    void continuingJudgesTheNewAcquisitionAgainstTheKeptBaselineAFreshStartForgetsIt() throws Exception {
        Path stable = Files.writeString(dir.resolve("stable.yaml"), """
                durationSeconds: 120
                events:
                  - {at: 1, type: note, text: stable}
                """);
        Path clamp = Files.writeString(dir.resolve("clamp.yaml"), """
                durationSeconds: 120
                events:
                  - {at: 30, type: note, text: clamp on (left ICA)}
                  - {at: 30, type: alpha-change, hemisphere: left, amplitudePercent: -80, deltaMicrovolts: 40, fastPercent: -75}
                """);
        EegProcessor eeg = new EegProcessor();
        ProcessorHost host = ProcessorHosts.create(AlarmManagers.create(), List.of(eeg));
        Heard heard = new Heard();
        host.addListener(heard);
        AcquisitionEngine engine = AcquisitionEngines.create();
        ((DefaultProcessorHost) host).setCaseClock(engine.caseClock()); // as the workbench's host component wires it
        try (ConsumerRegistration processing = ProcessorHosts.connect(host, engine, 100_000)) {
            host.captureBaselineAt(100);
            runToEnd(engine, stable, heard);
            EpochFeatures kept = eeg.baseline("C3-Cz");
            assertNotNull(kept, "baseline captured at 100 s");
            assertEquals(List.of(), heard.alarms, "stable EEG raises nothing");
            double firstEnd = engine.caseClock().now();
            heard.clear();

            engine.continueCaseAtNextStart();
            runToEnd(engine, clamp, heard);
            double resumedAt = engine.caseClock().acquisitionStart();
            assertTrue(resumedAt >= firstEnd, "the case clock went on: " + resumedAt + " after " + firstEnd);
            assertSame(kept, eeg.baseline("C3-Cz"), "the same baseline after continuing");
            EegSettings s = EegSettings.defaults();
            for (String left : LEFT) {
                AlarmCondition a = heard.alarms.stream().filter(c -> c.channel().equals(left) && c.active()).findFirst()
                        .orElseThrow(() -> new AssertionError("no alarm on " + left + " against the kept baseline: " + heard.alarms));
                double clampAt = resumedAt + CLAMP_AT;
                assertTrue(a.timeSeconds() > clampAt && a.timeSeconds() <= clampAt + s.persistenceSeconds() + s.epochSeconds(),
                        left + " alarmed at " + a.timeSeconds() + ", clamp at " + clampAt);
                assertTrue(a.baseline().startsWith("baseline 100 s of an earlier acquisition of the case (median of 15 epochs)"),
                        a.baseline());
            }
            for (String right : RIGHT) {
                assertTrue(heard.alarms.stream().noneMatch(c -> c.channel().equals(right)), "no alarm on " + right);
            }
            List<TrendPoint> sef = heard.trends.stream().filter(p -> p.series().equals("C3-Cz/SEF95")).toList();
            assertFalse(sef.isEmpty());
            assertEquals(resumedAt + s.epochSeconds(), sef.get(0).timeSeconds(), 0.01,
                    "the first epoch after the gap ends one epoch after the resume: nothing measured across the gap");
            heard.clear();

            runToEnd(engine, clamp, heard); // fresh: no continue asked
            assertNull(eeg.baseline("C3-Cz"), "a fresh start forgets the baseline");
            assertEquals(List.of(), heard.alarms, "no baseline, no ischaemia alarm");
        } finally {
            AcquisitionEngines.dispose(engine);
        }
    }

    private static void runToEnd(AcquisitionEngine engine, Path scenario, Heard heard) throws Exception {
        AcquisitionConfig config = new AcquisitionConfig(SimulatorFeed.RATE, SimulatorFeed.CHANNELS, false,
                Map.of("scenario", scenario.toString(), "seed", "3"));
        CountDownLatch ended = new CountDownLatch(1);
        heard.ended = ended;
        engine.start(new SimulatedAmplifier(), config);
        assertTrue(ended.await(5, TimeUnit.MINUTES), "the replay ended");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (engine.status().state() == EngineState.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(1); // the host can hear the end before the driver thread handed the engine back
        }
        assertFalse(engine.status().state() == EngineState.RUNNING, "the engine is free again");
        assertEquals(SECONDS, engine.caseClock().now() - engine.caseClock().acquisitionStart(), 0.01, "the whole scenario ran");
    }

    private static final class Heard implements ResultListener {
        final List<AlarmCondition> alarms = new CopyOnWriteArrayList<>();
        final List<TrendPoint> trends = new CopyOnWriteArrayList<>();
        volatile CountDownLatch ended;

        void clear() {
            alarms.clear();
            trends.clear();
        }

        @Override
        public void alarm(AlarmCondition condition) {
            alarms.add(condition);
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
