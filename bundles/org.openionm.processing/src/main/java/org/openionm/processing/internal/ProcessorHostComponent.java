package org.openionm.processing.internal;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.alarm.AlarmManager;
import org.openionm.core.processing.ModalityProcessor;
import org.openionm.processing.ProcessorHost;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Publishes the host and plugs it into the engine as a consumer; collects every
 * {@link ModalityProcessor} service (whiteboard) and the alarm manager when one is installed.
 */
@Component(service = ProcessorHost.class, immediate = true)
public class ProcessorHostComponent extends DefaultProcessorHost {

    private static final System.Logger LOG = System.getLogger(ProcessorHostComponent.class.getName());
    /** Processing must not miss data live: a generous queue (about 10 s of 10 ms blocks). */
    static final int QUEUE_BLOCKS = 1000;

    @Reference
    AcquisitionEngine engine;

    private ConsumerRegistration registration;

    @Activate
    void activate() {
        registration = engine.addConsumer("modality processors", this, QUEUE_BLOCKS);
    }

    @Deactivate
    void deactivate() {
        registration.close();
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
