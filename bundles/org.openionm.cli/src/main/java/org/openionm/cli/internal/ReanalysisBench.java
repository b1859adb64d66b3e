package org.openionm.cli.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.processing.ModalityProcessor;
import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfRecordingInfo;
import org.openionm.recording.Recorder;
import org.openionm.recording.Recorders;
import org.openionm.recording.RecordingSpec;
import org.openionm.report.CaseAnalysis;
import org.openionm.review.Reanalysis;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The re-analysis part of {@code openionm bench review} (issue 13): a simulated case of 32 channels at
 * 10 kHz with SSEP and periodic TcMEP stimulation (the {@code --scenario}, cut to {@code --hours}),
 * recorded to BDF+ by the recorder, then replayed by review's {@link Reanalysis} — fresh SSEP and MEP
 * processors on a private engine — as fast as it goes. The figure is case time / wall time; the
 * issue's goal is ≥ 300× on one core ({@code taskset -c 0 ./openionm bench review}).
 */
final class ReanalysisBench {

    private static final int CHANNELS = 32;
    private static final double RATE = 10_000;

    private final BenchReport r;

    ReanalysisBench(BenchReport report) {
        this.r = report;
    }

    /**
     * Heap the re-analysis's results hold per hour of case: 16 MB/h by heap histogram once the averages'
     * samples went to a temporary file (docs/performance.md, review memory), with room for the noise of
     * the bench's own heap line.
     */
    static final double HELD_MB_PER_HOUR = 60;

    /**
     * Whether the heap can hold the results of {@code hours} of re-analysis (with 300 MB for the rest);
     * checked before the review bench writes its files, so an 8-hour run with the default 2 GB heap
     * stops at once with the setting to use instead of running out of memory half an hour later.
     */
    static boolean heapSuffices(double hours, java.io.PrintStream err) {
        double neededMb = 300 + HELD_MB_PER_HOUR * hours;
        double maxMb = Runtime.getRuntime().maxMemory() / 1e6;
        if (maxMb >= neededMb) {
            return true;
        }
        err.printf(java.util.Locale.ROOT, "bench review: error: the re-analysis of %.2f h holds about %.0f MB of results;"
                + " the heap is %.0f MB. Run with OPENIONM_JAVA_OPTS=-Xmx%dg%n", hours, neededMb, maxMb,
                (long) Math.ceil(neededMb / 1000 + 0.5));
        return false;
    }

