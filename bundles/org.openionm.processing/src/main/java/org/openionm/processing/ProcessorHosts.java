package org.openionm.processing;

import java.util.Collection;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.alarm.AlarmManager;
import org.openionm.core.processing.ModalityProcessor;
import org.openionm.processing.internal.DefaultProcessorHost;

/**
 * The processor host outside OSGi: headless tools and plugin tests run given processors exactly as
 * the workbench runs the installed ones (settings, failure isolation, baselines, alarm conditions
 * and amplifier health to the alarm manager). Its settings are not saved anywhere.
 *
 * @since 0.2.0
 */
public final class ProcessorHosts {

    private ProcessorHosts() {
    }

    /**
     * A host running {@code processors}, sending conditions and health to {@code alarms}.
     *
     * @param alarms may be null: then conditions only reach the {@link ResultListener}s
     * @throws IllegalArgumentException when two processors have the same id
     * @since 0.2.0
     */
    public static ProcessorHost create(AlarmManager alarms, Collection<? extends ModalityProcessor> processors) {
        DefaultProcessorHost host = new DefaultProcessorHost();
        processors.forEach(host::addProcessor);
        if (alarms != null) {
            host.setAlarmManager(alarms);
        }
        return host;
    }

    /**
     * Feeds {@code host} every acquisition of {@code engine}; close the registration to detach it.
     *
     * @param queueCapacity blocks that may wait for the host (in replay the driver waits instead of the host missing data)
     * @throws IllegalArgumentException for a host not made by {@link #create}
     * @since 0.2.0
     */
    public static ConsumerRegistration connect(ProcessorHost host, AcquisitionEngine engine, int queueCapacity) {
        if (!(host instanceof DefaultProcessorHost consumer)) {
            throw new IllegalArgumentException("only a host made by ProcessorHosts.create() can be connected here, not "
                    + host.getClass().getName());
        }
        return engine.addConsumer("modality processors", consumer, queueCapacity);
    }
}
