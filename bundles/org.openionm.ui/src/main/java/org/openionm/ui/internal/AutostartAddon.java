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
 * is up, so that {@code ./openionm} opens on live traces from the simulator. The optional properties
 * {@code openionm.autostart.rate}, {@code .channels} and {@code .options} ({@code scenario=…;seed=…})
 * choose another configuration (demonstrations, screenshots).
 */
public class AutostartAddon {

    private static final System.Logger LOG = System.getLogger(AutostartAddon.class.getName());
    /** Optional: sampling rate, channel count and driver options ({@code key=value;key=value}) of the autostart. */
    static final String RATE_PROPERTY = "openionm.autostart.rate";
    static final String CHANNELS_PROPERTY = "openionm.autostart.channels";
    static final String OPTIONS_PROPERTY = "openionm.autostart.options";

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
        java.util.Map<String, String> demoOptions = scenario.isEmpty() ? demo.options() : java.util.Map.of("scenario", scenario);
        try {
            AcquisitionSettings settings = new AcquisitionSettings(driverId,
                    Double.parseDouble(System.getProperty(RATE_PROPERTY, Double.toString(demo.samplingRateHz()))),
                    Integer.parseInt(System.getProperty(CHANNELS_PROPERTY, Integer.toString(demo.channelCount()))),
                    options(System.getProperty(OPTIONS_PROPERTY, ""), demoOptions));
            app.getContext().set(AcquisitionSettings.class, settings);
            AcquisitionActions.start(engine, settings);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "autostart of amplifier '" + driverId + "' failed: " + e.getMessage());
        }
    }

    /** {@code scenario=carotid-clamp-ischemia;seed=2} as a map; empty text: the demo's options. */
    static java.util.Map<String, String> options(String text, java.util.Map<String, String> fallback) {
        if (text.isBlank()) {
            return fallback;
        }
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return out;
    }
}
