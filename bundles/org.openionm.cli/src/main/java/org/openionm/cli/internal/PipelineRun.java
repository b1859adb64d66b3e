package org.openionm.cli.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.acquisition.EngineState;
import org.openionm.acquisition.EngineStatus;
import org.openionm.acquisition.SampleConsumer;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.core.stimulation.StimulationProgram;
import org.openionm.processing.ProcessorHost;
import org.openionm.processing.ResultListener;

/**
 * One headless run of the whole pipeline as installed — simulated amplifier → engine (replay, with
 * back-pressure) → processor host with every modality processor → alarm manager — until the
 * processors have seen the end of the scenario. Counts what the processors produced, keeps the
 * simulator's ground-truth annotations, and measures wall time and the CPU time of the processing
 * thread (host + processors + alarm manager) and of the driver thread (simulator).
 */
final class PipelineRun {

    /** The processor host's consumer thread (ProcessorHostComponent registers it under this name). */
    static final String HOST_THREAD = "openionm-consumer-modality processors";

    final Map<String, AtomicLong> measurements = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> averages = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> conditions = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> stimuli = new ConcurrentHashMap<>();
    final List<Measurement> kept = Collections.synchronizedList(new ArrayList<>());
    final List<Annotation> truth = Collections.synchronizedList(new ArrayList<>());
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    List<Channel> channels = List.of();
    StimulationProgram program = StimulationProgram.NONE;
    List<String> warnings = List.of();
    double wallSeconds;
    double hostCpuSeconds = Double.NaN;
    double driverCpuSeconds = Double.NaN;
    long samples;
    long missedBlocks;
    double rate;

    private final CountDownLatch ended = new CountDownLatch(1);
    private final boolean keepMeasurements;

    private PipelineRun(boolean keepMeasurements) {
        this.keepMeasurements = keepMeasurements;
    }

    long count(Map<String, AtomicLong> map, String key) {
        AtomicLong v = map.get(key);
        return v == null ? 0 : v.get();
    }

    /**
     * @param baselineAt case time to capture baselines at, NaN for none
     */
    static PipelineRun run(AcquisitionEngine engine, ProcessorHost host, String scenario, long seed, double rate,
            int channelCount, double baselineAt, boolean keepMeasurements, long timeoutSeconds) throws Exception {
        PipelineRun run = new PipelineRun(keepMeasurements);
        run.rate = rate;
        ResultListener results = run.new Results();
        host.addListener(results);
        ConsumerRegistration observer = engine.addConsumer("bench observer", run.new Observer(), 4096);
        try {
            if (!Double.isNaN(baselineAt)) {
                host.captureBaselineAt(baselineAt);
            }
            Thread hostThread = Services.thread(HOST_THREAD);
            double hostCpu0 = Services.cpuSeconds(hostThread);
            long start = System.nanoTime();
            run.channels = engine.start(Services.driver(engine, "simulator"),
                    new AcquisitionConfig(rate, channelCount, false, Map.of("scenario", scenario, "seed", Long.toString(seed))));
            run.program = engine.status().stimulation();
            run.warnings = engine.status().warnings();
            Thread driverThread = Services.thread("openionm-driver-simulator");
            long deadline = start + timeoutSeconds * 1_000_000_000L;
            while (!run.ended.await(50, TimeUnit.MILLISECONDS)) {
                double cpu = Services.cpuSeconds(driverThread); // NaN once the thread has ended: keep the last value
                if (!Double.isNaN(cpu)) {
                    run.driverCpuSeconds = cpu;
                }
                if (System.nanoTime() > deadline) {
                    engine.stop();
                    throw new IllegalStateException("the pipeline did not finish within " + timeoutSeconds + " s");
                }
            }
            run.wallSeconds = (System.nanoTime() - start) / 1e9;
            run.hostCpuSeconds = Services.cpuSeconds(hostThread) - hostCpu0;
            EngineStatus status = engine.status();
            while (status.state() == EngineState.RUNNING) {
                Thread.sleep(10);
                status = engine.status();
            }
            if (status.state() == EngineState.FAILED) {
                throw new IllegalStateException("the simulator failed: " + status.message());
            }
            run.samples = status.samplesReceived();
            run.missedBlocks = status.missedBlocksTotal();
            return run;
        } finally {
            observer.close();
            host.removeListener(results);
        }
    }

    private static void inc(Map<String, AtomicLong> map, String key) {
        map.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    /** What the processors publish, on the processing thread. */
    private final class Results implements ResultListener {
        @Override
        public void measurement(Measurement m) {
            inc(measurements, m.modality());
            if (keepMeasurements) {
                kept.add(m);
            }
        }

        @Override
        public void average(AverageTrace a) {
            inc(averages, a.modality());
        }

        @Override
        public void alarm(AlarmCondition c) {
            inc(conditions, c.modality() + (c.active() ? " on" : " off"));
        }

        @Override
        public void processorFailed(String processorId, Throwable error) {
            failures.add(processorId + ": " + error);
        }

        @Override
        public void acquisitionEnded(String reason) {
            ended.countDown();
        }
    }

    /** Stimuli and ground truth as the engine delivers them (a consumer of its own; blocks are ignored). */
    private final class Observer implements SampleConsumer {
        @Override
        public void onStart(String driverId, List<Channel> channels) {
        }

        @Override
        public void onBlock(SampleBlock block) {
        }

        @Override
        public void onStimulus(StimulusEvent event) {
            // by what the program declared: trains are the TcMEP trains, averaged stimuli the SSEP ones
            inc(stimuli, switch (event.kind()) {
                case TRAIN -> "tcmep";
                case AVERAGED -> "ssep";
                default -> "other";
            });
        }

        @Override
        public void onAnnotation(Annotation annotation) {
            if (annotation.kind() == Annotation.Kind.GROUND_TRUTH) {
                truth.add(annotation);
            }
        }
    }
}
