package org.openionm.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A workbench installed by {@code ./openionm site} (the p2 director), driven the way its
 * {@code openionm} launcher drives it: the Equinox launcher with the installation's configuration as
 * the shared read-only area and a private area per run.
 */
final class InstalledWorkbench {

    private static final long COMMAND_TIMEOUT_MINUTES = 5;

    final Path home;

    private InstalledWorkbench(Path home) {
        this.home = home;
    }

    /** An installation made elsewhere, e.g. by {@code ./openionm site}. */
    static InstalledWorkbench at(Path home) {
        assertTrue(Files.isDirectory(home.resolve("plugins")), "no installed workbench at " + home);
        return new InstalledWorkbench(home);
    }

    /** Symbolic names of the bundles the installation's simpleconfigurator will install. */
    Set<String> bundles() throws IOException {
        Path info = home.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info");
        try (Stream<String> lines = Files.lines(info)) {
            return lines.filter(l -> !l.startsWith("#")).map(l -> l.substring(0, l.indexOf(','))).collect(Collectors.toSet());
        }
    }

    /** Runs {@code org.openionm.cli.<command>} in this installation; fails the test on a non-zero exit. */
    String run(Path privateArea, String command, String... args) throws IOException, InterruptedException {
        Result r = start(privateArea, command, args);
        assertEquals(0, r.exit(), command + " failed: " + r.output());
        return r.output();
    }

    record Result(int exit, String output) {
    }

    /** Runs {@code org.openionm.cli.<command>} in this installation; returns its exit code and output. */
    Result start(Path privateArea, String command, String... args) throws IOException, InterruptedException {
        return start(privateArea, List.of(), command, args);
    }

    /** As {@link #start(Path, String, String...)}, with extra JVM options (e.g. a logging configuration). */
    Result start(Path privateArea, List<String> vmOptions, String command, String... args) throws IOException, InterruptedException {
        Path launcher;
        try (Stream<Path> plugins = Files.list(home.resolve("plugins"))) {
            launcher = plugins.filter(p -> p.getFileName().toString().matches("org\\.eclipse\\.equinox\\.launcher_.*\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("the installation has no Equinox launcher"));
        }
        // as the installation's own launcher starts it (the launcher jar's installation is the install area)
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        cmd.addAll(vmOptions);
        cmd.addAll(List.of("-Dosgi.sharedConfiguration.area=" + home.resolve("configuration"), "-jar", launcher.toString(),
                "-configuration", privateArea.resolve("configuration-" + command).toString(), "-nosplash", "-consoleLog",
                "-data", "@none", "-application", "org.openionm.cli." + command));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(privateArea, command, ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OPENIONM_DATA", privateArea.resolve("data").toString()); // never the user's own cases
        Process p = pb.start();
        if (!p.waitFor(COMMAND_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + COMMAND_TIMEOUT_MINUTES + " min: " + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log));
    }

    /**
     * Records a few minutes of the spinal-cord-ischemia scenario with this installation's simulator
     * and analyses it with the processors installed; returns the analysis.
     */
    JsonNode recordAndAnalyse(Path dir) throws IOException, InterruptedException {
        Path edf = dir.resolve("case.edf");
        Path json = dir.resolve("analysis.json");
        // 200 s: the first 500-sweep SSEP average completes at 158 s; TcMEP trains come every 30 s
        run(dir, "simulate", "--scenario", "spinal-cord-ischemia", "--duration", "200", "--channels", "16", "--rate", "5000",
                "--seed", "1", "--out", edf.toString());
        run(dir, "analyze", edf.toString(), "--json", json.toString());
        return new ObjectMapper().readTree(json.toFile());
    }

    static Set<String> processors(JsonNode analysis) {
        Set<String> ids = new java.util.TreeSet<>();
        analysis.get("processors").forEach(n -> ids.add(n.asText()));
        return ids;
    }

    static Set<String> sitesOf(JsonNode analysis, String modality) {
        Set<String> sites = new java.util.TreeSet<>();
        for (JsonNode m : analysis.get("measurements")) {
            if (modality.equals(m.get("modality").asText())) {
                sites.add(m.get("site").asText());
            }
        }
        return sites;
    }

    static long measurementsOf(JsonNode analysis, String modality) {
        long n = 0;
        for (JsonNode m : analysis.get("measurements")) {
            if (modality.equals(m.get("modality").asText())) {
                n++;
            }
        }
        return n;
    }
}
