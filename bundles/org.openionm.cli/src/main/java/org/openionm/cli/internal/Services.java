package org.openionm.cli.internal;

import java.util.Optional;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.core.driver.AmplifierDriver;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Waits for Declarative Services to come up: commands start before every component is active. */
final class Services {

    static final long WAIT_MS = 15_000;

    private Services() {
    }

    static AcquisitionEngine engine() throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
        ServiceTracker<AcquisitionEngine, AcquisitionEngine> tracker = new ServiceTracker<>(context, AcquisitionEngine.class, null);
        tracker.open();
        AcquisitionEngine engine = tracker.waitForService(WAIT_MS);
        if (engine == null) {
            throw new IllegalStateException("the acquisition engine did not start within " + WAIT_MS / 1000 + " s");
        }
        return engine;
    }

    /** The driver with {@code id}, waiting for its bundle to register it. */
    static AmplifierDriver driver(AcquisitionEngine engine, String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (true) {
            Optional<AmplifierDriver> driver = engine.driver(id);
            if (driver.isPresent()) {
                return driver.get();
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("amplifier driver '" + id + "' is not installed (installed: "
                        + engine.availableDrivers().stream().map(AmplifierDriver::id).toList() + ")");
            }
            Thread.sleep(50);
        }
    }
}
