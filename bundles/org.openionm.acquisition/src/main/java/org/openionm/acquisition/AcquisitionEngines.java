package org.openionm.acquisition;

import org.openionm.acquisition.internal.DefaultAcquisitionEngine;

/**
 * The engine outside OSGi: headless tools and plugin tests run the real engine (sample clock,
 * gaps, stimulus scheduler, bounded consumer queues) without the service registry.
 *
 * @since 0.2.0
 */
public final class AcquisitionEngines {

    private AcquisitionEngines() {
    }

    /**
     * A new engine with no drivers registered; pass a driver to
     * {@link AcquisitionEngine#start(org.openionm.core.driver.AmplifierDriver, org.openionm.core.driver.AcquisitionConfig)}.
     * Call {@link #dispose} when done: the engine owns threads.
     *
     * @since 0.2.0
     */
    public static AcquisitionEngine create() {
        return new DefaultAcquisitionEngine();
    }

    /**
     * Stops the acquisition of an engine made by {@link #create} and ends its threads; the engine is
     * unusable afterwards.
     *
     * @throws IllegalArgumentException for an engine not made by {@link #create}
     * @since 0.2.0
     */
    public static void dispose(AcquisitionEngine engine) {
        if (!(engine instanceof DefaultAcquisitionEngine made)) {
            throw new IllegalArgumentException("only an engine made by AcquisitionEngines.create() can be disposed here, not "
                    + engine.getClass().getName());
        }
        made.dispose();
    }
}
