package org.openionm.ui.internal;

import java.util.List;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.widgets.Shell;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.EngineState;
import org.openionm.alarm.AlarmManager;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.core.model.Channel;

/** Start/stop shared by the Setup part, the toolbar commands and the demo autostart. */
public final class AcquisitionActions {

    private AcquisitionActions() {
    }

    public static AcquisitionSettings settings(IEclipseContext context) {
        AcquisitionSettings chosen = context.get(AcquisitionSettings.class);
        return chosen != null ? chosen : AcquisitionSettings.DEMO;
    }

    /**
     * Starts the chosen amplifier.
     *
     * @throws IllegalArgumentException with a message for the technologist when the driver is missing
     *                                  or cannot honour the settings
     */
    public static List<Channel> start(AcquisitionEngine engine, AcquisitionSettings settings) {
        AmplifierDriver driver = engine.driver(settings.driverId()).orElseThrow(() -> new IllegalArgumentException(
                "amplifier driver '" + settings.driverId() + "' is not installed"));
        return engine.start(driver, settings.toConfig());
    }

    /**
     * The acquisition boundary, asked before a start from the UI. Outside a case every start after
     * an earlier acquisition is fresh: the earlier run's alarms are closed (logged), so nothing of
     * it is shown as current. Inside an open case the user chooses: continue the case (its alarms,
     * baselines and trends stay, its clock runs on) or start fresh. The very first start of a session has nothing to carry over.
     *
     * @return false when the user cancelled
     */
    public static boolean beforeStart(Shell shell, AcquisitionEngine engine, AlarmManager alarms) {
        return beforeStart(shell, engine, alarms, CaseLookup.openCase());
    }

    /**
     * {@link #beforeStart(Shell, AcquisitionEngine, AlarmManager)} with the open case given (tests).
     * Continue makes the engine's next start continue the case: case time runs on, the processors
     * keep baselines and trends (issue 16).
     */
    public static boolean beforeStart(Shell shell, AcquisitionEngine engine, AlarmManager alarms,
            java.util.Optional<String> openCase) {
        if (engine == null || engine.status().state() == EngineState.IDLE || alarms == null) {
            return true;
        }
        if (openCase.isPresent()) {
            Confirmations.StartChoice choice = Confirmations.askStart(shell, openCase.get(),
                    alarms.snapshot().alarms().size());
            if (choice == Confirmations.StartChoice.CANCEL) {
                return false;
            }
            if (choice == Confirmations.StartChoice.CONTINUE) {
                engine.continueCaseAtNextStart();
                return true;
            }
        }
        alarms.closeAllForFreshStart(org.openionm.ui.alarms.Actor.current().user(), alarms.snapshot().caseTimeSeconds());
        return true;
    }

    /** Stops after the confirmation {@link Confirmations#confirmStop} asks for; false when the user kept it running. */
    public static boolean stop(Shell shell, AcquisitionEngine engine, AlarmManager alarms) {
        if (!Confirmations.confirmStop(shell, alarms, CaseLookup.recording())) {
            return false;
        }
        engine.stop();
        return true;
    }

    /** The workbench's alarm manager service, or null when it is not installed. */
    public static AlarmManager alarmManager() {
        org.osgi.framework.Bundle bundle = org.osgi.framework.FrameworkUtil.getBundle(AcquisitionActions.class);
        org.osgi.framework.BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null) {
            return null;
        }
        org.osgi.framework.ServiceReference<AlarmManager> ref = context.getServiceReference(AlarmManager.class);
        return ref == null ? null : context.getService(ref);
    }

    /** What Start says while an acquisition runs, instead of doing nothing (issue 16). */
    public static String alreadyRunning(AcquisitionEngine engine) {
        return "An acquisition with " + engine.status().driverName() + " is already running; stop it before starting another.";
    }

    public static boolean isRunning(AcquisitionEngine engine) {
        return engine != null && engine.status().state() == EngineState.RUNNING;
    }
}
