package org.openionm.processing.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.openionm.acquisition.CaseClock;
import org.openionm.acquisition.CaseTimeListener;
import org.openionm.acquisition.SampleConsumer;
import org.openionm.alarm.AlarmManager;
import org.openionm.core.model.Channel;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.ModalityProcessor;
import org.openionm.core.processing.ProcessorContext;
import org.openionm.core.processing.ProcessorOutput;
import org.openionm.core.processing.Provenance;
import org.openionm.core.processing.SettingDescriptor;
import org.openionm.core.processing.TrendPoint;
import org.openionm.core.stimulation.StimulatorControl;
import org.openionm.processing.ProcessorHost;
import org.openionm.processing.ResultListener;

/**
 * Feeds one acquisition to every registered processor on the host's consumer thread, sends their
 * alarm conditions and the amplifier's technical conditions to the alarm manager, and isolates a
 * processor that throws (it leaves this acquisition, the others go on). It is also the one place
 * that drives the alarm manager's clock: every move of the engine's {@link CaseClock} is passed on
 * ({@link AlarmManager#advanceTo}), so an audio pause expires with no new condition. Plain Java, so
 * it runs in unit tests; {@link ProcessorHostComponent} wires it to OSGi.
 *
 * <p>Threads: processors and {@link ResultListener}s are called by one thread at a time, never by
 * a caller of {@link ProcessorHost}: during an acquisition the consumer thread, which also runs
 * the calls the UI queued ({@link #moveMarker}) between the data; otherwise the host's own
 * processing thread. {@link #processing} makes the hand-over between the two exclusive.
 */
public class DefaultProcessorHost implements ProcessorHost, SampleConsumer {

    private static final System.Logger LOG = System.getLogger(DefaultProcessorHost.class.getName());
    /** How long a caller waits for a queued call (a marker move) before it is told the processing is stuck. */
    static final long CALL_TIMEOUT_MS = 2000;

