package org.openionm.product.tests;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API baseline check really fails the build: a copy of the source tree in which a public
 * method of an exported API package is removed, without a version bump, does not build, and the
 * baseline plugin is what stops it. (The untampered tree passing the same check is the main build
 * itself.)
 */
class ApiBaselineCheckTest {

    private static final String PROCESSOR_OUTPUT =
            "bundles/org.openionm.core/src/main/java/org/openionm/core/processing/ProcessorOutput.java";
    private static final String CORE_MANIFEST = "bundles/org.openionm.core/META-INF/MANIFEST.MF";
    /** The version of every bundle in releng/api-baseline. */
    private static final String BASELINE_VERSION = "0.2.0";
    private static final Pattern FAILED_IN_BASELINE_CHECK = Pattern.compile(
            "Failed to execute goal org\\.eclipse\\.tycho:tycho-baseline-plugin:\\S+:verify \\(api-baseline\\) "
                    + "on project org\\.openionm\\.core: Baseline problems found!");
    private static final String REMOVED_METHOD = "    default void baseline(AverageTrace baseline) {\n    }\n";

    @Test
    void removingAPublicMethodWithoutAVersionBumpFailsTheBuild(@TempDir Path dir) throws Exception {
        Path root = Path.of(System.getProperty("basedir", ".")).resolve("../..").toRealPath();
        String localRepository = System.getProperty("openionm.m2");
        assertNotNull(localRepository, "the build passes its local Maven repository as openionm.m2");
        Path copy = dir.resolve("tree");
        copySources(root, copy);

        Path source = copy.resolve(PROCESSOR_OUTPUT);
        String original = Files.readString(source);
        assertTrue(original.contains(REMOVED_METHOD), "ProcessorOutput still declares baseline(AverageTrace)");
        Files.writeString(source, original.replace(REMOVED_METHOD, ""));
        // "without a version bump": core at the baseline's version again. Once a bundle's version is
        // raised past its baseline (core is 0.3.0 since the EMG/EEG work), the evolve mode lets further
        // changes through until the next release; the check under test is the one at the baseline version.
        Path manifest = copy.resolve(CORE_MANIFEST);
        Files.writeString(manifest, Files.readString(manifest)
                .replaceAll("Bundle-Version: \\S+", "Bundle-Version: " + BASELINE_VERSION + ".qualifier")
                .replaceAll("(org\\.openionm\\.core\\.\\w+);version=\"[0-9.]+\"", "$1;version=\"" + BASELINE_VERSION + "\""));

        Path log = dir.resolve("build.log");
        ProcessBuilder mvnw = new ProcessBuilder("bash", copy.resolve("mvnw").toString(), "-B", "-o", "verify", "-DskipTests",
                "-Dmaven.repo.local=" + localRepository, "-pl", "target-platform,bundles/org.openionm.core")
                .directory(copy.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        // the JDK this build runs on (21+), not whatever java is first on the PATH
        mvnw.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process build = mvnw.start();
        try {
            // a bound against a hung build, not a performance assertion
            assertTrue(build.waitFor(15, TimeUnit.MINUTES), "the tampered build ended");
        } finally {
            build.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertNotEquals(0, build.exitValue(), "the tampered build fails");
        assertTrue(FAILED_IN_BASELINE_CHECK.matcher(output).find(), "the API baseline check is what failed:\n" + tail(output));
        assertTrue(output.contains("- /org.openionm.core.processing/org.openionm.core.processing.ProcessorOutput/"
                + "baseline(org.openionm.core.processing.AverageTrace)"), "names the removed method:\n" + tail(output));
        assertTrue(output.contains("suggested version: 1.0.0"), "an incompatible change asks for the next major:\n"
                + tail(output));
    }

    /** The tree as committed, without build output or git data (a few MB). */
    private static void copySources(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(p);
                if (excluded(rel)) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static boolean excluded(Path rel) {
        for (Path part : rel) {
            String name = part.toString();
            if (name.equals("target") || name.equals(".git") || name.equals(".openionm")) {
                return true;
            }
        }
        return false;
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
