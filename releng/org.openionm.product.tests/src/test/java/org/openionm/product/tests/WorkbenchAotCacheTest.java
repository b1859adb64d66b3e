package org.openionm.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's AOT cache for the workbench (issue 15, docs/performance.md "Start to first trace, warm"):
 * the first start writes it as it ends, the next one maps it, a damaged one is refused by the JVM (the
 * start goes on without it) and replaced at the start after. The real launcher runs the build's product
 * as an installation would (its copy beside links to the product's plugins and configuration, so it never
 * builds), under the test's display, until its first trace.
 */
class WorkbenchAotCacheTest {

    private static final long FIRST_TRACE_TIMEOUT_S = 120;
    private static final long EXIT_TIMEOUT_S = 120;

    @Test
    void theFirstStartWritesTheCacheTheNextMapsItAndADamagedOneIsReplaced(@TempDir Path dir) throws Exception {
        Path install = installation(dir);
        Path home = Files.createDirectories(dir.resolve("home"));
        Path aot = home.resolve("aot");

        Started first = start(install, home, dir, "1");
        first.stop();
        if (Runtime.version().feature() < 25) {
            assertFalse(Files.exists(aot), "no AOT cache below JDK 25");
            return;
        }
        Path cache = onlyCache(aot);
        assertTrue(Files.size(cache) > 1_000_000, "a cache of the start's classes: " + Files.size(cache) + " bytes");

        Started second = start(install, home, dir, "2");
        String maps = Files.readString(Path.of("/proc/" + second.java().pid() + "/maps"));
        second.stop();
        assertTrue(maps.contains(cache.toString()), "the second start maps " + cache.getFileName());
        assertFalse(Files.readString(aot.resolve("workbench.log")).contains("[error"), Files.readString(aot.resolve("workbench.log")));

        // a damaged cache: the JVM's check refuses it, the workbench starts anyway, the next start writes a new one
        byte[] damaged = Files.readAllBytes(cache);
        for (int i = damaged.length / 2; i < damaged.length / 2 + 64; i++) {
            damaged[i] = (byte) ~damaged[i];
        }
        Files.write(cache, damaged);
        start(install, home, dir, "3").stop();
        assertTrue(Files.readString(aot.resolve("workbench.log")).contains("[error"), "the JVM said it refused the cache");
        start(install, home, dir, "4").stop();
        Path renewed = onlyCache(aot);
        assertFalse(java.util.Arrays.equals(damaged, Files.readAllBytes(renewed)), "the damaged cache was replaced");
        Started fifth = start(install, home, dir, "5");
        String maps5 = Files.readString(Path.of("/proc/" + fifth.java().pid() + "/maps"));
        fifth.stop();
        assertTrue(maps5.contains(renewed.toString()), "the renewed cache is mapped again");
    }

    /** The launcher's copy beside links to the build's product: an installation, which never builds. */
    private static Path installation(Path dir) throws IOException {
        Path install = Files.createDirectories(dir.resolve("install"));
        Files.createSymbolicLink(install.resolve("plugins"), StartupLayoutTest.PRODUCT.resolve("plugins"));
        Files.createSymbolicLink(install.resolve("configuration"), StartupLayoutTest.PRODUCT.resolve("configuration"));
        Path launcher = Files.copy(SiteCommand.root().resolve("openionm"), install.resolve("openionm"));
        assertTrue(launcher.toFile().setExecutable(true));
        return install;
    }

    private static Path onlyCache(Path aot) throws IOException {
        try (Stream<Path> files = Files.list(aot)) {
            List<Path> all = files.map(Path::getFileName).map(Path::toString).map(aot::resolve).toList();
            List<Path> caches = all.stream().filter(p -> p.toString().endsWith(".aot")).toList();
            assertEquals(1, caches.size(), "one cache, no half-written one left: " + all);
            assertTrue(all.stream().noneMatch(p -> p.toString().endsWith(".new")), "no half-written cache: " + all);
            return caches.get(0);
        }
    }

    record Started(Process launcher, ProcessHandle java, Path log) {

        /** Ends the workbench as a session's end or a shutdown does (SIGTERM), and waits for the launcher. */
        void stop() throws InterruptedException, IOException {
            java.destroy();
            assertTrue(launcher.waitFor(EXIT_TIMEOUT_S, TimeUnit.SECONDS), "the launcher ended: " + Files.readString(log));
        }
    }

    private static Started start(Path install, Path home, Path dir, String run) throws Exception {
        Path stats = dir.resolve("stats-" + run);
        Path log = dir.resolve("workbench-" + run + ".log");
        // a data area per start: a start stopped at its first trace may leave the case database half created
        ProcessBuilder pb = new ProcessBuilder(install.resolve("openionm").toString(), "--data", dir.resolve("data-" + run).toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OPENIONM_HOME", home.toString());
        pb.environment().put("OPENIONM_JAVA_OPTS_EXTRA", "-Dopenionm.ui.stats=" + stats);
        Process launcher = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FIRST_TRACE_TIMEOUT_S);
        while (!firstTrace(stats)) {
            if (!launcher.isAlive() || System.nanoTime() > deadline) {
                launcher.descendants().forEach(ProcessHandle::destroy);
                throw new AssertionError("start " + run + ": no first trace (" + (launcher.isAlive() ? "timeout" : "ended")
                        + "): " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        Optional<ProcessHandle> java = launcher.children().filter(p -> p.info().command().orElse("").endsWith("/java")).findFirst();
        assertNotNull(java.orElse(null), "the launcher's java process");
        return new Started(launcher, java.get(), log);
    }

    private static boolean firstTrace(Path stats) throws IOException {
        return Files.exists(stats) && Files.readString(stats).contains("first-trace");
    }
}
