package org.openionm.cli.internal;

import java.io.PrintStream;

/** One self-overwriting progress line on stderr for long runs. */
final class Progress {

    private final PrintStream out;
    private final String what;
    private final long startNanos = System.nanoTime();
    private int lastLength;

    Progress(PrintStream out, String what) {
        this.out = out;
        this.what = what;
    }

    void show(double doneSeconds, double totalSeconds) {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        String line = String.format("%s: %.1f / %.1f s of signal (%3.0f %%), %.1f× real time", what, doneSeconds,
                totalSeconds, 100 * Math.min(1, doneSeconds / totalSeconds), elapsed > 0 ? doneSeconds / elapsed : 0);
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        out.flush();
        lastLength = line.length();
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    void done() {
        out.println();
    }
}
