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
    /**
     * A recording to play at start ({@code ./openionm --playback <file>}, which sets the environment
     * variable {@link #FILE_ENV} so that a path with blanks survives the launcher): implies the EDF
     * playback amplifier and lets the file decide the channels.
     */
    static final String FILE_PROPERTY = "openionm.autostart.file";
    static final String FILE_ENV = "OPENIONM_PLAYBACK";
    static final String PLAYBACK_DRIVER = "edf";
    /** The playback amplifier's channel maximum: a file's channels are all played unless fewer are asked for. */
    static final int PLAYBACK_CHANNELS = 256;

    @Inject
    @Optional
    @Service
    AcquisitionEngine engine;

    @Inject
    @Optional
    void startupComplete(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, MApplication app) {
        StartupPhases.mark("workbench-rendered");
        if (engine == null || AcquisitionActions.isRunning(engine)) {
            return;
        }
        String file = System.getProperty(FILE_PROPERTY, java.util.Objects.requireNonNullElse(System.getenv(FILE_ENV), ""));
        AcquisitionSettings settings;
        try {
            settings = settings(System.getProperty(AcquisitionSettings.AUTOSTART_PROPERTY, ""), file.strip(),
                    System.getProperty(AcquisitionSettings.AUTOSTART_SCENARIO_PROPERTY, ""),
                    System.getProperty(RATE_PROPERTY), System.getProperty(CHANNELS_PROPERTY),
                    System.getProperty(OPTIONS_PROPERTY, ""));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "autostart settings not understood: " + e.getMessage());
            return;
        }
        if (settings == null) {
            return;
        }
        try {
            app.getContext().set(AcquisitionSettings.class, settings);
            AcquisitionActions.start(engine, settings);
            StartupPhases.mark("acquisition-started");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "autostart of amplifier '" + settings.driverId() + "' failed: " + e.getMessage());
        }
    }

    /**
     * What the autostart plays, from the launcher's properties; null when nothing is to start. A file
     * means the EDF playback (whatever the demo's default amplifier), all of its channels, its own rate.
     */
    static AcquisitionSettings settings(String driver, String file, String scenario, String rate, String channels,
            String optionsText) {
        AcquisitionSettings demo = AcquisitionSettings.DEMO;
        String driverId = driver.trim();
        if (!file.isEmpty()) {
            java.util.Map<String, String> options = new java.util.LinkedHashMap<>(options(optionsText, java.util.Map.of()));
            options.put("file", file);
            return new AcquisitionSettings(PLAYBACK_DRIVER, demo.samplingRateHz(),
                    channels == null ? PLAYBACK_CHANNELS : Integer.parseInt(channels.trim()), options);
        }
        if (driverId.isEmpty() || driverId.equals("none")) {
            return null;
        }
        // a scenario for the demo (e.g. facial-nerve-traction for a screenshot of free-run EMG); default the driver's
        String s = scenario.trim();
        java.util.Map<String, String> demoOptions = s.isEmpty() ? demo.options() : java.util.Map.of("scenario", s);
        return new AcquisitionSettings(driverId, rate == null ? demo.samplingRateHz() : Double.parseDouble(rate.trim()),
                channels == null ? driverId.equals(PLAYBACK_DRIVER) ? PLAYBACK_CHANNELS : demo.channelCount()
                        : Integer.parseInt(channels.trim()),
                options(optionsText, demoOptions));
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