    /** @return false when the re-analysis did no clinical work (no SSEP averages or no MEP measurements) */
    boolean run(BenchOptions o, double hours, Path folder) throws Exception {
        long seconds = Math.round(hours * 3600);
        // its own folder: the BDF+ (28 GB for 8 h), the index the recorder writes beside it and the
        // scenario all go when the bench ends, also when it is interrupted (Ctrl-C runs the hook)
        Path dir = Files.createTempDirectory(folder, "openionm-reanalysis-bench");
        Thread cleanup = new Thread(() -> deleteFolder(dir), "bench review: delete temporary files");
        Runtime.getRuntime().addShutdownHook(cleanup);
        Path file = dir.resolve("reanalysis-case.bdf");
        Path scenario = dir.resolve("scenario.yaml");
        try {
            Files.writeString(scenario, PipelineBench.cut(Services.scenarioText(o.scenario()), seconds), StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            record(scenario, o.seed(), file, (long) (seconds * RATE));
            double writeS = (System.nanoTime() - t0) / 1e9;

            Reanalysis reanalysis = new Reanalysis(Services.driver(Services.engine(), "edf"), processorFactories());
            int cores = Runtime.getRuntime().availableProcessors();
            r.printf("Re-analysis (SSEP + TcMEP, fresh processors on a private engine) of %s (seed %d), %d ch × %.0f Hz BDF+,"
                    + " %.2f h; the JVM may use %d core%s%n%n", o.scenario(), o.seed(), CHANNELS, RATE, hours, cores,
                    cores == 1 ? "" : "s");
            r.printf("| what | figure |%n|---|---|%n");
            r.printf("| record the simulated case (%.1f GB) | %.1f s |%n", Files.size(file) / 1e9, writeS);
            t0 = System.nanoTime();
            // a bound, not a goal: 10 min, or 10× real time for a long case on a slow or busy machine
            Duration timeout = Duration.ofSeconds(Math.max(600, seconds / 10));
            CaseAnalysis a = reanalysis.run(file, seconds, Map.of(), Map.of(), Reanalysis.DEFAULT_BASELINE_SECONDS,
                    "bench: default", timeout, (done, total) -> { });
            double wallS = (System.nanoTime() - t0) / 1e9;
            // what the results hold (all averages, measurements, alarms): the heap an 8-hour case needs
            System.gc();
            double heldMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1e6;
            long ssepAverages = a.averages().stream().filter(t -> t.modality().equals("ssep")).count();
            long mepMeasurements = a.measurements().stream().filter(m -> m.modality().equals("mep")).count();
            long ssepMeasurements = a.measurements().stream().filter(m -> m.modality().equals("ssep")).count();
            r.printf("| re-analysis, wall clock | %.1f s = **%.0f× real time** |%n", wallS, seconds / wallS);
            r.printf("| SSEP averages / measurements, MEP measurements, alarms | %d / %d, %d, %d |%n", ssepAverages,
                    ssepMeasurements, mepMeasurements, a.alarms().size());
            r.printf("| heap in use after the re-analysis (its results held; full GC) | %.0f MB of %.0f MB max |%n", heldMb,
                    Runtime.getRuntime().maxMemory() / 1e6);
            for (String f : a.failures()) {
                r.printf("processor failure: %s%n", f);
            }
            r.out.println();
            r.json.key("reanalysis").begin('{').field("scenario", o.scenario()).field("seed", o.seed())
                    .field("caseSeconds", seconds).field("jvmCores", cores).field("wallSeconds", wallS)
                    .field("realTime", seconds / wallS).field("ssepAverages", ssepAverages)
                    .field("ssepMeasurements", ssepMeasurements).field("mepMeasurements", mepMeasurements)
                    .field("heldMegabytes", heldMb).end('}');
            return ssepAverages > 0 && mepMeasurements > 0 && a.failures().isEmpty();
        } finally {
            deleteFolder(dir);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs (or ran) anyway
            }
        }
    }

    /** Deletes the bench's folder and every file in it (it holds no subfolders). */
    private static void deleteFolder(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                return;
            }
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        } catch (java.io.IOException e) {
            System.err.println("bench review: could not delete " + dir + ": " + e);
        }
    }

    /** The simulator as fast as it goes into the recorder (one file, cut at {@code samples}). */
    private static void record(Path scenario, long seed, Path file, long samples) throws Exception {
        AcquisitionEngine engine = Services.engine();
        Recorder recorder = Recorders.create(RecordingSpec.singleFile(file, EdfFormat.BDF,
                EdfRecordingInfo.anonymous(LocalDateTime.of(2026, 12, 5, 8, 0)), "none").withEndSample(samples));
        try (ConsumerRegistration registration = engine.addConsumer("bench recorder", recorder, 4096)) {
            engine.start(Services.driver(engine, "simulator"), new AcquisitionConfig(RATE, CHANNELS, false,
                    Map.of("scenario", scenario.toString(), "seed", Long.toString(seed))));
            if (!recorder.awaitAcquisitionEnd(Duration.ofHours(4))) {
                engine.stop();
                throw new IllegalStateException("the simulated case did not end");
            }
        }
    }

    /** New processor instances for each run, as the Review part makes them (the services' classes). */
    private static List<Supplier<? extends ModalityProcessor>> processorFactories() throws InvalidSyntaxException {
        BundleContext context = FrameworkUtil.getBundle(ReanalysisBench.class).getBundleContext();
        List<Supplier<? extends ModalityProcessor>> factories = new ArrayList<>();
        for (ServiceReference<ModalityProcessor> ref : context.getServiceReferences(ModalityProcessor.class, null)) {
            ModalityProcessor service = context.getService(ref);
            if (service == null) {
                continue;
            }
            Class<? extends ModalityProcessor> type = service.getClass();
            String id = service.id();
            context.ungetService(ref);
            if (!id.equals("ssep") && !id.equals("mep")) {
                continue; // the figure: SSEP + TcMEP
            }
            factories.add(() -> {
                try {
                    return type.getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot make a new " + type.getName() + ": " + e, e);
                }
            });
        }
        return factories;
    }
}
