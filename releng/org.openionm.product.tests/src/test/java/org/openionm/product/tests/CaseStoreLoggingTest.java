package org.openionm.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case store's connection pool (HikariCP) logs through SLF4J 2, which finds its provider
 * (slf4j.jdk14, to java.util.logging) by ServiceLoader: in OSGi SPI Fly serves it, and only from a
 * started provider bundle. Without it SLF4J prints "No SLF4J providers were found" at the first open
 * of the case database and drops every message of the pool, its warnings included. Run in the
 * product this build made, as {@code ./openionm case new} runs it.
 */
class CaseStoreLoggingTest {

    /** The pool's INFO line when it has its connections (HikariCP names the pool, ours is "openionm-cases"). */
    private static final String POOL_STARTED = "openionm-cases - Start completed.";

    @Test
    void thePoolLogsThroughSlf4jToJavaUtilLoggingAndKeepsQuietByDefault(@TempDir Path dir) throws Exception {
        InstalledWorkbench product = InstalledWorkbench
                .at(SiteCommand.root().resolve("releng/org.openionm.repository/target/products/org.openionm.product/linux/gtk/x86_64"));
        Path logging = Files.writeString(dir.resolve("logging.properties"), """
                # a site following its pool: every message of it on the console
                handlers=java.util.logging.ConsoleHandler
                java.util.logging.ConsoleHandler.level=ALL
                com.zaxxer.hikari.level=INFO
                """);
        InstalledWorkbench.Result created = product.start(dir, List.of("-Djava.util.logging.config.file=" + logging), "case",
                "new", "--patient", "Doe^Jane", "--mrn", "123456", "--procedure", "posterior spinal fusion", "--sex", "f");
        assertEquals(0, created.exit(), created.output());
        assertFalse(created.output().contains("SLF4J(W)"), "SLF4J found its provider: " + created.output());
        assertTrue(created.output().contains(POOL_STARTED), "HikariCP's own line reached java.util.logging: " + created.output());

        // without a logging configuration the pool's start-up stays off the console (its warnings would not)
        InstalledWorkbench.Result listed = product.start(dir, "case", "list");
        assertEquals(0, listed.exit(), listed.output());
        assertTrue(listed.output().contains("123456"), "the list opened the same case database: " + listed.output());
        assertFalse(listed.output().contains("SLF4J(W)"), listed.output());
        assertFalse(listed.output().contains("openionm-cases - Start"), "quiet by default: " + listed.output());
    }
}
