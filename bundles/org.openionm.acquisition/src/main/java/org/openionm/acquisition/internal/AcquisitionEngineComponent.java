package org.openionm.acquisition.internal;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.core.driver.AmplifierDriver;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Publishes the engine as an OSGi service and feeds it every {@link AmplifierDriver} service
 * (whiteboard): installing a driver feature adds an amplifier, removing it takes it away.
 */
@Component(service = AcquisitionEngine.class, immediate = true)
public class AcquisitionEngineComponent extends DefaultAcquisitionEngine {

    private static final System.Logger LOG = System.getLogger(AcquisitionEngineComponent.class.getName());

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindDriver(AmplifierDriver driver) {
        try {
            addDriver(driver);
        } catch (IllegalArgumentException duplicate) {
            LOG.log(System.Logger.Level.ERROR, duplicate.getMessage());
        }
    }

    void unbindDriver(AmplifierDriver driver) {
        removeDriver(driver);
    }

    @Deactivate
    void deactivate() {
        dispose();
    }
}
