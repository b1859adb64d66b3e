package org.openionm.cli.internal;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of {@code openionm bench}: which sections to run and their options. Pure, so
 * the parsing is unit-tested without an OSGi runtime.
 *
 * @param sections   in canonical order: io, pipeline, filtfilt, latency, recorder, cases, review, reading-room, eeg, emg
 * @param seconds    --seconds, NaN when absent (each section then uses its own default)
 * @param seed       seed of the pipeline run
 * @param seeds      latency: runs with seeds 1..seeds
 * @param scenario   pipeline and latency: bundled scenario name or file
 * @param baselineAt latency: case time at which baselines are captured
 * @param rate       latency: sampling rate of the seeded runs
 * @param channels   latency: channels of the seeded runs
 * @param kills      recorder: kill -9 of a recording process (0: CPU figure only)
 * @param python     filtfilt: the interpreter that runs scipy
 * @param dir        folder for temporary files
 * @param json       results as JSON, or null
 * @param hours      review: hours of recording to index and seek in
 * @param ors        reading-room: publishing ORs (1 with 1 reader: the latency and bandwidth figures; more: the load run)
 * @param readers    reading-room: readers, each following every OR's case
 * @param write      review: only write the recording to this file and keep it (for {@code bench review-ui}), or null
 */
record BenchOptions(List<String> sections, double seconds, long seed, int seeds, String scenario, double baselineAt,
        double rate, int channels, int kills, String python, Path dir, Path json,
        double hours, int ors, int readers, Path write) {

    static final List<String> SECTIONS = List.of("io", "pipeline", "filtfilt", "latency", "recorder", "cases", "review", "reading-room", "eeg", "emg");

    static final String USAGE = "usage: openionm bench [io] [pipeline] [filtfilt] [latency] [recorder] [cases] [review] [reading-room] [eeg] [emg] [all] [--seconds S]"
            + " [--seed N] [--seeds N] [--scenario name|file] [--baseline-at S] [--rate Hz] [--channels N] [--kills N]"
            + " [--python path] [--hours H] [--ors N] [--readers M] [--write file.bdf]"
            + " [--dir folder] [--json file]\n"
            + "  io        simulator, EDF+/BDF+ write and read, MNE on the same file (default section; --seconds, default 30)\n"
            + "  pipeline  64 ch x 20 kHz simulator -> engine -> SSEP and MEP processors (--seconds, default 300;"
            + " --scenario, --seed); for the one-core figure run it as 'taskset -c 0 ./openionm bench pipeline'\n"
            + "  filtfilt  zero-phase Butterworth band-pass, ours vs scipy.signal.sosfiltfilt on the same data"
            + " (--seconds, default 10; --python, default /usr/bin/python3)\n"
            + "  latency   alarm latency over --seeds seeded runs (default 20) of --scenario (default spinal-cord-ischemia),"
            + " baselines at --baseline-at (default 180 s), --rate/--channels (default 10000 Hz, 32)\n"
            + "  review    --hours (default 1) of 32 ch x 10 kHz BDF: envelope index build, open, seek and draw"
            + " (the issue's figure: --hours 8, a 28 GB file, deleted"
            + " afterwards); then re-analysis (SSEP + TcMEP) of a simulated case of"
            + " --hours of --scenario, x real time (one core: taskset -c 0); with --write file.bdf only the recording is"
            + " written there and kept (what ./openionm bench review-ui opens in the workbench)\n"
            + "  reading-room  a throw-away mosquitto on loopback: alarm and trace-frame latency OR -> reader, bandwidth"
            + " per OR at 32 channels (--seconds, default 30); with --ors N and/or --readers M (default 1 and 1) the load run:"
            + " N ORs x M readers following every case, per-reader alarm latency and QoS 0 losses, broker CPU and message rates\n"
            + "  eeg       CPU of the installed EEG processor at 32 channels, 1 kHz and 20 kHz input (--seconds, default 120)\n"
            + "  emg       free-run EMG: CPU at 32 ch x 20 kHz; A-train detection over --seeds seeded 120-s cases (default 20)"
            + " against the simulator's truth; live latency A-train onset -> alarm and -> sound path over --seconds (default 120)"
            + " of the simulator in real time at --rate/--channels (default 10000 Hz, 32)";

    static final String DEFAULT_SCENARIO = "spinal-cord-ischemia";

    static BenchOptions parse(String[] args) throws UsageException {
        Arguments a = Arguments.parse(args, Set.of("seconds", "seed", "seeds", "scenario", "baseline-at", "rate", "channels",
                "kills", "python", "dir", "json", "hours", "ors", "readers", "write"));
        Set<String> chosen = new LinkedHashSet<>();
        for (String p : a.positional()) {
            if (p.equals("all")) {
                chosen.addAll(SECTIONS);
            } else if (SECTIONS.contains(p)) {
                chosen.add(p);
            } else {
                throw new UsageException("unknown section '" + p + "' (sections: " + String.join(", ", SECTIONS) + ", all)");
            }
        }
        if (chosen.isEmpty()) {
            chosen.add("io"); // the issue-3 figures, as before sections existed
        }
        List<String> sections = SECTIONS.stream().filter(chosen::contains).toList();
        double seconds = a.number("seconds", Double.NaN, 1, 3600);
        long seed = (long) a.number("seed", 1, 0, 1e12);
        int seeds = (int) a.number("seeds", 20, 1, 1000);
        double baselineAt = a.number("baseline-at", 180, 0, 86_400);
        double rate = a.number("rate", 10_000, 1000, 20_000);
        int channels = (int) a.number("channels", 32, 1, 64);
        int kills = (int) a.number("kills", 100, 0, 10_000);
        String json = a.optional("json", null);
        String write = a.optional("write", null);
        return new BenchOptions(sections, seconds, seed, seeds, a.optional("scenario", DEFAULT_SCENARIO), baselineAt, rate,
                channels, kills, a.optional("python", "/usr/bin/python3"),
                Path.of(a.optional("dir", System.getProperty("java.io.tmpdir"))),
                json == null ? null : Path.of(json).toAbsolutePath(), a.number("hours", 1, 0.01, 24),
                (int) a.number("ors", 1, 1, 200), (int) a.number("readers", 1, 1, 100),
                write == null ? null : Path.of(write).toAbsolutePath());
    }

    /** Seconds of signal for {@code section}: --seconds when given, else the section's default. */
    double seconds(String section) {
        if (!Double.isNaN(seconds)) {
            return seconds;
        }
        return switch (section) {
            case "pipeline" -> 300;
            case "filtfilt" -> 10;
            case "recorder" -> 60;
            case "eeg" -> 120;
            case "emg" -> 120;
            default -> 30;
        };
    }
}
