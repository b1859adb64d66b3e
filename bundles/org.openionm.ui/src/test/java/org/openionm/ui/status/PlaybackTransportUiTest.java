package org.openionm.ui.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.core.driver.DriverCapabilities;
import org.openionm.core.driver.DriverContext;
import org.openionm.core.driver.PlaybackControl;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Issue 16, item 9: the status bar's transport on the real engine with a driver that plays a
 * "recording": hidden for an amplifier, shown with file name, position and duration for a playback;
 * Pause, the speed choice and a seek ahead reach the driver's transport.
 */
class PlaybackTransportUiTest {

    /** A transport that records what it was asked. */
    static final class Transport implements PlaybackControl {
        final List<String> calls = new ArrayList<>();
        volatile boolean paused;
        volatile double speed = 1;

        @Override public String sourceName() { return "case-0417.bdf"; }
        @Override public double positionSeconds() { return 305.5; }
        @Override public double durationSeconds() { return 1200; }
        @Override public boolean isPaused() { return paused; }
        @Override public void pause() { paused = true; calls.add("pause"); }
        @Override public void resume() { paused = false; calls.add("resume"); }
        @Override public void seek(double seconds) { calls.add("seek " + seconds); }
        @Override public double speed() { return speed; }
        @Override public void setSpeed(double value) { speed = value; calls.add("speed " + value); }
    }

    /** Plays silence until stopped, and has a transport only when {@code transport} is set. */
    static final class Player implements AmplifierDriver {
        final Transport transport;

        Player(Transport transport) {
            this.transport = transport;
        }

        @Override public String id() { return transport == null ? "amp-test" : "player-test"; }
        @Override public String displayName() { return "Player (test)"; }
        @Override public DriverCapabilities capabilities() { return new DriverCapabilities(1, 1000, List.of()); }
        @Override public Optional<PlaybackControl> playback() { return Optional.ofNullable(transport); }

        @Override
        public List<Channel> configure(AcquisitionConfig config) {
            return List.of(new Channel(0, "C3-Cz", Channel.MICROVOLT, 1000, -100, 100, ChannelRole.EEG));
        }

        @Override
        public void run(DriverContext context) throws InterruptedException {
            for (long i = 0; !context.isStopRequested(); i += 100) {
                context.block(new SampleBlock(i, 0, new float[1][100]));
                Thread.sleep(100); // paced like an amplifier; nothing here is asserted on time
            }
        }
    }

