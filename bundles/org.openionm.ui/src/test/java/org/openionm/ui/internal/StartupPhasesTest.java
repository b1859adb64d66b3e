package org.openionm.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openionm.ui.internal.StartupPhases.Phase;

/**
 * Issue 15: the start-up phases {@code ./openionm bench ui --warm} reports. The UI thread's CPU is read
 * from /proc; it must agree with the JVM's own count of the same thread's CPU, and marks must keep
 * the order and the first moment of each phase.
 */
class StartupPhasesTest {

    @Test
    void theThreadCpuFromProcAgreesWithTheJvmsCount() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long jvmBefore = threads.getCurrentThreadCpuTime();
        long procBefore = StartupPhases.threadCpuMs();
        double sink = 0;
        // about 300 ms of this thread's CPU (counted, not timed by the clock)
        while (threads.getCurrentThreadCpuTime() - jvmBefore < 300_000_000L) {
            for (int i = 0; i < 10_000; i++) {
                sink += Math.sqrt(i + sink % 7);
            }
        }
        long jvmMs = (threads.getCurrentThreadCpuTime() - jvmBefore) / 1_000_000;
        long procMs = StartupPhases.threadCpuMs() - procBefore;
        assertTrue(procBefore >= 0, "readable on Linux");
        // /proc counts in ticks of 10 ms: each of the two readings may be up to one tick off
        assertTrue(Math.abs(procMs - jvmMs) <= 25, "/proc says " + procMs + " ms, the JVM " + jvmMs + " ms (" + sink + ")");
    }

    @Test
    void theProcessStartIsTheKernelsNotProcessHandlesWholeSecondBootTime() throws Exception {
        long ours = StartupPhases.msSinceProcessStart();
        long jvmUptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long handle = java.time.Duration.between(ProcessHandle.current().info().startInstant().orElseThrow(),
                java.time.Instant.now()).toMillis();
        // the process existed before its JVM: one 10-ms tick of /proc's resolution either way
        assertTrue(ours >= jvmUptime - 10, "process " + ours + " ms, JVM " + jvmUptime + " ms");
        // ProcessHandle counts from /proc/stat's btime, whole seconds: it is early by the fraction of the boot second
        String btime = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).stream()
                .filter(l -> l.startsWith("btime ")).findFirst().orElseThrow().substring(6).strip();
        String uptime = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime"));
        double bootFraction = System.currentTimeMillis() / 1000.0 - Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')))
                - Long.parseLong(btime);
        assertEquals(bootFraction * 1000, handle - ours, 40, "ProcessHandle's start is early by the boot second's fraction");
    }

    @Test
    void marksKeepTheirOrderAndTheFirstMomentOfAName() {
        StartupPhases.mark("test-first");
        List<Phase> once = StartupPhases.phases();
        StartupPhases.mark("test-second");
        StartupPhases.mark("test-first");
        List<Phase> all = StartupPhases.phases();

        Phase first = find(all, "test-first");
        Phase second = find(all, "test-second");
        assertEquals(find(once, "test-first"), first, "a second mark of the same name changes nothing");
        assertEquals(1, all.stream().filter(p -> p.name().equals("test-first")).count());
        assertTrue(all.indexOf(first) < all.indexOf(second));
        assertTrue(first.wallMs() <= second.wallMs() && first.cpuMs() <= second.cpuMs());
        assertTrue(first.threadCpuMs() <= first.cpuMs() + 10, "one thread's CPU within the process's (one tick)");
        Phase jvm = all.get(0);
        assertEquals("jvm-started", jvm.name(), "the JVM's start comes first");
        assertTrue(jvm.wallMs() >= 0 && jvm.wallMs() <= first.wallMs(), jvm + " before " + first);
    }

    @Test
    void theLogLineNamesEveryPhaseWithItsThreeFigures() {
        assertEquals("start-up phases, ms after process start (wall / process CPU / UI thread CPU):"
                + " jvm-started 310 / - / -, first-trace 2950 / 4100 / 1870",
                StartupPhases.summary(List.of(new Phase("jvm-started", 310, -1, -1), new Phase("first-trace", 2950, 4100, 1870))));
    }

    private static Phase find(List<Phase> phases, String name) {
        return phases.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " in " + phases));
    }
}
