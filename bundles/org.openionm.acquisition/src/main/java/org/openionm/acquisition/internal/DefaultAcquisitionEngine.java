package org.openionm.acquisition.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.CaseClock;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.acquisition.EngineListener;
import org.openionm.acquisition.EngineState;
import org.openionm.acquisition.EngineStatus;
import org.openionm.acquisition.SampleConsumer;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.core.driver.DriverContext;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.stimulation.PeriodicStimulation;
import org.openionm.core.stimulation.StimulationProgram;

/** The engine, free of OSGi so that it runs in plain unit tests; {@link AcquisitionEngineComponent} publishes it. */
public class DefaultAcquisitionEngine implements AcquisitionEngine {

    static final long STOP_TIMEOUT_MS = 5000;
    /** How often a live case clock looks at the wall clock: often enough for a 1 s status field. */
    static final Duration CLOCK_TICK = Duration.ofMillis(250);

    private static final System.Logger LOG = System.getLogger(DefaultAcquisitionEngine.class.getName());

    private final Map<String, AmplifierDriver> drivers = new ConcurrentHashMap<>();
    private final List<ConsumerPump> consumers = new CopyOnWriteArrayList<>();
    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
    /** One thread for listener calls, so that a listener can never stall the driver. */
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "openionm-engine-notifier");
        t.setDaemon(true);
        return t;
    });
    private final Object lifecycle = new Object();
    private final EngineCaseClock clock;
    private final AutoCloseable ticker;
    private volatile Run current;
    private volatile EngineStatus lastStatus = EngineStatus.IDLE;
    /** Set by {@link #continueCaseAtNextStart()}, taken by the next start. */
    private volatile boolean continueNext;

    public DefaultAcquisitionEngine() {
        this(System::nanoTime, TickSource.every(CLOCK_TICK));
    }

    /**
     * @param nanoTime the wall clock a live case clock runs on while no data arrive
     * @param ticks    calls the case clock's tick periodically
     */
    public DefaultAcquisitionEngine(LongSupplier nanoTime, TickSource ticks) {
        this.clock = new EngineCaseClock(nanoTime, notifier);
        this.ticker = ticks.start(clock::tick);
    }

    /** Registers a driver; a second driver with the same id is refused loudly. */
    public void addDriver(AmplifierDriver driver) {
        AmplifierDriver previous = drivers.putIfAbsent(driver.id(), driver);
        if (previous != null && previous != driver) {
            throw new IllegalArgumentException("amplifier driver id '" + driver.id() + "' is already taken by "
                    + previous.getClass().getName() + "; " + driver.getClass().getName() + " is ignored");
        }
    }

    /** Unregisters a driver; if it is running, the acquisition stops and is reported as a lost amplifier. */
    public void removeDriver(AmplifierDriver driver) {
        if (!drivers.remove(driver.id(), driver)) {
            return;
        }
        Run run = current;
        if (run != null && run.driver == driver && run.isAlive()) {
            run.lostReason = "amplifier driver '" + driver.displayName() + "' was removed";
            notifyHealth(new DriverHealth(DriverHealth.Condition.DISCONNECTED, DriverHealth.WHOLE_DEVICE, true,
                    run.nextIndex, run.lostReason));
            stop();
        }
    }

    @Override
    public List<AmplifierDriver> availableDrivers() {
        List<AmplifierDriver> list = new ArrayList<>(drivers.values());
        list.sort(Comparator.comparing(AmplifierDriver::displayName));
        return list;
    }

    @Override
    public Optional<AmplifierDriver> driver(String id) {
        return Optional.ofNullable(drivers.get(id));
    }

    @Override
    public List<Channel> start(AmplifierDriver driver, AcquisitionConfig config) {
        return start(driver, config, null);
    }

    @Override
    public List<Channel> start(AmplifierDriver driver, AcquisitionConfig config, StimulationProgram stimulation) {
        synchronized (lifecycle) {
            boolean continueCase = continueNext;
            continueNext = false; // one start only, whether it succeeds or not
            Run running = current;
            if (running != null && running.isAlive() && !running.ended) {
                throw new IllegalStateException("an acquisition with '" + running.driver.displayName()
                        + "' is running; stop it before starting another");
            }
            driver.capabilities().check(config);
            List<Channel> channels = List.copyOf(driver.configure(config));
            if (channels.isEmpty()) {
                throw new IllegalArgumentException("driver '" + driver.displayName() + "' configured no channels");
            }
            StimulationProgram program = stimulation != null ? stimulation
                    : driver.suggestedStimulation().orElse(StimulationProgram.NONE);
            Run run = new Run(driver, channels, program, !config.realTime());
            current = run;
            clock.start(channels.get(0).samplingRateHz(), config.realTime(), continueCase);
            publish(run.status(EngineState.RUNNING, "acquiring")); // before consumers hear of the start
            for (ConsumerPump pump : consumers) {
                pump.start(driver.id(), channels, !config.realTime());
            }
            run.thread.start();
            return channels;
        }
    }

    @Override
    public void continueCaseAtNextStart() {
        continueNext = true;
    }

    @Override
    public void stop() {
        Run run = current;
        if (run == null) {
            return;
        }
        run.stopRequested = true;
        run.thread.interrupt();
        if (Thread.currentThread() == run.thread) {
            return; // a driver stopping itself: its run() returns next
        }
        try {
            run.thread.join(STOP_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (run.thread.isAlive()) {
            publish(run.status(EngineState.FAILED, "amplifier driver '" + run.driver.displayName()
                    + "' did not stop within " + STOP_TIMEOUT_MS + " ms"));
        }
    }

    @Override
    public void trigger(String siteId) {
        Run run = current;
        if (run == null || !run.isAlive()) {
            throw new IllegalStateException("no acquisition is running: cannot fire '" + siteId + "'");
        }
        run.scheduler.trigger(siteId);
    }

    @Override
    public void startRamp(String siteId) {
        running("start the ramp of '" + siteId + "'").scheduler.startRamp(siteId);
    }

    @Override
    public void stopRamp(String siteId) {
        running("stop the ramp of '" + siteId + "'").scheduler.stopRamp(siteId);
    }

    @Override
    public void setIntensity(String siteId, double intensity) {
        Run run = running("change the intensity of '" + siteId + "'");
        synchronized (run) {
            PeriodicStimulation site = run.program.sites().stream().filter(p -> p.siteId().equals(siteId)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no stimulation site '" + siteId + "'; sites: "
                            + run.program.sites().stream().map(PeriodicStimulation::siteId).toList()));
            PeriodicStimulation changed = org.openionm.acquisition.StimulatorLimits.withIntensity(site, intensity,
                    run.driver.capabilities().stimulators());
            run.scheduler.setIntensity(changed);
            run.program = new StimulationProgram(run.program.sites().stream().map(p -> p == site ? changed : p).toList(),
                    run.program.mainsHz(), run.program.trainGuard());
        }
    }

    private Run running(String what) {
        Run run = current;
        if (run == null || !run.isAlive()) {
            throw new IllegalStateException("no acquisition is running: cannot " + what);
        }
        return run;
    }

    @Override
    public CaseClock caseClock() {
        return clock;
    }

    @Override
    public EngineStatus status() {
        Run run = current;
        if (run != null && run.isAlive() && lastStatus.state() == EngineState.RUNNING) {
            return run.status(EngineState.RUNNING, lastStatus.message());
        }
        return lastStatus;
    }

    @Override
    public ConsumerRegistration addConsumer(String name, SampleConsumer consumer, int queueCapacity) {
        ConsumerPump[] self = new ConsumerPump[1];
        ConsumerPump pump = new ConsumerPump(name, consumer, queueCapacity,
                missed -> onOverflow(name, missed),
                (who, error) -> notifyListeners(l -> l.consumerFailed(who, error)),
                () -> consumers.remove(self[0]));
        self[0] = pump;
        synchronized (lifecycle) {
            Run run = current;
            if (run != null && run.isAlive()) {
                pump.start(run.driver.id(), run.channels, run.replay);
            }
            consumers.add(pump);
        }
        return pump;
    }

    @Override
    public void addListener(EngineListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(EngineListener listener) {
        listeners.remove(listener);
    }

    /** Stops acquisition and the notifier; the engine is unusable afterwards. */
    public void dispose() {
        stop();
        try {
            ticker.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "case clock tick did not stop", e);
        }
        for (ConsumerPump pump : consumers) {
            pump.close();
        }
        notifier.shutdown();
        try {
            notifier.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void onOverflow(String consumer, long missed) {
        Run run = current;
        if (run != null) {
            run.missedTotal.incrementAndGet();
        }
        // Report the first miss and then every 100th, so a stuck consumer cannot flood the notifier.
        if (missed == 1 || missed % 100 == 0) {
            LOG.log(System.Logger.Level.WARNING, "consumer ''{0}'' fell behind: {1} block(s) missed", consumer, missed);
            notifyListeners(l -> l.consumerOverflow(consumer, missed));
        }
    }

    private void publish(EngineStatus status) {
        lastStatus = status;
        notifyListeners(l -> l.statusChanged(status));
    }

    private void notifyHealth(DriverHealth health) {
        for (ConsumerPump pump : consumers) {
            pump.offerHealth(health);
        }
        notifyListeners(l -> l.health(health));
    }

    private void notifyListeners(Consumer<EngineListener> call) {
        if (listeners.isEmpty() || notifier.isShutdown()) {
            return;
        }
        notifier.execute(() -> {
            for (EngineListener listener : listeners) {
                try {
                    call.accept(listener);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "engine listener " + listener + " failed", e);
                }
            }
        });
    }

    /** One acquisition: the driver thread and the sample clock it must follow. */
    private final class Run implements DriverContext {

        final AmplifierDriver driver;
        final List<Channel> channels;
        /** The running program; a changed intensity replaces it ({@link #setIntensity}). */
        volatile StimulationProgram program;
        final StimulusScheduler scheduler;
        /** Not paced to the wall clock: consumers apply back-pressure instead of missing data. */
        final boolean replay;
        final Thread thread;
        final long startNanos = System.nanoTime();
        final AtomicLong missedTotal = new AtomicLong();
        volatile boolean stopRequested;
        volatile long nextIndex;
        volatile String lostReason;

        Run(AmplifierDriver driver, List<Channel> channels, StimulationProgram program, boolean replay) {
            this.replay = replay;
            this.driver = driver;
            this.channels = channels;
            this.program = program;
            this.scheduler = new StimulusScheduler(program, channels.get(0).samplingRateHz());
            this.thread = new Thread(this::runDriver, "openionm-driver-" + driver.id());
            this.thread.setDaemon(true);
            this.thread.setPriority(Thread.MAX_PRIORITY);
        }

        /**
         * Set just before the run publishes its end: from then on its thread only returns, so a new
         * acquisition may start (a caller that saw STOPPED was refused for a few microseconds before).
         */
        volatile boolean ended;

        boolean isAlive() {
            return thread.isAlive();
        }

        EngineStatus status(EngineState state, String message) {
            return new EngineStatus(state, driver.id(), driver.displayName(), channels, nextIndex, startNanos, message,
                    missedTotal.get(), program, program.warnings());
        }

        private void runDriver() {
            EngineState endState = EngineState.STOPPED;
            String reason;
            try {
                driver.run(this);
                reason = lostReason != null ? lostReason : stopRequested ? "stopped by user" : "end of stream";
            } catch (InterruptedException e) {
                reason = lostReason != null ? lostReason : "stopped by user";
            } catch (Throwable t) { // isolate any driver failure from the rest of the workbench
                if (stopRequested && lostReason == null && t.getCause() instanceof InterruptedException) {
                    reason = "stopped by user";
                } else {
                    endState = EngineState.FAILED;
                    reason = "amplifier '" + driver.displayName() + "' failed: " + t;
                    LOG.log(System.Logger.Level.ERROR, reason, t);
                    notifyHealth(new DriverHealth(DriverHealth.Condition.DISCONNECTED, DriverHealth.WHOLE_DEVICE,
                            true, nextIndex, reason));
                }
            }
            if (lostReason != null) {
                endState = EngineState.FAILED;
            }
            for (ConsumerPump pump : consumers) {
                pump.stop(reason);
            }
            ended = true;
            publish(status(endState, reason));
        }

        @Override
        public void block(SampleBlock block) {
            if (block.channelCount() != channels.size()) {
                throw new IllegalArgumentException("driver '" + driver.id() + "' delivered " + block.channelCount()
                        + " channels but configured " + channels.size());
            }
            long expected = nextIndex;
            if (block.firstSampleIndex() < expected) {
                throw new IllegalStateException("driver '" + driver.id() + "' went back in time: block starts at sample "
                        + block.firstSampleIndex() + " but " + expected + " was expected");
            }
            if (block.firstSampleIndex() > expected) {
                DataGap gap = new DataGap(expected, block.firstSampleIndex() - expected,
                        "amplifier '" + driver.displayName() + "' skipped samples");
                for (ConsumerPump pump : consumers) {
                    pump.offerGap(gap);
                }
            }
            // A recording played live (a driver with a transport) can wait like a replay: at 2x, 5x or
            // as fast as possible every block reaches every consumer instead of being missed (issue 16)
            boolean wait = replay || driver.playback().isPresent();
            for (ConsumerPump pump : consumers) {
                pump.offerBlock(block, wait);
            }
            nextIndex = block.endSampleIndex();
            clock.samples(nextIndex);
        }

        @Override
        public void stimulus(StimulusEvent event) {
            for (ConsumerPump pump : consumers) {
                pump.offerStimulus(event);
            }
        }

        @Override
        public void annotation(Annotation annotation) {
            for (ConsumerPump pump : consumers) {
                pump.offerAnnotation(annotation);
            }
        }

        @Override
        public List<StimulusEvent> dueStimuli(long endSampleIndex) {
            return scheduler.due(endSampleIndex);
        }

        @Override
        public void health(DriverHealth health) {
            notifyHealth(health);
        }

        @Override
        public boolean isStopRequested() {
            return stopRequested;
        }
    }
}
