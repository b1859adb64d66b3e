package org.openionm.cli.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * {@code openionm bench [io] [pipeline] [filtfilt] [latency] [recorder] [cases] [review] [reading-room] [eeg] [emg] [all]}: the figures of
 * docs/performance.md, measured in one run on this machine. Each section is a class of its own:
 * {@link IoBench} (issue 3: simulator, EDF+/BDF+, MNE), {@link PipelineBench} (whole pipeline × real
 * time), {@link FiltfiltBench} (zero-phase band-pass against scipy) and {@link LatencyBench} (alarm
 * latency over seeded scenario runs), {@link RecorderBench} (recorder CPU, kill -9 loop), {@link CasesBench} (case store open, event entry latency, audit verify). Wall-clock
 * timings of whole workloads, not micro-benchmarks.
 * Exits 1 when a section did no work (e.g. the pipeline produced no averages).
 */
public class BenchApplication extends Command {

    @Override
    String name() {
        return "bench";
    }

    @Override
    String usage() {
        return BenchOptions.USAGE;
    }

    @Override
    int run(String[] args) throws Exception {
        BenchOptions o = BenchOptions.parse(args);
        if (o.json() != null && o.json().getParent() != null && !Files.isDirectory(o.json().getParent())) {
            throw new UsageException("the folder of --json does not exist: " + o.json().getParent());
        }
        BenchReport r = new BenchReport(System.out, err);
        r.printf("# OpenIONM benchmarks: %s, %d cores visible to the JVM, Java %s, sections %s%n%n", System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), o.sections());
        r.json.begin('{').field("arch", System.getProperty("os.arch")).field("cores", Runtime.getRuntime().availableProcessors())
                .field("java", System.getProperty("java.version"));
        boolean ok = true;
        for (String section : o.sections()) {
            switch (section) {
                case "io" -> new IoBench(r).run(o.seconds("io"), Files.createDirectories(o.dir()));
                case "pipeline" -> ok &= new PipelineBench(r).run(o, o.seconds("pipeline"));
                case "filtfilt" -> new FiltfiltBench(r).run(o, o.seconds("filtfilt"));
                case "latency" -> ok &= new LatencyBench(r).run(o);
                case "recorder" -> ok &= new RecorderBench(r).run(o, o.seconds("recorder"), o.kills());
                case "cases" -> ok &= new CasesBench(r).run(o.dir(), 1000);
                case "review" -> ok &= o.write() != null ? new ReviewBench(r).writeOnly(o.hours(), o.write())
                        : ReanalysisBench.heapSuffices(o.hours(), r.err) && new ReviewBench(r).run(o.hours(), o.dir())
                        & new ReanalysisBench(r).run(o, o.hours(), Files.createDirectories(o.dir()));
                case "reading-room" -> ok &= o.ors() == 1 && o.readers() == 1 ? new ReadingRoomBench(r).run(o.seconds("reading-room"))
                        : new ReadingRoomLoadBench(r).run(o.ors(), o.readers(), o.seconds("reading-room"));
                case "eeg" -> ok &= new EegBench(r).run(o.seconds("eeg"));
                case "emg" -> ok &= new EmgBench(r).run(o, o.seconds("emg"));
                default -> throw new IllegalStateException(section);
            }
        }
        r.json.end('}');
        if (o.json() != null) {
            Files.writeString(o.json(), r.json.toString(), StandardCharsets.UTF_8);
            err.println("bench: results written to " + o.json());
        }
        if (!ok) {
            err.println("bench: error: a benchmark did no work or lost data (see above)");
            return 1;
        }
        return 0;
    }
}
