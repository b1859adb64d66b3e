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
        return service(AcquisitionEngine.class);
    }

    /** A service, waiting for its component to activate; a clear error when it is not installed. */
    static <S> S service(Class<S> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        S service = tracker.waitForService(WAIT_MS);
        if (service == null) {
            throw new IllegalStateException(type.getSimpleName() + " did not start within " + WAIT_MS / 1000
                    + " s: is its bundle installed?");
        }
        return service;
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
