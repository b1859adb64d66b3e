package org.openionm.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * kill -9 for crash tests: starts a class's {@code main} in a child JVM on the test's class path,
 * waits until it has reported progress, kills it with SIGKILL a chosen time later, and returns the
 * last progress it reported before it died. The child reports by printing lines {@code "S <n>"}
 * (US-ASCII, flushed), n being how many samples it has given away so far; other lines are ignored.
 * The recorder's crash test and review's index-while-recording test both kill a recording this way.
 *
 * @since 0.4.1
 */
public final class KilledChild {

    /** A loaded machine starts a JVM slowly: the child must report within this, or it did not start. */
    static final long START_BOUND_SECONDS = 60;
    /** After SIGKILL the child is gone within this, and its output pipe closed. */
    static final long DEATH_BOUND_SECONDS = 30;

    private KilledChild() {
    }

    /**
     * Runs {@code main} with {@code args} in a child JVM (-Xmx256m, the test class path), kills it
     * {@code delayMs} after it has reported at least {@code reported} samples and returns the last
     * number it reported. The child's standard error goes to {@code folder/child.err}, which is
     * deleted after a normal run and quoted when the child does not start.
     *
     * @throws AssertionError if the child dies or stays silent before reporting {@code reported}
     *         samples, or does not die after the kill
     */
    public static long runAndKill(Path folder, Class<?> main, long reported, int delayMs, String... args) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path stderr = folder.resolve("child.err");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-cp", classPath, main.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        AtomicLong last = new AtomicLong(-1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("S ")) {
                        last.set(Long.parseLong(line.substring(2)));
                    }
                }
            } catch (IOException e) {
                // the pipe closes when the child dies
            }
        });
        reader.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_BOUND_SECONDS);
            while (last.get() < reported) {
                if (!child.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("the child " + main.getSimpleName() + " did not start (reported " + last.get()
                            + " of " + reported + " samples): " + Files.readString(stderr));
                }
                Thread.sleep(2);
            }
            Thread.sleep(delayMs); // the moment of the kill, not a wait for a result
        } finally {
            child.destroyForcibly();
        }
        if (!child.waitFor(DEATH_BOUND_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the child " + main.getSimpleName() + " did not die");
        }
        reader.join(TimeUnit.SECONDS.toMillis(DEATH_BOUND_SECONDS)); // reads what the child printed up to its death
        Files.delete(stderr);
        return last.get();
    }
}
