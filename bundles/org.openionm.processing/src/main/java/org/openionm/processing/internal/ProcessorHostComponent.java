package org.openionm.processing.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.processing.SiteDefaults;
import org.openionm.alarm.AlarmManager;
import org.openionm.core.processing.ModalityProcessor;
import org.openionm.processing.ProcessorHost;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Publishes the host and plugs it into the engine as a consumer and onto the engine's case clock
 * (which thereby drives the alarm manager's clock); collects every {@link ModalityProcessor}
 * service (whiteboard) and the alarm manager when one is installed.
 */
@Component(service = ProcessorHost.class, immediate = true)
public class ProcessorHostComponent extends DefaultProcessorHost {

    private static final System.Logger LOG = System.getLogger(ProcessorHostComponent.class.getName());
    /** Processing must not miss data live: a generous queue (about 10 s of 10 ms blocks). */
    static final int QUEUE_BLOCKS = 1000;
    static final String SETTINGS_FILE = "modality-settings.properties";

    @Reference
    AcquisitionEngine engine;

    private ConsumerRegistration registration;

    @Activate
    void activate(BundleContext context) {
        // the department's settings live in this bundle's data area of the installation's configuration
        File data = context.getDataFile(SETTINGS_FILE);
        if (data != null) {
            Path file = data.toPath();
            try {
                restore(SettingsFile.load(file, problem -> LOG.log(System.Logger.Level.WARNING, problem)));
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(System.Logger.Level.ERROR, "saved modality settings in " + file + " cannot be read, defaults apply: " + e);
            }
            setSettingsStore(all -> SettingsFile.save(file, all));
        }
        readSiteDefaults(context.getProperty("osgi.install.area"));
        setCaseClock(engine.caseClock());
        setStimulator(new EngineStimulator(engine));
        registration = engine.addConsumer("modality processors", this, QUEUE_BLOCKS);
    }

    /** A site installation's own defaults ({@link SiteDefaults}), under the user's saved changes. */
    private void readSiteDefaults(String installArea) {
        if (installArea == null || !installArea.startsWith("file:")) {
            return;
        }
        Path installation = Path.of(java.net.URI.create(installArea.replace(" ", "%20")));
        try {
            setSiteDefaults(SiteDefaults.read(installation, problem -> LOG.log(System.Logger.Level.WARNING, problem)));
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.ERROR, "site defaults in " + SiteDefaults.file(installation)
                    + " cannot be read, the declared defaults apply: " + e);
        }
    }

    @Deactivate
    void deactivate() {
        registration.close();
        dispose();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindProcessor(ModalityProcessor processor) {
        try {
            addProcessor(processor);
        } catch (IllegalArgumentException duplicate) {
            LOG.log(System.Logger.Level.ERROR, duplicate.getMessage());
        }
    }

    void unbindProcessor(ModalityProcessor processor) {
        removeProcessor(processor);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindAlarmManager(AlarmManager manager) {
        setAlarmManager(manager);
    }

    void unbindAlarmManager(AlarmManager manager) {
        clearAlarmManager(manager);
    }
}