    private Shell shell;
    private AcquisitionEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.stop();
        }
        registered.forEach(org.osgi.framework.ServiceRegistration::unregister);
        if (shell != null) {
            shell.dispose();
        }
    }

    private void pumpUntil(java.util.function.BooleanSupplier done) {
        Display display = Display.getDefault();
        long deadline = System.currentTimeMillis() + 20_000;
        while (!done.getAsBoolean() && System.currentTimeMillis() < deadline) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
        assertTrue(done.getAsBoolean(), "condition not met within 20 s");
    }

    @Test
    void theTransportShowsAPlaybackAndDrivesIt() throws Exception {
        ServiceTracker<AcquisitionEngine, AcquisitionEngine> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(PlaybackTransportUiTest.class).getBundleContext(), AcquisitionEngine.class, null);
        tracker.open();
        engine = tracker.waitForService(20_000);
        assertNotNull(engine);
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        PlaybackTransportControl control = new PlaybackTransportControl();
        control.engine = engine;
        control.create(shell);
        shell.setSize(1000, 60);
        shell.open();

        Player amplifier = register(new Player(null));
        engine.start(amplifier, new AcquisitionConfig(1000, 1, true));
        pumpUntil(() -> !control.control().getVisible());
        assertFalse(control.control().getVisible(), "an amplifier has no transport: hidden");
        engine.stop();

        Transport transport = new Transport();
        engine.start(register(new Player(transport)), new AcquisitionConfig(1000, 1, true));
        pumpUntil(() -> control.control().getVisible() && !control.positionText().isEmpty());
        assertEquals("▶ case-0417.bdf  00:05:05 / 00:20:00", control.positionText());

        Button pause = find(control.control(), Button.class);
        assertEquals("Pause", pause.getText());
        pause.notifyListeners(SWT.Selection, new Event());
        assertEquals("Resume", pause.getText());
        assertTrue(control.positionText().startsWith("❚❚ case-0417.bdf"), control.positionText());

        Combo speed = find(control.control(), Combo.class);
        assertEquals(List.of("1×", "2×", "5×", "as fast as possible"), List.of(speed.getItems()));
        assertEquals("1×", speed.getText());
        speed.select(2);
        speed.notifyListeners(SWT.Selection, new Event());
        speed.select(3);
        speed.notifyListeners(SWT.Selection, new Event());

        control.seek(600); // the slider released at 10:00, ahead of 05:05
        assertEquals(List.of("pause", "speed 5.0", "speed Infinity", "seek 600.0"), transport.calls);
    }

    /**
     * Plays a "recording" from the {@code start} option's second, its samples indexed on the
     * recording's clock as the EDF driver does (1 kHz, 1 channel).
     */
    static final class Recording implements AmplifierDriver {
        final Transport transport = new Transport();
        volatile long first;

        @Override public String id() { return "recording-test"; }
        @Override public String displayName() { return "Recording (test)"; }
        @Override public DriverCapabilities capabilities() { return new DriverCapabilities(1, 1000, List.of()); }
        @Override public Optional<PlaybackControl> playback() { return Optional.of(transport); }

        @Override
        public List<Channel> configure(AcquisitionConfig config) {
            first = 1000 * Long.parseLong(config.options().getOrDefault("start", "0"));
            return List.of(new Channel(0, "C3-Cz", Channel.MICROVOLT, 1000, -100, 100, ChannelRole.EEG));
        }

        @Override
        public void run(DriverContext context) throws InterruptedException {
            for (long i = first; !context.isStopRequested(); i += 100) {
                context.block(new SampleBlock(i, 0, new float[1][100]));
                Thread.sleep(20);
            }
        }
    }

    /**
     * Issue 16, item 1: going back in a playback within an open case plays again from there as a new
     * acquisition that continues the case: case time runs on from past the earlier data (never
     * backward), the alarm stays. Outside a case the same seek is a fresh start: case time restarts and
     * the earlier alarm is closed.
     */
    @Test
    void aSeekBackWithinACaseContinuesTheCaseOutsideOneStartsFresh() throws Exception {
        ServiceTracker<AcquisitionEngine, AcquisitionEngine> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(PlaybackTransportUiTest.class).getBundleContext(), AcquisitionEngine.class, null);
        tracker.open();
        engine = tracker.waitForService(20_000);
        assertNotNull(engine);
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        PlaybackTransportControl control = new PlaybackTransportControl();
        control.engine = engine;
        Recording recording = register(new Recording());
        control.settings = () -> new org.openionm.ui.internal.AcquisitionSettings(recording.id(), 1000, 1, java.util.Map.of());
        org.openionm.alarm.AlarmManager alarms = org.openionm.alarm.AlarmManagers.create();
        control.alarms = () -> alarms;
        String[] openCase = { "case 17" };
        control.openCase = () -> Optional.ofNullable(openCase[0]);
        control.create(shell);
        shell.setSize(1000, 60);
        shell.open();

        engine.start(recording, new AcquisitionConfig(1000, 1, true, java.util.Map.of("start", "0")));
        pumpUntil(() -> engine.caseClock().now() >= 2);
        alarms.onCondition(new org.openionm.core.processing.AlarmCondition(1, "eeg", "", "C3-Cz", "test criterion",
                org.openionm.core.processing.AlarmCondition.Priority.HIGH, true, "values", "baseline",
                new org.openionm.core.processing.Provenance("test", java.util.Map.of())));
        assertEquals(1, alarms.snapshot().alarms().size());

        control.seek(1); // back from about 2 s: within the case
        pumpUntil(() -> engine.status().state() == org.openionm.acquisition.EngineState.RUNNING && engine.caseClock().now() > 0);
        double stoppedAt = engine.caseClock().acquisitionStart() - engine.caseClock().resumedAfterSeconds();
        assertTrue(stoppedAt >= 2, "the earlier data ended at " + stoppedAt + " s of case time");
        assertFalse(Double.isNaN(engine.caseClock().resumedAfterSeconds()), "the new acquisition continues the case");
        assertTrue(engine.caseClock().timeOf(recording.first) >= stoppedAt,
                "the re-played second 1 lies after the earlier data on the case clock: " + engine.caseClock().timeOf(recording.first));
        assertEquals(1000, recording.first, "played again from second 1 of the recording");
        assertEquals(1, alarms.snapshot().alarms().size(), "the case's alarm stays");
        assertTrue(control.messageText().startsWith("playing again from 00:00:01 within the case: case time goes on from "),
                control.messageText());

        openCase[0] = null; // the case closed: the same seek starts fresh
        pumpUntil(() -> engine.caseClock().now() >= engine.caseClock().acquisitionStart() + 2);
        control.seek(1);
        pumpUntil(() -> engine.status().state() == org.openionm.acquisition.EngineState.RUNNING);
        assertTrue(Double.isNaN(engine.caseClock().resumedAfterSeconds()), "a fresh acquisition");
        assertEquals(0, engine.caseClock().acquisitionStart(), "case time restarts");
        assertEquals(List.of(), alarms.snapshot().alarms(), "the earlier run's alarm is closed");
        assertEquals("restarted from 00:00:01 (a new acquisition)", control.messageText());
    }

    private final List<org.osgi.framework.ServiceRegistration<?>> registered = new ArrayList<>();

    /** Registered as a driver service, as installed drivers are: the engine finds the running one by its id. */
    private <D extends AmplifierDriver> D register(D player) {
        registered.add(FrameworkUtil.getBundle(PlaybackTransportUiTest.class).getBundleContext()
                .registerService(AmplifierDriver.class, player, null));
        pumpUntil(() -> engine.driver(player.id()).isPresent());
        return player;
    }

    private static <T extends Control> T find(org.eclipse.swt.widgets.Composite parent, Class<T> type) {
        for (Control c : parent.getChildren()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        throw new AssertionError("no " + type.getSimpleName());
    }
}
