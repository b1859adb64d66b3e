package org.openionm.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.io.edf.EdfAnnotation;
import org.openionm.io.edf.EdfReader;
import org.osgi.framework.Bundle;

/** The headless commands inside OSGi, with Declarative Services and the real simulated amplifier. */
class CommandsIntegrationTest {

    @TempDir
    Path dir;

    /** Runs an application with arguments, capturing stdout and stderr. */
    private record Result(int exit, String out, String err) {
    }

    private static Result run(Callable<IApplication> app, String... args) throws Exception {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            Object exit = app.call().start(context(args));
            return new Result((Integer) exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void simulateWritesAnEdfFileThatInfoDescribes() throws Exception {
        Path file = dir.resolve("baseline.edf");
        Result sim = run(SimulateApplication::new, "--scenario", "stable-baseline", "--duration", "6", "--out", file.toString(),
                "--rate", "2000", "--channels", "16", "--seed", "3");
        assertEquals(0, sim.exit(), sim.err());
        assertTrue(sim.err().contains("wrote " + file), sim.err());
        try (EdfReader reader = EdfReader.open(file)) {
            assertEquals(16, reader.signals().size());
            for (int s = 0; s < 16; s++) {
                assertEquals(12_000, reader.sampleCount(s), "exactly the requested 6 s at 2 kHz");
                assertEquals(2000, reader.signals().get(s).samplingRateHz());
            }
            long stimuli = reader.annotations().stream().map(EdfAnnotation::text).filter(t -> t.startsWith("STIM ")).count();
            assertTrue(stimuli > 0, "the scenario's stimulation is recorded");
            assertTrue(reader.annotations().stream().allMatch(a -> a.onsetSeconds() < 6.0 + 1e-9), "nothing after the end");
        }
        Result info = run(InfoApplication::new, file.toString());
        assertEquals(0, info.exit(), info.err());
        assertTrue(info.out().contains("Channels:    16"), info.out());
        assertTrue(info.out().contains("Duration:    6.000 s"), info.out());
    }

    @Test
    void badInputGivesAClearMessageAndANonZeroExit() throws Exception {
        Result usage = run(SimulateApplication::new, "--scenario", "stable-baseline", "--out", dir.resolve("x.edf").toString());
        assertEquals(2, usage.exit());
        assertTrue(usage.err().contains("missing --duration"), usage.err());

        Result extension = run(SimulateApplication::new, "--scenario", "stable-baseline", "--duration", "1", "--out",
                dir.resolve("x.txt").toString());
        assertEquals(2, extension.exit());
        assertTrue(extension.err().contains(".edf"), extension.err());

        Result scenario = run(SimulateApplication::new, "--scenario", "no-such-scenario", "--duration", "1", "--out",
                dir.resolve("x.edf").toString());
        assertEquals(1, scenario.exit());
        assertTrue(scenario.err().contains("no-such-scenario"), scenario.err());

        Path garbage = dir.resolve("garbage.edf");
        Files.writeString(garbage, "this is not an EDF file at all, just text that is long enough to be read".repeat(10));
        Result info = run(InfoApplication::new, garbage.toString());
        assertEquals(1, info.exit());
        assertTrue(info.err().contains("not a valid EDF/BDF file"), info.err());

        Result missing = run(InfoApplication::new, dir.resolve("missing.edf").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    private static IApplicationContext context(String... args) {
        return new IApplicationContext() {
            @Override
            public Map<String, Object> getArguments() {
                return Map.of(APPLICATION_ARGS, args);
            }

            @Override
            public void applicationRunning() {
            }

            @Override
            public String getBrandingApplication() {
                return null;
            }

            @Override
            public String getBrandingName() {
                return null;
            }

            @Override
            public String getBrandingDescription() {
                return null;
            }

            @Override
            public String getBrandingId() {
                return null;
            }

            @Override
            public String getBrandingProperty(String key) {
                return null;
            }

            @Override
            public Bundle getBrandingBundle() {
                return null;
            }

            @Override
            public void setResult(Object result, IApplication application) {
            }
        };
    }
}
