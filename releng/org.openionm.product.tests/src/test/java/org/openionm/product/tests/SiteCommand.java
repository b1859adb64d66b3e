package org.openionm.product.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./openionm site …} of this source tree, run as a hospital's IT would, against the p2
 * repository this build produced.
 */
final class SiteCommand {

    private static final long TIMEOUT_MINUTES = 10;

    record Result(int exit, String output) {
    }

    static Path root() {
        return Path.of(System.getProperty("openionm.root")).toAbsolutePath().normalize();
    }

    static Path repository() {
        return Path.of(System.getProperty("openionm.repository")).toAbsolutePath().normalize();
    }

    /** Runs {@code ./openionm site <args> --repository <this build's repository>}. */
    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(root().resolve("openionm").toString(), "site"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--repository", repository().toString()));
        Path log = Files.createTempFile(workDir, "site", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("site " + args[0] + " did not finish within " + TIMEOUT_MINUTES + " min: " + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log));
    }
}
