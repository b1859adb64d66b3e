package org.openionm.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.AcquisitionEngines;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.acquisition.EngineState;
import org.openionm.alarm.AlarmManager;
import org.openionm.alarm.AlarmManagers;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.core.processing.ModalityProcessor;
import org.openionm.core.stimulation.StimulationProgram;
import org.openionm.processing.ProcessorHost;
import org.openionm.processing.ProcessorHosts;

/**
 * Runs a driver through the real acquisition engine, processor host and alarm manager, headless and
 * as fast as the data can be processed (replay: a full queue makes the driver wait, so nothing is
 * lost), and returns what came out: {@link ReplayResult}. The driver can be any
 * {@link AmplifierDriver}: the simulator (in OSGi the {@code AmplifierDriver} service with id
 * {@code "simulator"}; inside the simulator's own tests a new instance), the EDF playback driver
 * configured with {@code file=<path>}, or a {@link FakeDriver}.
 *
 * <pre>{@code
 * ReplayResult r = Replay.of(driver, new AcquisitionConfig(5000, 8, false, Map.of("scenario", "stable-baseline")))
 *         .processors(new MyProcessor())
 *         .baselineAt(20)
 *         .run();
 * assertEquals(List.of(), r.processorFailures().keySet());
 * }</pre>
 *
 * Each {@code run} makes a new engine, host and alarm manager, so runs are independent.
 *
 * @since 0.2.0
 */
public final class Replay {

    /** Blocks that may wait for a consumer; in replay the driver then waits, so this only bounds memory. */
    static final int QUEUE_BLOCKS = 1000;

    private final AmplifierDriver driver;
    private final AcquisitionConfig config;
    private final List<ModalityProcessor> processors = new ArrayList<>();
    private final Map<String, Map<String, ?>> settings = new LinkedHashMap<>();
    private StimulationProgram stimulation;
    private double baselineAt = Double.NaN;
    private Duration timeout = Duration.ofMinutes(10);

    private Replay(AmplifierDriver driver, AcquisitionConfig config) {
        this.driver = driver;
        this.config = config;
    }

    /**
     * A replay of {@code driver} with {@code config}.
     *
     * @throws IllegalArgumentException when {@code config} asks for real time: a replay runs as fast as it can
     * @since 0.2.0
     */
    public static Replay of(AmplifierDriver driver, AcquisitionConfig config) {
        if (config.realTime()) {
            throw new IllegalArgumentException("a replay runs as fast as possible: AcquisitionConfig.realTime must be false");
        }
        return new Replay(driver, config);
    }

    /**
     * Processors to run, each with its declared defaults unless {@link #settings} overrides them.
     *
     * @since 0.2.0
     */
    public Replay processors(ModalityProcessor... added) {
        processors.addAll(List.of(added));
        return this;
    }

    /**
     * Overrides of one processor's settings, validated by the host as in the workbench.
     *
     * @since 0.2.0
     */
    public Replay settings(String processorId, Map<String, ?> overrides) {
        settings.put(processorId, Map.copyOf(overrides));
        return this;
    }

    /**
     * The stimulation the engine's scheduler runs; by default what the driver suggests (a
     * simulator scenario's sites), or none.
     *
     * @since 0.2.0
     */
    public Replay stimulation(StimulationProgram program) {
        this.stimulation = program;
        return this;
    }

    /**
     * Captures every processor's baseline when the data reach {@code caseTimeSeconds}.
     *
     * @since 0.2.0
     */
    public Replay baselineAt(double caseTimeSeconds) {
        this.baselineAt = caseTimeSeconds;
        return this;
    }

    /**
     * How long {@link #run} waits for the replay to end (10 minutes by default).
     *
     * @since 0.2.0
     */
    public Replay timeout(Duration value) {
        this.timeout = value;
        return this;
    }

    /**
     * Runs the driver to its end of stream (or failure) and returns what the processors, the alarm
     * manager and the engine reported.
     *
     * @throws IllegalArgumentException when the driver or a processor refuses its configuration
     * @throws TimeoutException         when the replay did not end within the timeout (it is stopped)
     * @since 0.2.0
     */
    public ReplayResult run() throws InterruptedException, TimeoutException {
        AlarmManager alarms = AlarmManagers.create();
        ProcessorHost host = ProcessorHosts.create(alarms, processors);
        settings.forEach(host::configure);
        ReplayResult.Collector collector = new ReplayResult.Collector();
        host.addListener(collector);
        AcquisitionEngine engine = AcquisitionEngines.create();
        try (ConsumerRegistration processing = ProcessorHosts.connect(host, engine, QUEUE_BLOCKS);
                ConsumerRegistration recording = engine.addConsumer("replay recorder", collector, QUEUE_BLOCKS)) {
            if (!Double.isNaN(baselineAt)) {
                host.captureBaselineAt(baselineAt);
            }
            if (stimulation == null) {
                engine.start(driver, config);
            } else {
                engine.start(driver, config, stimulation);
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            if (!collector.awaitEnd(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                engine.stop();
                throw new TimeoutException("the replay of '" + driver.displayName() + "' did not end within " + timeout);
            }
            // the consumers can hear the end before the driver thread has handed the engine back
            while (engine.status().state() == EngineState.RUNNING) {
                if (System.nanoTime() > deadline) {
                    engine.stop();
                    throw new TimeoutException("the engine still ran '" + driver.displayName() + "' " + timeout + " after it started");
                }
                Thread.sleep(1);
            }
            return collector.result(engine.status(), alarms.log(), alarms.snapshot());
        } finally {
            host.removeListener(collector);
            AcquisitionEngines.dispose(engine);
        }
    }
}
