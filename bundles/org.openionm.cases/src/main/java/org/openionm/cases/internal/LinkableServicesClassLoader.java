package org.openionm.cases.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader Liquibase looks its plugins up with, minus the plugins that cannot be linked.
 * Liquibase lists {@code LoadDataChange} among its changes; that class needs opencsv, an optional
 * import the product does not ship, and {@code ServiceLoader} fails on it with a
 * {@code NoClassDefFoundError} as soon as a changelog holds any change. Outside OSGi (opencsv on the
 * class path) nothing is left out.
 */
final class LinkableServicesClassLoader extends ClassLoader {

    private static final String SERVICES = "META-INF/services/liquibase.";

    LinkableServicesClassLoader(ClassLoader parent) {
        super(parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Enumeration<URL> found = super.getResources(name);
        if (!name.startsWith(SERVICES)) {
            return found;
        }
        List<URL> out = new ArrayList<>();
        for (URL url : Collections.list(found)) {
            out.add(filtered(url));
        }
        return Collections.enumeration(out);
    }

    private URL filtered(URL url) throws IOException {
        StringBuilder kept = new StringBuilder();
        try (InputStream in = url.openStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String type = line.replaceFirst("#.*", "").trim();
                if (!type.isEmpty() && linkable(type)) {
                    kept.append(type).append('\n');
                }
            }
        }
        byte[] bytes = kept.toString().getBytes(StandardCharsets.UTF_8);
        return new URL(null, url.toString(), new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL u) {
                return new URLConnection(u) {
                    @Override
                    public void connect() {
                    }

                    @Override
                    public InputStream getInputStream() {
                        return new ByteArrayInputStream(bytes);
                    }
                };
            }
        });
    }

    /** What ServiceLoader will do: load the class and find its public no-argument constructor. */
    private boolean linkable(String type) {
        try {
            Class.forName(type, false, getParent()).getConstructor();
            return true;
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }
}
