package org.openionm.ui.about;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.openionm.core.driver.AmplifierDriver;
import org.openionm.core.processing.ModalityProcessor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * What is installed, read from the OSGi service registry (not from a list kept by hand): every
 * registered {@link AmplifierDriver} and {@link ModalityProcessor} with the bundle that provides it.
 * Uninstalling a driver's or modality's feature removes its service and so its entry.
 */
public final class InstalledComponents {

    /** One installed driver or modality. */
    public record Entry(String kind, String name, String id, String bundle, String version) {
    }

    public static final String DRIVER = "Amplifier driver";
    public static final String MODALITY = "Modality";

    private InstalledComponents() {
    }

    public static List<Entry> read(BundleContext context) {
        List<Entry> entries = new ArrayList<>();
        collect(context, AmplifierDriver.class, DRIVER, entries, d -> new String[] { d.displayName(), d.id() });
        collect(context, ModalityProcessor.class, MODALITY, entries, p -> new String[] { p.displayName(), p.id() });
        entries.sort(Comparator.comparing(Entry::kind).thenComparing(Entry::name));
        return entries;
    }

    private static <S> void collect(BundleContext context, Class<S> type, String kind, List<Entry> into,
            java.util.function.Function<S, String[]> describe) {
        try {
            for (ServiceReference<S> ref : context.getServiceReferences(type, null)) {
                S service = context.getService(ref);
                if (service == null) {
                    continue; // unregistered meanwhile
                }
                try {
                    String[] nameAndId = describe.apply(service);
                    Bundle provider = ref.getBundle();
                    into.add(new Entry(kind, nameAndId[0], nameAndId[1],
                            provider == null ? "?" : provider.getSymbolicName(),
                            provider == null ? "?" : provider.getVersion().toString()));
                } finally {
                    context.ungetService(ref);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("null filter cannot be invalid", e);
        }
    }
}
