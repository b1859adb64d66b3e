package org.openionm.cli.internal;

import java.io.PrintStream;
import java.util.Locale;

/** Where the sections write: a Markdown-style table on stdout and, in the same run, the JSON document. */
final class BenchReport {

    final PrintStream out;
    final PrintStream err;
    final Json json = new Json();

    BenchReport(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    void printf(String format, Object... args) {
        out.printf(Locale.ROOT, format, args);
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** "12.3" or "–" for NaN. */
    static String num(String format, double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "–";
    }
}
