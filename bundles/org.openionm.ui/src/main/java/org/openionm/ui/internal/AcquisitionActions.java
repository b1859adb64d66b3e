package org.openionm.ui.internal;

import java.util.List;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.EngineState;
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

    /** What Start says while an acquisition runs, instead of doing nothing (issue 16). */
    public static String alreadyRunning(AcquisitionEngine engine) {
        return "An acquisition with " + engine.status().driverName() + " is already running; stop it before starting another.";
    }

    public static boolean isRunning(AcquisitionEngine engine) {
        return engine != null && engine.status().state() == EngineState.RUNNING;
    }
}
