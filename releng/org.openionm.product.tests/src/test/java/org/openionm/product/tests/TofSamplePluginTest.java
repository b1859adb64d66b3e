package org.openionm.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an outside plugin author does, end to end: copies the train-of-four sample (examples/tof) out of
 * the source tree, builds it with its own Maven build against the p2 repository this build produced,
 * installs a workbench with {@code ./openionm site}, adds the sample's feature from its own repository
 * (its dependencies from OpenIONM's: {@code --repository} with both), and analyses an EDF+ file with
 * train-of-four stimuli in that installation.
 */
class TofSamplePluginTest {

    private static final long CHILD_TIMEOUT_MINUTES = 10;
    private static final int RATE = 5000;

    @Test
    void theSamplePluginBuiltOutsideTheReactorRunsInAnInstalledWorkbench(@TempDir Path dir) throws Exception {
        Path root = Path.of(System.getProperty("openionm.root")).toRealPath();
        String repository = "file:" + Path.of(System.getProperty("openionm.repository")).toRealPath();

        // (a) the sample, copied out of the tree with the Maven wrapper, built by its own build
        Path sample = dir.resolve("tof");
        copyTree(root.resolve("examples/tof"), sample);
        Files.copy(root.resolve("mvnw"), sample.resolve("mvnw"), StandardCopyOption.COPY_ATTRIBUTES);
        copyTree(root.resolve(".mvn/wrapper"), sample.resolve(".mvn/wrapper"));
        run(sample, dir.resolve("sample-build.log"), "./mvnw", "-B", "verify", "-Dopenionm.repository=" + repository);
        Path sampleRepository = sample.resolve("org.openionm.examples.tof.repository/target/repository");
        assertTrue(Files.isRegularFile(sampleRepository.resolve("content.jar")), "the sample built its p2 repository");

        // (b) a site's workbench, then the sample's feature added from both repositories
        Path site = dir.resolve("site");
        run(root, dir.resolve("site-install.log"), "./openionm", "site", "--features", "simulator,ssep,edf", "--out", site.toString(),
                "--repository", repository);
        InstalledWorkbench workbench = InstalledWorkbench.at(site);
        assertFalse(workbench.bundles().contains("org.openionm.examples.tof"), "no TOF plugin before it is added");
        run(root, dir.resolve("site-add.log"), "./openionm", "site", "--add", "tof", "--out", site.toString(), "--repository",
                repository + "," + sampleRepository.toUri());
        Set<String> bundles = workbench.bundles();
        assertTrue(bundles.contains("org.openionm.examples.tof"), "the TOF plugin was added");
        assertFalse(bundles.contains("org.openionm.testkit"), "the test kit stays out of the installation");

        // (c) a recording with two trains-of-four, analysed by the installed product
        Path edf = dir.resolve("tof.edf");
        float[] adp = new float[8 * RATE];
        cmaps(adp, 1.0, 1000, 900, 800, 700);
        cmaps(adp, 4.0, 600, 300, 80, 40);
        String stim = "STIM ulnar.right 50mA 200us n=4 isi=500ms kind=single";
        new TinyEdfPlus("ADP-R", RATE, adp).annotate(1.0, stim).annotate(4.0, stim).write(edf);
        Path json = dir.resolve("analysis.json");
        workbench.run(dir, "analyze", edf.toString(), "--json", json.toString());
        JsonNode analysis = new ObjectMapper().readTree(json.toFile());

        assertEquals(Set.of("ssep", "tof"), InstalledWorkbench.processors(analysis), "installed processors");
        assertEquals(0, analysis.get("processorFailures").size(), analysis.get("processorFailures").toString());
        List<String> measured = new ArrayList<>();
        for (JsonNode m : analysis.get("measurements")) {
            if (m.get("modality").asText().equals("tof")) {
                assertEquals("ulnar.right", m.get("site").asText());
                assertEquals("ADP-R", m.get("channel").asText());
                assertEquals(4.0, m.get("latencyMs").asDouble(), 1e-9, "first extremum 4 ms after its pulse");
                // the producer names the installed bundle's exact version, filled by the host
                assertTrue(m.get("provenance").asText().matches("(?s)tof 0\\.1\\.0\\.\\d{12} \\{.*"), m.get("provenance").asText());
                measured.add(m.get("timeSeconds").asDouble() + " " + m.get("component").asText() + " "
                        + m.get("amplitudeUv").asDouble());
            }
        }
        assertEquals(List.of("1.0 T1 1000.0", "1.0 T2 900.0", "1.0 T3 800.0", "1.0 T4 700.0",
                "4.0 T1 600.0", "4.0 T2 300.0", "4.0 T3 80.0", "4.0 T4 40.0"), measured);
        JsonNode tofSettings = analysis.get("settings").get("tof");
        assertEquals("sequential", tofSettings.get("count.rule").asText());
        assertEquals(100.0, tofSettings.get("response.minUv").asDouble());
    }

    /**
     * Biphasic CMAPs after the four pulses (500 ms apart) of a TOF at {@code t}: +A/2 at 4 ms and −A/2 at
     * 8 ms after each pulse, triangles 2 ms wide; peak-to-peak exactly A (whole µV: the file keeps them).
     */
    private static void cmaps(float[] signal, double t, double... amplitudes) {
        for (int k = 0; k < 4; k++) {
            int pulse = (int) Math.round((t + 0.5 * k) * RATE);
            for (int d = 0; d < 50; d++) {
                double ms = d * 1000.0 / RATE;
                double a = amplitudes[k] / 2;
                signal[pulse + d] = (float) (ms > 2 && ms < 6 ? a * (1 - Math.abs(ms - 4) / 2)
                        : ms > 6 && ms < 10 ? -a * (1 - Math.abs(ms - 8) / 2) : 0);
            }
        }
    }

    /**
     * Runs a command as a developer would, with this build's Maven repository, offline, for the Maven it
     * starts; fails the test on a non-zero exit, showing its output.
     */
    private static void run(Path workingDir, Path log, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        String mavenOpts = env.getOrDefault("MAVEN_OPTS", "");
        env.put("MAVEN_OPTS", (mavenOpts + " -Dmaven.repo.local=" + System.getProperty("openionm.maven.repo")).trim());
        // offline: the sample needs the plugins and JUnit versions this build already fetched, so the test depends
        // on nothing but this build (Maven 3.9 reads extra arguments from MAVEN_ARGS, also under mvnw and ./openionm)
        env.put("MAVEN_ARGS", "-o");
        Process p = pb.start();
        if (!p.waitFor(CHILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + CHILD_TIMEOUT_MINUTES + " min: "
                    + Files.readString(log));
        }
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed: " + Files.readString(log));
    }

    /** What a build of the sample in the source tree left: its target folders and Tycho's generated poms. */
    private static boolean isBuildOutput(Path rel) {
        for (Path name : rel) {
            String n = name.toString();
            if (n.equals("target") || n.startsWith(".polyglot") || n.equals(".tycho-consumer-pom.xml")) {
                return true;
            }
        }
        return false;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(f);
                if (isBuildOutput(rel)) {
                    continue;
                }
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                } else {
                    Files.createDirectories(dest.getParent());
                    Files.copy(f, dest, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
