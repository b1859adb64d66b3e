package org.openionm.cases;

import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;

/**
 * Starts what lets the libraries that log through SLF4J 2 (HikariCP, HAPI FHIR, PDFBox by way of
 * commons-logging) reach java.util.logging: SPI Fly, which serves SLF4J's ServiceLoader in OSGi, then
 * the provider bundle {@code slf4j.jdk14}, in that order. The product does not start them with the
 * framework: SPI Fly reads every bundle's headers when it starts, 0.15 s of every start of the
 * workbench before its first trace (docs/performance.md, issue 15), and nothing needs it until the
 * case database or a report is first opened. SLF4J binds its provider once, when its
 * {@code LoggerFactory} is first used, and SPI Fly only adapts classes loaded after it started, so every
 * first use of those libraries calls {@link #start()} before touching them. Outside OSGi (plain unit
 * tests) there is nothing to start.
 */
public final class LibraryLogging {

    private static final System.Logger LOG = System.getLogger(LibraryLogging.class.getName());
    /** SPI Fly's dynamic weaving bundle, then the SLF4J provider it registers once started. */
    static final List<String> BUNDLES_IN_ORDER = List.of("org.apache.aries.spifly.dynamic.bundle", "slf4j.jdk14");

    private static boolean started;

    private LibraryLogging() {
    }

    /** Starts SPI Fly and the SLF4J provider if they are installed and not yet active; once per process. */
    public static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        Bundle self = FrameworkUtil.getBundle(LibraryLogging.class);
        BundleContext context = self == null ? null : self.getBundleContext();
        if (context == null) {
            return;
        }
        for (String name : BUNDLES_IN_ORDER) {
            start(context, name);
        }
    }

    private static void start(BundleContext context, String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (!symbolicName.equals(bundle.getSymbolicName())) {
                continue;
            }
            if (bundle.getState() == Bundle.ACTIVE) {
                return;
            }
            try {
                // transient: the next start of the workbench leaves it to the first use again
                bundle.start(Bundle.START_TRANSIENT);
            } catch (BundleException | IllegalStateException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot start " + symbolicName + ": the messages of the case "
                        + "database's pool and of the report libraries will not be logged (" + e.getMessage() + ")");
            }
            return;
        }
        LOG.log(System.Logger.Level.WARNING, symbolicName + " is not installed: the messages of the case database's "
                + "pool and of the report libraries will not be logged");
    }
}
