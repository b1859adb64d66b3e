package org.openionm.io.edf;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The independent EDF readers the tests compare against: EDFlib (C, Debian libedf-dev) and
 * MNE-Python (Debian python3-mne). A missing tool fails the test with the package to install: a
 * skipped comparison would look like a passed one.
 */
final class ExternalTools {

    static final Path BASEDIR = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    static final Path RESOURCES = BASEDIR.resolve("src/test/resources");
    static final Path TARGET = BASEDIR.resolve("target");

    private ExternalTools() {
    }

    /** Compiles src/test/resources/edflib_dump.c against EDFlib into target/. */
    static synchronized Path edflibDump() throws IOException, InterruptedException {
        Path exe = TARGET.resolve("edflib_dump");
        if (!works(List.of("gcc", "--version"))) {
            fail("gcc is not installed; the EDFlib cross-check needs it: apt-get install gcc libedf-dev");
        }
        Files.createDirectories(TARGET);
        Result r = run(List.of("gcc", "-O1", "-Wall", "-o", exe.toString(),
                RESOURCES.resolve("edflib_dump.c").toString(), "-ledf"), 120);
        if (r.exit() != 0) {
            fail("cannot build the EDFlib checker; install EDFlib: apt-get install libedf-dev\n" + r.err() + r.out());
        }
        return exe;
    }

    /** A Python 3 that can import mne (the Debian one first: pyenv shims may hide it). */
    static synchronized String pythonWithMne() throws IOException, InterruptedException {
        for (String python : List.of("/usr/bin/python3", "python3")) {
            if (works(List.of(python, "-c", "import mne"))) {
                return python;
            }
        }
        fail("MNE-Python is not installed; the MNE cross-check needs it: apt-get install python3-mne");
        return null;
    }

    record Result(int exit, String out, String err) {
        List<String[]> lines(String key) {
            List<String[]> list = new ArrayList<>();
            for (String line : out.split("\n")) {
                String[] parts = line.split("\t", -1);
                if (parts[0].equals(key)) {
                    list.add(parts);
                }
            }
            return list;
        }

        String value(String key) {
            List<String[]> l = lines(key);
            if (l.size() != 1) {
                fail("expected one '" + key + "' line in:\n" + out + err);
            }
            return l.get(0)[1];
        }
    }

    static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("tool", ".out");
        Path err = Files.createTempFile("tool", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("PYTHONIOENCODING", "utf-8");
            pb.environment().put("MPLBACKEND", "Agg");
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static boolean works(List<String> command) throws InterruptedException {
        try {
            return run(command, 120).exit() == 0;
        } catch (IOException e) {
            return false; // not on the PATH
        }
    }
}
