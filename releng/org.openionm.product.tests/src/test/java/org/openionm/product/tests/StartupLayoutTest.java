package org.openionm.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * What the build's product does for a fast start (issue 15, docs/performance.md "Start to first trace,
 * warm"): the Equinox launcher and framework jars carry no signature files (the JVM would check them at
 * every start), the bundles keep theirs, and SPI Fly and the SLF4J provider are not started with the
 * framework (org.openionm.cases.LibraryLogging starts them at first need; CaseStoreLoggingTest shows the
 * case database's pool still logs).
 */
class StartupLayoutTest {

    static final Path PRODUCT = SiteCommand.root()
            .resolve("releng/org.openionm.repository/target/products/org.openionm.product/linux/gtk/x86_64");

    @Test
    void theLauncherAndFrameworkJarsAreUnsignedAndTheBundlesAreNot() throws IOException {
        assertUnsignedLauncher(PRODUCT.resolve("plugins"));
    }

    @Test
    void spiFlyAndTheSlf4jProviderWaitForTheirFirstUse() throws IOException {
        List<String> info = Files.readAllLines(PRODUCT.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"));
        for (String name : List.of("org.apache.aries.spifly.dynamic.bundle", "slf4j.jdk14")) {
            String line = info.stream().filter(l -> l.startsWith(name + ",")).findFirst().orElseThrow(() -> new AssertionError(name + " is not installed"));
            assertTrue(line.endsWith(",false"), "not started with the framework: " + line);
        }
        String scr = info.stream().filter(l -> l.startsWith("org.apache.felix.scr,")).findFirst().orElseThrow();
        assertTrue(scr.endsWith(",true"), "the check reads the start flag where it is: " + scr);
    }

    /** The two jars on the JVM's own class path have no signature files; a bundle of the same build still has them. */
    static void assertUnsignedLauncher(Path plugins) throws IOException {
        for (String prefix : List.of("org.eclipse.equinox.launcher_", "org.eclipse.osgi_")) {
            Path jar = only(plugins, prefix);
            assertEquals(List.of(), signatureFiles(jar), jar.getFileName() + " without signature files");
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                assertTrue(zip.getEntry("META-INF/MANIFEST.MF") != null, "the manifest is kept in " + jar.getFileName());
            }
        }
        assertFalse(signatureFiles(only(plugins, "org.eclipse.swt_")).isEmpty(), "other Eclipse bundles keep their signatures");
    }

    private static Path only(Path plugins, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(plugins)) {
            List<Path> found = s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".jar")).toList();
            assertEquals(1, found.size(), prefix + "*.jar in " + plugins + ": " + found);
            return found.get(0);
        }
    }

    private static List<String> signatureFiles(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return Collections.list(zip.entries()).stream().map(e -> e.getName())
                    .filter(n -> n.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)")).toList();
        }
    }
}
