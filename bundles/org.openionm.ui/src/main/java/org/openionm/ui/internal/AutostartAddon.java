package org.openionm.ui.internal;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.openionm.acquisition.AcquisitionEngine;
import org.osgi.service.event.Event;

import jakarta.inject.Inject;

/**
 * Starts the amplifier named by the {@code openionm.autostart} system property once the workbench
 * is up, so that {@code ./openionm} opens on live traces from the simulator.
 */
public class AutostartAddon {

    private static final System.Logger LOG = System.getLogger(AutostartAddon.class.getName());

    @Inject
    @Optional
    @Service
    AcquisitionEngine engine;

    @Inject
    @Optional
    void startupComplete(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, MApplication app) {
        String driverId = System.getProperty(AcquisitionSettings.AUTOSTART_PROPERTY, "").trim();
        if (driverId.isEmpty() || engine == null || AcquisitionActions.isRunning(engine)) {
            return;
        }
        AcquisitionSettings demo = AcquisitionSettings.DEMO;
        // a scenario for the demo (e.g. facial-nerve-traction for a screenshot of free-run EMG); default the driver's
        String scenario = System.getProperty(AcquisitionSettings.AUTOSTART_SCENARIO_PROPERTY, "").trim();
        AcquisitionSettings settings = new AcquisitionSettings(driverId, demo.samplingRateHz(), demo.channelCount(),
                scenario.isEmpty() ? demo.options() : java.util.Map.of("scenario", scenario));
        app.getContext().set(AcquisitionSettings.class, settings);
        try {
            AcquisitionActions.start(engine, settings);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "autostart of amplifier '" + driverId + "' failed: " + e.getMessage());
        }
    }
}
