package org.openionm.ui.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Execute;

/**
 * Where a start goes (issue 15, "first trace &lt; 3 s warm"): the moments the workbench passes on its way
 * to the first painted trace, as wall time since the process started and as the process's CPU time
 * (utime + stime, which a loaded machine does not inflate the way it inflates wall time). Each mark
 * costs a few small reads of /proc; they are logged once, with the first trace, and written
 * to the display statistics file ({@code ./openionm bench ui}).
 */
public final class StartupPhases {

    /**
     * One moment of the start: ms since the process started, the process's CPU ms by then, and the CPU ms of
     * the thread that marked it (the UI thread, but for the launcher's marks); -1 when unknown.
     */
    public record Phase(String name, long wallMs, long cpuMs, long threadCpuMs) {
    }

    private static final List<Phase> PHASES = new ArrayList<>();

    private StartupPhases() {
    }

    /** Records that the start has reached {@code name} now (the first mark of a name counts). */
    public static synchronized void mark(String name) {
        for (Phase p : PHASES) {
            if (p.name().equals(name)) {
                return;
            }
        }
        long wall = msSinceProcessStart();
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        PHASES.add(new Phase(name, wall, cpu, threadCpuMs()));
    }

    /**
     * Wall ms since this process started. {@code ProcessHandle.Info.startInstant()} is not used: on Linux it
     * adds the start's clock ticks to the boot time of /proc/stat, which has whole seconds, so it puts the
     * start up to a second early (0.85 s on the machine of issue 15, the same for every process until the
     * next boot). /proc/uptime and the start in ticks since boot (/proc/self/stat field 22) share one origin.
     */
    public static long msSinceProcessStart() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(f[19]); // field 22 of proc(5); the split starts at field 3
            String uptime = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime"));
            double upSeconds = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
            return Math.round(upSeconds * 1000) - startTicks * 10; // USER_HZ is 100 on Linux
        } catch (java.io.IOException | RuntimeException e) {
            return ProcessHandle.current().info().startInstant().map(start -> Duration.between(start, Instant.now()).toMillis())
                    .orElse(-1L);
        }
    }

    /**
     * The calling thread's utime + stime from {@code /proc/thread-self/stat} (Linux; -1 elsewhere): the UI
     * thread's own share, which the JIT and GC threads' work beside it does not blur. Read from the file
     * because the management beans would load more classes than the start can spare.
     */
    static long threadCpuMs() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/thread-self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state is field 3, utime 14 and stime 15 (proc(5)), in clock ticks of 10 ms
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The marks so far, preceded by the two the launcher knows: the JVM's own start (after the heap is
     * reserved and touched) and the moment the Equinox launcher began to start the framework
     * ({@code eclipse.startTime}), both as wall ms since the process started (their CPU is not known).
     */
    public static synchronized List<Phase> phases() {
        List<Phase> all = new ArrayList<>();
        long processStart = System.currentTimeMillis() - msSinceProcessStart();
        all.add(new Phase("jvm-started", java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()
                - processStart, -1, -1));
        String osgi = System.getProperty("eclipse.startTime");
        if (osgi != null && osgi.matches("\\d+")) {
            all.add(new Phase("osgi-launch", Long.parseLong(osgi) - processStart, -1, -1));
        }
        all.addAll(PHASES);
        return all;
    }

    /** One line for the log: {@code name wall/cpu ms, …}. */
    public static String summary(List<Phase> phases) {
        StringBuilder s = new StringBuilder("start-up phases, ms after process start (wall / process CPU / UI thread CPU):");
        for (Phase p : phases) {
            s.append(' ').append(p.name()).append(' ').append(p.wallMs()).append(" / ")
                    .append(p.cpuMs() < 0 ? "-" : Long.toString(p.cpuMs())).append(" / ")
                    .append(p.threadCpuMs() < 0 ? "-" : Long.toString(p.threadCpuMs())).append(',');
        }
        s.setLength(s.length() - 1);
        return s.toString();
    }

    /**
     * Model processor run by E4 before the fragments are merged: the framework has started, the E4
     * application has its display and has read Application.e4xmi.
     */
    public static final class ModelRead {
        @Execute
        public void execute() {
            mark("e4-model-read");
        }
    }

    /** Model processor run by E4 after every fragment and processor: the application model is complete. */
    public static final class ModelMerged {
        @Execute
        public void execute() {
            mark("e4-model-merged");
        }
    }
}
