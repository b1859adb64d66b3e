package org.openionm.ui.about;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.core.driver.DriverCapabilities;
import org.openionm.core.driver.DriverContext;
import org.openionm.core.model.Channel;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/** The About list is the service registry: what is installed shows, what is removed goes. */
class InstalledComponentsTest {

    private final BundleContext context = FrameworkUtil.getBundle(InstalledComponents.class).getBundleContext();

    @Test
    void aboutListsExactlyTheRegisteredDriversAndFollowsInstallAndRemoval() throws Exception {
        assertTrue(waitUntil(() -> driverIdsInRegistry().contains("simulator")),
                "the simulated amplifier bundle is installed, so its driver service must appear");
        assertEquals(driverIdsInRegistry(), driverIdsInAbout());
        InstalledComponents.Entry simulator = InstalledComponents.read(context).stream()
                .filter(e -> e.id().equals("simulator")).findFirst().orElseThrow();
        assertEquals(InstalledComponents.DRIVER, simulator.kind());
        assertEquals("org.openionm.driver.simulator", simulator.bundle());

        // A plugin that registers a driver appears, and disappears when it goes.
        ServiceRegistration<AmplifierDriver> extra = context.registerService(AmplifierDriver.class, new VendorDriver(), null);
        try {
            assertTrue(driverIdsInAbout().contains("vendor-x"));
        } finally {
            extra.unregister();
        }
        assertFalse(driverIdsInAbout().contains("vendor-x"));

        // Removing the simulator's bundle (what uninstalling its feature does) removes its entry.
        Bundle simulatorBundle = simulatorBundle();
        simulatorBundle.stop();
        try {
            assertTrue(waitUntil(() -> !driverIdsInAbout().contains("simulator")));
        } finally {
            simulatorBundle.start();
        }
        assertTrue(waitUntil(() -> driverIdsInAbout().contains("simulator")));
        assertEquals(driverIdsInRegistry(), driverIdsInAbout());
    }

    private Bundle simulatorBundle() {
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().equals("org.openionm.driver.simulator")) {
                return b;
            }
        }
        throw new AssertionError("org.openionm.driver.simulator is not installed in the test runtime");
    }

    private Set<String> driverIdsInAbout() {
        return InstalledComponents.read(context).stream().filter(e -> e.kind().equals(InstalledComponents.DRIVER))
                .map(InstalledComponents.Entry::id).collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> driverIdsInRegistry() {
        Set<String> ids = new TreeSet<>();
        try {
            for (ServiceReference<AmplifierDriver> ref : context.getServiceReferences(AmplifierDriver.class, null)) {
                AmplifierDriver driver = context.getService(ref);
                if (driver != null) {
                    ids.add(driver.id());
                    context.ungetService(ref);
                }
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
        return ids;
    }

    private static boolean waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    /** A third-party driver as an outside developer would register it. */
    private static final class VendorDriver implements AmplifierDriver {
        @Override
        public String id() {
            return "vendor-x";
        }

        @Override
        public String displayName() {
            return "Vendor X amplifier";
        }

        @Override
        public DriverCapabilities capabilities() {
            return new DriverCapabilities(32, 10_000, List.of());
        }

        @Override
        public List<Channel> configure(AcquisitionConfig config) {
            return List.of();
        }

        @Override
        public void run(DriverContext context) {
        }
    }
}