    private final Map<String, ModalityProcessor> processors = new ConcurrentHashMap<>();
    /** Validated overrides by processor, each value in its kind's type. */
    private final Map<String, Map<String, Object>> overrides = new ConcurrentHashMap<>();
    /** Saved text of processors not installed since the restore: read by their descriptors once they are. */
    private final Map<String, Map<String, String>> restored = new ConcurrentHashMap<>();
    /** The site's defaults as text by processor ({@link org.openionm.processing.SiteDefaults}). */
    private volatile Map<String, Map<String, String>> siteDefaults = Map.of();
    private volatile SettingsStore store = all -> { };
    private final List<ResultListener> listeners = new CopyOnWriteArrayList<>();
    private volatile AlarmManager alarms;
    /** Processors of the current acquisition; touched only by the consumer thread. */
    private final List<ModalityProcessor> running = new ArrayList<>();
    private List<Channel> channels = List.of();
    private double caseTime;
    /**
     * Case time of this acquisition's sample 0 (0 unless it continues the case): processors time
     * their results by their acquisition's samples, the host adds it to everything they publish.
     */
    private volatile double origin;
    private volatile CaseClock clock;
    private volatile StimulatorControl stimulator = StimulatorControl.NONE;
    private final CaseTimeListener clockToAlarms = new CaseTimeListener() {
        @Override
        public void caseTimeAdvanced(double t) {
            AlarmManager manager = alarms;
            if (manager != null) {
                manager.advanceTo(t);
            }
        }

        @Override
        public void caseTimeRestarted(double t) {
            AlarmManager manager = alarms;
            if (manager != null) {
                manager.restartCaseTime(t);
            }
        }
    };
    /** Held by whichever thread calls processors and listeners: the consumer's or {@link #idleThread}. */
    private final ReentrantLock processing = new ReentrantLock();
    /** Calls from other threads, run by the consumer thread between data items while an acquisition runs. */
    private final ConcurrentLinkedQueue<FutureTask<?>> queued = new ConcurrentLinkedQueue<>();
    private volatile boolean acquiring;
    /** Runs queued calls while no acquisition feeds the consumer thread (a stopped replay's last average). */
    private final ExecutorService idleThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "openionm-processing-idle");
        t.setDaemon(true);
        return t;
    });
    /** Case time at which to capture baselines, NaN when none is pending. */
    private volatile double baselineAt = Double.NaN;

    /** Adds a processor; a second processor with the same id is refused loudly. */
    public void addProcessor(ModalityProcessor processor) {
        ModalityProcessor previous = processors.putIfAbsent(processor.id(), processor);
        if (previous != null && previous != processor) {
            throw new IllegalArgumentException("modality processor id '" + processor.id() + "' is already taken by "
                    + previous.getClass().getName() + "; " + processor.getClass().getName() + " is ignored");
        }
        adoptRestored(processor);
    }

    /**
     * Settings saved by an earlier run, as text by processor: each processor gets them when it is (or
     * once it is) installed, read by its descriptors ({@link SettingDescriptor#parse}, which also reads
     * what 0.1.0 saved as numbers); what it no longer accepts is dropped with a warning, its default used.
     */
    public void restore(Map<String, Map<String, String>> saved) {
        saved.forEach((id, values) -> restored.put(id, Map.copyOf(values)));
        processors.values().forEach(this::adoptRestored);
    }

    /**
     * A site's defaults (text by processor): they replace the declared defaults of the settings they
     * name, with "site configuration" as the source. A value a processor does not accept is reported
     * and its declared default kept.
     */
    public void setSiteDefaults(Map<String, Map<String, String>> defaults) {
        Map<String, Map<String, String>> copy = new HashMap<>();
        defaults.forEach((id, values) -> copy.put(id, Map.copyOf(values)));
        siteDefaults = Map.copyOf(copy);
    }

    /** The processor's settings with the site's defaults in place of the declared ones. */
    private List<SettingDescriptor> descriptors(ModalityProcessor processor) {
        Map<String, String> site = siteDefaults.getOrDefault(processor.id(), Map.of());
        if (site.isEmpty()) {
            return processor.settings();
        }
        List<SettingDescriptor> result = new ArrayList<>();
        for (SettingDescriptor d : processor.settings()) {
            String text = site.get(d.key());
            if (text != null) {
                try {
                    d = d.withDefault(d.parse(text), "site configuration (declared default "
                            + SettingDescriptor.format(d.defaultValue()) + ": " + d.provenance() + ")");
                } catch (IllegalArgumentException e) {
                    LOG.log(System.Logger.Level.WARNING, "site default not used, the declared default applies: "
                            + processor.id() + "." + d.key() + ": " + e.getMessage());
                }
            }
            result.add(d);
        }
        return result;
    }

    /** Where every accepted {@link #configure} goes to outlive the process; it may throw {@link IOException}. */
    public void setSettingsStore(SettingsStore store) {
        this.store = store;
    }

    /** Saves all overrides as text ({@link SettingDescriptor#format(Object)}), e.g. to a file. */
    @FunctionalInterface
    public interface SettingsStore {
        void save(Map<String, Map<String, String>> overrides) throws IOException;
    }

    /**
     * Checks what a processor that is (re-)installed starts with: the restored text, read by its
     * descriptors, or the overrides an earlier installation of it was given (a new version may declare
     * other settings). What it refuses is dropped with a warning.
     */
    private void adoptRestored(ModalityProcessor processor) {
        Map<String, String> text = restored.remove(processor.id());
        Map<String, ?> saved = text != null ? text : overrides.get(processor.id());
        if (saved == null) {
            return;
        }
        Map<String, SettingDescriptor> declared = declared(processor);
        Map<String, Object> kept = new HashMap<>();
        saved.forEach((key, value) -> {
            SettingDescriptor d = declared.get(key);
            try {
                if (d == null) {
                    throw new IllegalArgumentException(processor.id() + " has no setting '" + key + "' any more");
                }
                kept.put(key, value instanceof String t && text != null ? d.parse(t) : d.validate(value));
            } catch (IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "saved setting not used, the default applies: " + e.getMessage());
            }
        });
        overrides.put(processor.id(), Map.copyOf(kept));
    }

    private Map<String, SettingDescriptor> declared(ModalityProcessor processor) {
        Map<String, SettingDescriptor> declared = new HashMap<>();
        descriptors(processor).forEach(d -> declared.put(d.key(), d));
        return declared;
    }

    public void removeProcessor(ModalityProcessor processor) {
        processors.remove(processor.id(), processor);
    }

    /**
     * The engine's case clock: case time for results and technical alarms, and the alarm manager's
     * clock (each move is passed on, live and replay alike).
     */
    public synchronized void setCaseClock(CaseClock caseClock) {
        if (clock != null) {
            clock.removeListener(clockToAlarms);
        }
        clock = caseClock;
        if (caseClock != null) {
            caseClock.addListener(clockToAlarms);
        }
    }

    /** Stops the host's own thread; the host must not be used afterwards. */
    public void dispose() {
        setCaseClock(null);
        idleThread.shutdownNow();
    }

    public synchronized void setAlarmManager(AlarmManager manager) {
        this.alarms = manager;
    }

    /** Forgets {@code manager} if it is the one in use (a newer one may have been bound meanwhile). */
    public synchronized void clearAlarmManager(AlarmManager manager) {
        if (alarms == manager) {
            alarms = null;
        }
    }

    @Override
    public List<String> processorIds() {
        return List.copyOf(new TreeMap<>(processors).keySet());
    }

    @Override
    public String displayName(String processorId) {
        return installed(processorId).displayName();
    }

    @Override
    public List<SettingDescriptor> settings(String processorId) {
        return List.copyOf(descriptors(installed(processorId)));
    }

    @Override
    public Map<String, Object> effectiveSettings(String processorId) {
        return Collections.unmodifiableMap(effective(installed(processorId)));
    }

    @Override
    public Map<String, Object> overrides(String processorId) {
        installed(processorId);
        return new TreeMap<>(overrides.getOrDefault(processorId, Map.of()));
    }

    @Override
    public void configure(String processorId, Map<String, ?> values) {
        Map<String, SettingDescriptor> declared = declared(installed(processorId));
        Map<String, Object> valid = new HashMap<>();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            SettingDescriptor descriptor = declared.get(e.getKey());
            if (descriptor == null) {
                throw new IllegalArgumentException(processorId + " has no setting '" + e.getKey() + "'");
            }
            valid.put(e.getKey(), descriptor.validate(e.getValue())); // canonical: a 500 given as int is 500.0
        }
        Map<String, Object> previous = overrides.put(processorId, Map.copyOf(valid));
        announceSettings(processorId, previous == null ? Map.of() : previous, Map.copyOf(valid));
        try {
            store.save(asText());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("applies for this session, but could not be saved for the next one: " + e, e);
        }
    }

    /** Tells listeners on the processing thread (their one thread), without making the caller wait. */
    private void announceSettings(String processorId, Map<String, Object> previous, Map<String, Object> current) {
        if (previous.equals(current) || listeners.isEmpty()) {
            return;
        }
        queued.add(new FutureTask<>(() -> listeners.forEach(l -> l.settingsChanged(processorId, previous, current)), null));
        if (!acquiring) {
            idleThread.execute(this::runQueued);
        }
    }

    /** Runs on the processing thread (see the class comment); the caller waits at most {@link #CALL_TIMEOUT_MS}. */
    @Override
    public Measurement moveMarker(String processorId, String site, String channel, String component, double latencyMs) {
        ModalityProcessor processor = installed(processorId);
        Measurement moved = onProcessingThread(() -> processor.moveMarker(site, channel, component, latencyMs),
                "moving the " + component + " marker of " + processorId);
        return moved == null ? null : CaseTimeShift.of(moved, origin);
    }

    @Override
    public List<org.openionm.core.processing.BaselineCandidate> baselineCandidates(String processorId, String site,
            String channel) {
        ModalityProcessor processor = installed(processorId);
        return onProcessingThread(() -> {
            double shift = origin;
            return processor.baselineCandidates(site, channel).stream().map(c -> c.shifted(shift)).toList();
        }, "listing the averages of " + processorId + " " + site + " " + channel);
    }

    @Override
    public void captureBaseline(String processorId, org.openionm.core.processing.BaselineChoice choice) {
        ModalityProcessor processor = installed(processorId);
        onProcessingThread(() -> {
            double shift = origin; // the processor's own time base (see origin)
            processor.captureBaseline(caseTime - shift, choice.shifted(-shift));
            return null;
        }, "capturing the " + processorId + " baseline of " + choice.site() + " " + choice.channel());
    }

    /**
     * Runs {@code call} where processors are called and waits for its result; its exceptions reach
     * the caller unwrapped. A call that cannot run in time is cancelled, so it never acts after the
     * caller was told it failed.
     */
    private <T> T onProcessingThread(Callable<T> call, String what) {
        if (processing.isHeldByCurrentThread()) {
            try {
                return call.call(); // a listener calling back: already on the processing thread
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(what + " failed: " + e, e);
            }
        }
        FutureTask<T> task = new FutureTask<>(call);
        queued.add(task);
        // Queue first, then look: the consumer clears `acquiring` before its last drain, so a task is
        // either seen by that drain or handed to the idle thread here.
        if (!acquiring) {
            idleThread.execute(this::runQueued);
        }
        try {
            return task.get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(false);
            throw new IllegalStateException(what + ": the processing did not take it within " + CALL_TIMEOUT_MS
                    + " ms (no data arriving, or processing far behind); try again", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            task.cancel(false);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        } catch (CancellationException e) {
            throw new IllegalStateException(what + " was cancelled", e);
        }
    }

    /** Runs what other threads queued, holding {@link #processing}. */
    private void runQueued() {
        if (queued.isEmpty()) {
            return;
        }
        processing.lock();
        try {
            FutureTask<?> task;
            while ((task = queued.poll()) != null) {
                task.run(); // a cancelled task does nothing
            }
        } finally {
            processing.unlock();
        }
    }

    /** Every consumer callback runs under {@link #processing}, after the calls queued before it. */
    private void processing(Runnable consumerCall) {
        processing.lock();
        try {
            runQueued();
            consumerCall.run();
        } finally {
            processing.unlock();
        }
    }

    private ModalityProcessor installed(String processorId) {
        ModalityProcessor processor = processors.get(processorId);
        if (processor == null) {
            throw new IllegalArgumentException("no modality processor '" + processorId + "' is installed");
        }
        return processor;
    }

    @Override
    public void addListener(ResultListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ResultListener listener) {
        listeners.remove(listener);
    }

    /** Every override as text, with the restored text of processors not installed yet. */
    private Map<String, Map<String, String>> asText() {
        Map<String, Map<String, String>> all = new TreeMap<>(restored);
        overrides.forEach((id, values) -> {
            Map<String, String> text = new TreeMap<>();
            values.forEach((key, value) -> text.put(key, SettingDescriptor.format(value)));
            all.put(id, text);
        });
        return all;
    }

    /** Declared defaults (or the site's) with the user's overrides applied. */
    private Map<String, Object> effective(ModalityProcessor processor) {
        Map<String, Object> settings = new TreeMap<>();
        descriptors(processor).forEach(d -> settings.put(d.key(), d.defaultValue()));
        settings.putAll(overrides.getOrDefault(processor.id(), Map.of()));
        return settings;
    }

    @Override
    public void onStart(String driverId, List<Channel> acquisitionChannels) {
        acquiring = true;
        processing(() -> start(acquisitionChannels));
    }

    private void start(List<Channel> acquisitionChannels) {
        stopRunning();
        channels = List.copyOf(acquisitionChannels);
        CaseClock c = clock;
        double gap = c == null ? Double.NaN : c.resumedAfterSeconds();
        boolean continues = !Double.isNaN(gap);
        origin = continues ? c.acquisitionStart() : 0;
        caseTime = origin;
        if (continues) {
            double at = origin;
            listeners.forEach(l -> l.acquisitionContinued(at, gap));
        } else {
            listeners.forEach(ResultListener::acquisitionStarted);
        }
        for (ModalityProcessor processor : new TreeMap<>(processors).values()) {
            ProcessorContext context = new Context(channels, effective(processor), new Output(), producer(processor),
                    stimulator, continues);
            try {
                processor.start(context);
                running.add(processor);
            } catch (RuntimeException e) {
                failed(processor, e);
            }
        }
    }

    @Override
    public void captureBaselineAt(double caseTimeSeconds) {
        baselineAt = caseTimeSeconds;
    }

    @Override
    public void onBlock(SampleBlock block) {
        processing(() -> block(block));
    }

    private void block(SampleBlock block) {
        if (channels.isEmpty()) {
            return;
        }
        caseTime = timeOf(block.firstSampleIndex());
        double due = baselineAt;
        if (!Double.isNaN(due) && caseTime >= due) {
            baselineAt = Double.NaN;
            double now = caseTime - origin; // the processor's own time base (see origin)
            each(p -> p.captureBaseline(now));
        }
        each(p -> p.onBlock(block));
    }

    @Override
    public void onStimulus(StimulusEvent event) {
        processing(() -> each(p -> p.onStimulus(event)));
    }

    @Override
    public void onGap(DataGap gap) {
        processing(() -> each(p -> p.onGap(gap)));
    }

    @Override
    public void onHealth(DriverHealth health) {
        processing(() -> health(health));
    }

    private void health(DriverHealth health) {
        each(p -> p.onHealth(health));
        AlarmManager manager = alarms;
        if (manager == null || channels.isEmpty()) {
            return;
        }
        String label = health.channel() >= 0 && health.channel() < channels.size() ? channels.get(health.channel()).label() : "";
        manager.onHealth(health, timeOf(health.sampleIndex()), label);
    }

    @Override
    public void onStop(String reason) {
        processing(() -> {
            stopRunning();
            // before the listeners hear the end: a call made once they have heard it goes to the idle thread
            acquiring = false;
            listeners.forEach(l -> l.acquisitionEnded(reason));
        });
        runQueued(); // what was queued during the last item: from now on the idle thread takes calls
    }

    /** Case time of a sample: the engine's clock when wired, else the data's own rate (plain unit tests). */
    private double timeOf(long sampleIndex) {
        CaseClock c = clock;
        return c != null ? c.timeOf(sampleIndex) : sampleIndex / channels.get(0).samplingRateHz();
    }

    private void stopRunning() {
        for (ModalityProcessor processor : running) {
            try {
                processor.stop();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "modality processor '" + processor.id() + "' failed to stop", e);
            }
        }
        running.clear();
    }

    private void each(Consumer<ModalityProcessor> call) {
        for (int i = 0; i < running.size(); i++) {
            ModalityProcessor processor = running.get(i);
            try {
                call.accept(processor);
            } catch (RuntimeException e) {
                running.remove(i--);
                failed(processor, e);
            }
        }
    }

    private void failed(ModalityProcessor processor, RuntimeException error) {
        LOG.log(System.Logger.Level.ERROR, "modality processor '" + processor.id() + "' failed and was stopped", error);
        AlarmManager manager = alarms;
        if (manager != null) { // a modality that silently stops monitoring is itself an alarm condition
            manager.onCondition(new AlarmCondition(caseTime, "technical", processor.id(), "",
                    "modality processing stopped", AlarmCondition.Priority.MEDIUM, true, String.valueOf(error.getMessage()),
                    "", new Provenance("processor host", Map.of("processor", processor.id()))));
        }
        for (ResultListener listener : listeners) {
            listener.processorFailed(processor.id(), error);
        }
    }

    private record Context(List<Channel> channels, Map<String, Object> settings, ProcessorOutput output, String producer,
            StimulatorControl stimulator, boolean continuesCase) implements ProcessorContext {
    }

    /** The stimulator processors may ask for a stimulus or to stop a ramp; {@link StimulatorControl#NONE} until wired. */
    public void setStimulator(StimulatorControl stimulator) {
        this.stimulator = stimulator == null ? StimulatorControl.NONE : stimulator;
    }

    /** The processor's id and the version of the bundle that installed it; plain Java (tests) has none. */
    static String producer(ModalityProcessor processor) {
        org.osgi.framework.Bundle bundle = org.osgi.framework.FrameworkUtil.getBundle(processor.getClass());
        return processor.id() + " " + (bundle == null ? "(not from an OSGi bundle)" : bundle.getVersion());
    }

    /** Fans results out; alarm conditions also go to the alarm manager. */
    private final class Output implements ProcessorOutput {

        @Override
        public void measurement(Measurement result) {
            Measurement measurement = CaseTimeShift.of(result, origin);
            listeners.forEach(l -> l.measurement(measurement));
        }

        @Override
        public void average(AverageTrace result) {
            AverageTrace average = CaseTimeShift.of(result, origin);
            listeners.forEach(l -> l.average(average));
        }

        @Override
        public void baseline(AverageTrace result) {
            AverageTrace baseline = CaseTimeShift.of(result, origin);
            listeners.forEach(l -> l.baseline(baseline));
        }

        @Override
        public void partialAverage(AverageTrace result) {
            AverageTrace average = CaseTimeShift.of(result, origin);
            listeners.forEach(l -> l.partialAverage(average));
        }

        @Override
        public void trend(TrendPoint result) {
            TrendPoint point = CaseTimeShift.of(result, origin);
            listeners.forEach(l -> l.trend(point));
        }

        @Override
        public void event(org.openionm.core.processing.DetectedEvent result) {
            org.openionm.core.processing.DetectedEvent event = CaseTimeShift.of(result, origin);
            listeners.forEach(l -> l.event(event));
        }

        @Override
        public void alarm(AlarmCondition result) {
            AlarmCondition condition = CaseTimeShift.of(result, origin);
            AlarmManager manager = alarms;
            if (manager != null) {
                manager.onCondition(condition);
            }
            listeners.forEach(l -> l.alarm(condition));
        }
    }
}
