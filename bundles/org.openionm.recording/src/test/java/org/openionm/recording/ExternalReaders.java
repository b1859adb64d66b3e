package org.openionm.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openionm.io.edf.EdfReader;

/**
 * EDFlib (C, Debian libedf-dev; what EDFbrowser uses) and MNE-Python (Debian python3-mne) opening
 * our files, each in one process for all files. A missing tool fails the test with the package to
 * install: a skipped comparison would look like a passed one.
 */
final class ExternalReaders {

    static final Path BASEDIR = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    static final Path RESOURCES = BASEDIR.resolve("src/test/resources");
    static final Path TARGET = BASEDIR.resolve("target");

    /** Per file: samples per channel and the sum of every channel's physical values. */
    record Opened(long samples, double[] sums) {
    }

    private ExternalReaders() {
    }

    /** Every file opened by EDFlib; fails naming the files EDFlib refused and its error codes. */
    static Map<Path, Opened> edflib(List<Path> files) throws IOException, InterruptedException {
        Path exe = TARGET.resolve("edflib_check");
        if (!Files.exists(exe)) {
            Files.createDirectories(TARGET);
            Result r = run(List.of("gcc", "-O1", "-Wall", "-o", exe.toString(), RESOURCES.resolve("edflib_check.c").toString(),
                    "-ledf"), 120);
            if (r.exit() != 0) {
                fail("cannot build the EDFlib checker; install gcc and EDFlib: apt-get install gcc libedf-dev\n" + r.err());
            }
        }
        List<String> command = new ArrayList<>(List.of(exe.toString()));
        files.forEach(f -> command.add(f.toString()));
        return parse("EDFlib", run(command, 300), 2);
    }

    /** Every file opened by MNE; fails naming the files MNE refused and why. */
    static Map<Path, Opened> mne(List<Path> files) throws IOException, InterruptedException {
        String python = null;
        for (String p : List.of("/usr/bin/python3", "python3")) {
            try {
                if (run(List.of(p, "-c", "import mne"), 120).exit() == 0) {
                    python = p;
                    break;
                }
            } catch (IOException e) {
                // not on the PATH
            }
        }
        if (python == null) {
            fail("MNE-Python is not installed; the MNE check needs it: apt-get install python3-mne");
        }
        List<String> command = new ArrayList<>(List.of(python, RESOURCES.resolve("mne_check.py").toString()));
        files.forEach(f -> command.add(f.toString()));
        return parse("MNE", run(command, 600), 1);
    }

    /** The files as EDFlib/MNE read them agree with our EdfReader: sample count and every channel's sum. */
    static void assertSameAsOurReader(String tool, Map<Path, Opened> opened, List<Path> files) throws IOException {
        for (Path f : files) {
            Opened o = opened.get(f);
            assertTrue(o != null, tool + " did not report " + f);
            try (EdfReader reader = EdfReader.open(f)) {
                assertEquals(reader.sampleCount(0), o.samples(), tool + " samples in " + f);
                for (int c = 0; c < reader.signals().size(); c++) {
                    float[] x = reader.readPhysical(c, 0, (int) reader.sampleCount(c));
                    double sum = 0;
                    double magnitude = 0;
                    for (float v : x) {
                        sum += v;
                        magnitude += Math.abs(v);
                    }
                    // our reader returns float (7 digits), theirs double: the sums agree to float precision
                    assertEquals(sum, o.sums()[c], 1e-6 * magnitude + 1e-6, tool + " sum of channel " + c + " of " + f);
                }
            }
        }
    }

    private static Map<Path, Opened> parse(String tool, Result r, int skip) {
        Map<Path, Opened> map = new HashMap<>();
        List<String> refused = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            String[] p = line.split("\t", -1);
            if (p[0].equals("error")) {
                refused.add(line);
            } else if (p[0].equals("file")) {
                int first = 2 + skip;
                double[] sums = new double[p.length - first];
                for (int i = 0; i < sums.length; i++) {
                    sums[i] = Double.parseDouble(p[first + i]);
                }
                map.put(Path.of(p[1]), new Opened(Long.parseLong(p[1 + skip]), sums));
            }
        }
        if (!refused.isEmpty() || r.exit() != 0) {
            fail(tool + " refused files (exit " + r.exit() + "):\n" + String.join("\n", refused) + "\n" + r.err());
        }
        return map;
    }

    record Result(int exit, String out, String err) {
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
                fail(String.join(" ", command.subList(0, Math.min(2, command.size()))) + " did not finish within "
                        + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
