package org.openionm.ui.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.EngineState;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmManager;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AlarmCondition.Priority;
import org.openionm.core.processing.Provenance;
import org.openionm.ui.alarms.DialogDriver;
import org.openionm.ui.internal.AcquisitionActions;
import org.openionm.ui.internal.AcquisitionSettings;
import org.openionm.ui.internal.Confirmations;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Stop and Quit ask first when alarms are listed or monitoring runs (Cancel is the default); the
 * acquisition boundary: outside a case a new start after Stop is fresh (the earlier run's alarms
 * closed in the log), inside a case the user chooses. Real engine, simulator and alarm manager.
 */
class StopQuitStartUiTest {

    private Display display;
    private Shell shell;
    private AcquisitionEngine engine;
    private AlarmManager alarms;

    @BeforeEach
    void services() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(StopAcquisitionHandler.class).getBundleContext();
        engine = service(context, AcquisitionEngine.class);
        alarms = service(context, AlarmManager.class);
        alarms.closeAllForFreshStart("test setup", alarms.snapshot().caseTimeSeconds());
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setSize(400, 300);
        shell.open();
    }

    @AfterEach
    void close() {
        engine.stop();
        shell.dispose();
    }

    private static <T> T service(BundleContext context, Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T s = tracker.waitForService(10_000);
        assertNotNull(s, type.getSimpleName() + " service");
        return s;
    }

    private static AlarmCondition loss(double t) {
        return new AlarmCondition(t, "mep", "tcmep.C3C4", "TA-L", "TcMEP loss of response (all-or-none) [MacDonald 2017]",
                Priority.HIGH, true, "TA-L no response (p2p 40 uV, -92 % of baseline p2p; noise p2p 30 uV)", "",
                new Provenance("test", Map.of()));
    }

    private void spinUntil(BooleanSupplier until, String what) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline && !until.getAsBoolean()) {
            display.readAndDispatch();
        }
        assertTrue(until.getAsBoolean(), what);
    }

    private void startDemo() {
        AcquisitionActions.start(engine, AcquisitionSettings.DEMO);
        spinUntil(() -> engine.status().state() == EngineState.RUNNING, "the simulator runs");
    }

    @Test
    void stopWithAListedAlarmAsksAndCancelKeepsMonitoringThenAFreshStartClosesTheOldAlarms() {
        startDemo();
        alarms.onCondition(loss(467));

        AtomicReference<DialogDriver.Seen> cancel = DialogDriver.answer(display, Confirmations.STOP_TITLE, "Cancel", null);
        new StopAcquisitionHandler().execute(engine, alarms, shell);
        assertNotNull(cancel.get(), "Stop asks while an alarm is listed");
        String text = cancel.get().text();
        assertTrue(text.contains("1 alarm is listed:"), text);
        assertTrue(text.contains("HIGH \u2014 TA-L TcMEP lost (\u221292 %)"), "names the alarm: " + text);
        assertEquals(EngineState.RUNNING, engine.status().state(), "Cancel: monitoring goes on");

        AtomicReference<DialogDriver.Seen> stop = DialogDriver.answer(display, Confirmations.STOP_TITLE,
                Confirmations.STOP, null);
        new StopAcquisitionHandler().execute(engine, alarms, shell);
        assertNotNull(stop.get());
        spinUntil(() -> engine.status().state() == EngineState.STOPPED, "confirmed: stopped");

        // outside a case: the next start is fresh, no question, the earlier run's alarm closed in the log
        int logged = alarms.log().size();
        assertTrue(AcquisitionActions.beforeStart(shell, engine, alarms));
        assertEquals(0, alarms.snapshot().alarms().size(), "nothing of the earlier run is shown as current");
        AlarmLogEntry closed = alarms.log().get(logged);
        assertEquals(AlarmLogEntry.Event.CLOSED, closed.event());
        assertEquals("TA-L", closed.key().channel());
        assertTrue(closed.note().startsWith("new acquisition started fresh"), closed.note());
    }

    @Test
    void startWhileRunningSaysSoAndLeavesTheRunningAcquisitionAlone() {
        startDemo();
        spinUntil(() -> engine.caseClock().now() >= 0.5, "half a second of case time");
        double before = engine.caseClock().now();
        assertFalse(new StartAcquisitionHandler().canExecute(engine), "Start is disabled while running");
        // the command raced past its enablement (a key press queued before the start): it says so
        MApplication application = (MApplication) Proxy.newProxyInstance(MApplication.class.getClassLoader(),
                new Class<?>[] { MApplication.class }, (proxy, method, args) -> null);
        AtomicReference<DialogDriver.Seen> told = DialogDriver.answer(display, "Acquisition running", "OK", null);
        new StartAcquisitionHandler().execute(engine, alarms, application, shell);
        assertNotNull(told.get(), "Start while running says so (issue 16 item 10)");
        assertTrue(told.get().text().contains("is already running; stop it before starting another"), told.get().text());
        assertTrue(told.get().text().contains(engine.status().driverName()), "names what runs: " + told.get().text());
        assertEquals(EngineState.RUNNING, engine.status().state());
        assertTrue(engine.caseClock().now() >= before, "the same run goes on: its case clock was not restarted");
    }

    @Test
    void stopWithNothingAtStakeStopsWithoutAQuestion() {
        startDemo();
        AtomicReference<DialogDriver.Seen> unexpected = DialogDriver.answer(display, Confirmations.STOP_TITLE, "Cancel", null);
        new StopAcquisitionHandler().execute(engine, alarms, shell);
        spinUntil(() -> engine.status().state() == EngineState.STOPPED, "stopped at once");
        assertNull(unexpected.get(), "no alarm, no case recording: no question");
        DialogDriver.disarm(unexpected); // the handler returned without asking: no dialog can come any more
    }

    @Test
    void quitAsksWhileMonitoringRunsAndCancelKeepsTheWorkbenchOpen() {
        startDemo();
        AtomicBoolean closed = new AtomicBoolean();
        IWorkbench workbench = (IWorkbench) Proxy.newProxyInstance(IWorkbench.class.getClassLoader(),
                new Class<?>[] { IWorkbench.class }, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        closed.set(true);
                        return true;
                    }
                    return method.getReturnType() == boolean.class ? false : null;
                });

        AtomicReference<DialogDriver.Seen> cancel = DialogDriver.answer(display, Confirmations.QUIT_TITLE, "Cancel", null);
        new QuitHandler().execute(workbench, alarms, engine, shell);
        assertNotNull(cancel.get(), "Quit asks while the acquisition runs");
        assertTrue(cancel.get().text().contains("The acquisition is running: monitoring stops."), cancel.get().text());
        assertFalse(closed.get(), "Cancel: the workbench stays open");

        alarms.onCondition(loss(500));
        AtomicReference<DialogDriver.Seen> quit = DialogDriver.answer(display, Confirmations.QUIT_TITLE, Confirmations.QUIT, null);
        new QuitHandler().execute(workbench, alarms, engine, shell);
        assertTrue(quit.get().text().contains("HIGH \u2014 TA-L TcMEP lost (\u221292 %)"), quit.get().text());
        assertTrue(closed.get(), "confirmed: the workbench closes");
    }

    /**
     * Issue 16, item 1, through the shell: inside a case, Continue makes the next start continue the
     * case clock past the earlier acquisition's end, and its alarm stays listed; Fresh restarts the
     * clock and closes the alarm.
     */
    @Test
    void continueInsideACaseRunsTheCaseClockOnAndKeepsTheAlarmsFreshStartsOver() {
        startDemo();
        spinUntil(() -> engine.caseClock().now() >= 1.0, "a second of case time");
        alarms.onCondition(loss(engine.caseClock().now()));
        DialogDriver.answer(display, Confirmations.STOP_TITLE, Confirmations.STOP, null);
        assertTrue(AcquisitionActions.stop(shell, engine, alarms));
        spinUntil(() -> engine.status().state() == EngineState.STOPPED, "stopped");
        double ended = engine.caseClock().now();

        AtomicReference<DialogDriver.Seen> asked = DialogDriver.answer(display, Confirmations.START_TITLE,
                Confirmations.CONTINUE, null);
        assertTrue(AcquisitionActions.beforeStart(shell, engine, alarms, java.util.Optional.of("case C-17")));
        assertNotNull(asked.get(), "inside a case the start asks");
        startDemo();
        double resumed = engine.caseClock().acquisitionStart();
        assertTrue(resumed >= ended, "case time continues past the first run's end: " + ended + " -> " + resumed);
        assertTrue(engine.caseClock().resumedAfterSeconds() >= 0, "the gap is known");
        spinUntil(() -> engine.caseClock().now() > resumed, "and runs on from there");
        assertEquals(1, alarms.snapshot().alarms().size(), "the alarm of the continued case stays listed");

        DialogDriver.answer(display, Confirmations.STOP_TITLE, Confirmations.STOP, null);
        assertTrue(AcquisitionActions.stop(shell, engine, alarms));
        spinUntil(() -> engine.status().state() == EngineState.STOPPED, "stopped again");
        DialogDriver.answer(display, Confirmations.START_TITLE, Confirmations.FRESH, null);
        assertTrue(AcquisitionActions.beforeStart(shell, engine, alarms, java.util.Optional.of("case C-17")));
        assertEquals(0, alarms.snapshot().alarms().size(), "fresh: the alarm is closed");
        startDemo();
        assertEquals(0, engine.caseClock().acquisitionStart(), "fresh: the case clock restarts at 0");
        assertTrue(Double.isNaN(engine.caseClock().resumedAfterSeconds()));
    }

    @Test
    void insideACaseTheStartAsksContinueOrFreshAndSaysWhatEachMeans() {
        AtomicReference<DialogDriver.Seen> fresh = DialogDriver.answer(display, Confirmations.START_TITLE,
                Confirmations.FRESH, null);
        assertEquals(Confirmations.StartChoice.FRESH, Confirmations.askStart(shell, "case C-17", 2));
        assertTrue(fresh.get().buttons().containsAll(java.util.List.of(Confirmations.CONTINUE, Confirmations.FRESH, "Cancel")),
                fresh.get().buttons().toString());
        assertTrue(fresh.get().text().contains("An earlier acquisition of case C-17"), fresh.get().text());
        assertTrue(fresh.get().text().contains("its 2 listed alarm(s) stay listed"), fresh.get().text());
        assertTrue(fresh.get().text().contains("the baselines and trends are kept, and the case clock runs on"),
                "continue says what it keeps: " + fresh.get().text());
        assertTrue(fresh.get().text().contains("the case clock restarts at 0:00: capture the baselines again."),
                "fresh says what it forgets: " + fresh.get().text());

        DialogDriver.answer(display, Confirmations.START_TITLE, Confirmations.CONTINUE, null);
        assertEquals(Confirmations.StartChoice.CONTINUE, Confirmations.askStart(shell, "case C-17", 2));
        DialogDriver.answer(display, Confirmations.START_TITLE, "Cancel", null);
        assertEquals(Confirmations.StartChoice.CANCEL, Confirmations.askStart(shell, "case C-17", 2));
    }
}
