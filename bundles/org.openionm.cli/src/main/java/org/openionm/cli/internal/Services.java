package org.openionm.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.core.processing.ModalityProcessor;
import org.openionm.core.processing.SettingDescriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
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

    /** Default of a modality processor's number setting (the thresholds the processor will apply), or {@code fallback}. */
    static double processorDefault(String processorId, String key, double fallback) {
        return processorDefaultValue(processorId, key, fallback) instanceof Number n ? n.doubleValue() : fallback;
    }

    /** Default of a modality processor's setting of any kind (e.g. a choice's option id), or {@code fallback}. */
    static Object processorDefaultValue(String processorId, String key, Object fallback) {
        BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
        try {
            for (ServiceReference<ModalityProcessor> ref : context.getServiceReferences(ModalityProcessor.class, null)) {
                ModalityProcessor p = context.getService(ref);
                try {
                    if (p != null && p.id().equals(processorId)) {
                        for (SettingDescriptor d : p.settings()) {
                            if (d.key().equals(key)) {
                                return d.defaultValue();
                            }
                        }
                    }
                } finally {
                    context.ungetService(ref);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return fallback;
    }

    /**
     * The installed modality processor with {@code id}, waiting for its component like {@link #service};
     * null when it is not installed. The caller gives it back with {@code ungetService} on the reference.
     */
    static ServiceReference<ModalityProcessor> processorReference(String id) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
        long deadline = System.currentTimeMillis() + WAIT_MS;
        do {
            try {
                for (ServiceReference<ModalityProcessor> ref : context.getServiceReferences(ModalityProcessor.class, null)) {
                    ModalityProcessor p = context.getService(ref);
                    try {
                        if (p != null && p.id().equals(id)) {
                            return ref;
                        }
                    } finally {
                        context.ungetService(ref);
                    }
                }
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
            Thread.sleep(100);
        } while (System.currentTimeMillis() < deadline);
        return null;
    }

    /** Starts {@code p} directly (no engine, no host) on {@code channels} with its default settings: the CPU benchmarks. */
    static void startWithDefaults(ModalityProcessor p, java.util.List<org.openionm.core.model.Channel> channels,
            org.openionm.core.processing.ProcessorOutput out) {
        java.util.Map<String, Object> settings = new java.util.TreeMap<>();
        for (SettingDescriptor d : p.settings()) {
            settings.put(d.key(), d.defaultValue());
        }
        p.start(new org.openionm.core.processing.ProcessorContext() {
            @Override public java.util.List<org.openionm.core.model.Channel> channels() { return channels; }
            @Override public java.util.Map<String, ?> settings() { return settings; }
            @Override public org.openionm.core.processing.ProcessorOutput output() { return out; }
        });
    }

    /** The accepted channel roles of every installed modality processor, by processor id. */
    static java.util.Map<String, java.util.Set<org.openionm.core.model.ChannelRole>> acceptedRoles() {
        return org.openionm.processing.internal.InputWarnings.acceptedRoles(
                FrameworkUtil.getBundle(Services.class).getBundleContext());
    }

    /** The YAML text of a bundled simulator scenario (by name) or of a scenario file (by path). */
    static String scenarioText(String nameOrPath) throws IOException {
        Path file = Path.of(nameOrPath);
        if (Files.isRegularFile(file)) {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        for (Bundle b : FrameworkUtil.getBundle(Services.class).getBundleContext().getBundles()) {
            if (b.getSymbolicName().equals("org.openionm.driver.simulator")) {
                URL url = b.getEntry("scenarios/" + nameOrPath + ".yaml");
                if (url == null) {
                    url = b.getResource("scenarios/" + nameOrPath + ".yaml");
                }
                if (url != null) {
                    try (InputStream in = url.openStream()) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        throw new IllegalArgumentException("scenario '" + nameOrPath + "' is neither a bundled scenario nor a file");
    }

    /** A live thread by name, or null. */
    static Thread thread(String name) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name) && t.isAlive()) {
                return t;
            }
        }
        return null;
    }

    /** CPU seconds a live thread has used, NaN when it is gone or the JVM cannot tell. */
    static double cpuSeconds(Thread t) {
        if (t == null) {
            return Double.NaN;
        }
        long ns = ManagementFactory.getThreadMXBean().getThreadCpuTime(t.threadId());
        return ns < 0 ? Double.NaN : ns / 1e9;
    }
}
