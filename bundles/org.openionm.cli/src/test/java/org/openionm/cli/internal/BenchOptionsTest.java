package org.openionm.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void withoutSectionsTheIssue3FiguresRunWithTheirDefaults() throws Exception {
        BenchOptions o = BenchOptions.parse(new String[0]);
        assertEquals(List.of("io"), o.sections());
        assertEquals(30, o.seconds("io"));
        assertEquals(300, o.seconds("pipeline"));
        assertEquals(10, o.seconds("filtfilt"));
        assertEquals(60, o.seconds("recorder"));
        assertEquals(120, o.seconds("emg"));
        assertEquals(100, o.kills());
        assertEquals(20, o.seeds());
        assertEquals(1, o.seed());
        assertEquals("spinal-cord-ischemia", o.scenario());
        assertEquals(180, o.baselineAt());
        assertEquals(10_000, o.rate());
        assertEquals(32, o.channels());
        assertEquals("/usr/bin/python3", o.python());
        assertNull(o.json());
    }

    @Test
    void readingRoomLoadRunSizeIsReadAndSmallByDefault() throws Exception {
        BenchOptions small = BenchOptions.parse(new String[] {"reading-room"});
        assertEquals(1, small.ors());
        assertEquals(1, small.readers());
        BenchOptions load = BenchOptions.parse(new String[] {"reading-room", "--ors", "20", "--readers", "5", "--seconds", "60"});
        assertEquals(20, load.ors());
        assertEquals(5, load.readers());
        assertEquals(60, load.seconds("reading-room"));
        assertThrows(UsageException.class, () -> BenchOptions.parse(new String[] {"reading-room", "--ors", "0"}));
    }

    @Test
    void reviewWritesOnlyTheRecordingWhereWriteSaysAndNowhereByDefault() throws Exception {
        assertNull(BenchOptions.parse(new String[] {"review"}).write());
        BenchOptions o = BenchOptions.parse(new String[] {"review", "--hours", "8", "--write", "/tmp/long-case.bdf"});
        assertEquals(Path.of("/tmp/long-case.bdf"), o.write());
        assertEquals(8, o.hours());
        assertEquals(List.of("review"), o.sections());
    }

    @Test
    void sectionsComeInCanonicalOrderOnceAndAllMeansEvery() throws Exception {
        assertEquals(List.of("pipeline", "filtfilt", "latency"),
                BenchOptions.parse(new String[] {"latency", "filtfilt", "pipeline", "latency"}).sections());
        assertEquals(BenchOptions.SECTIONS, BenchOptions.parse(new String[] {"all"}).sections());
        assertEquals(BenchOptions.SECTIONS, BenchOptions.parse(new String[] {"io", "all"}).sections());
    }

    @Test
    void optionsAreReadAndSecondsOverridesEverySection() throws Exception {
        BenchOptions o = BenchOptions.parse(new String[] {"pipeline", "--seconds", "60", "--seed", "7", "latency", "--seeds", "3",
                "--scenario", "stable-baseline", "--baseline-at", "150", "--rate", "20000", "--channels", "24", "--python",
                "/opt/py/bin/python3", "--json", "out.json", "--dir", "/tmp"});
        assertEquals(60, o.seconds("pipeline"));
        assertEquals(60, o.seconds("filtfilt"));
        assertEquals(7, o.seed());
        assertEquals(3, o.seeds());
        assertEquals("stable-baseline", o.scenario());
        assertEquals(150, o.baselineAt());
        assertEquals(20_000, o.rate());
        assertEquals(24, o.channels());
        assertEquals("/opt/py/bin/python3", o.python());
        assertEquals(Path.of("out.json").toAbsolutePath(), o.json());
        assertEquals(Path.of("/tmp"), o.dir());
    }

    @Test
    void mistakesAreNamed() {
        assertMessage("unknown section 'pipelines' (sections: io, pipeline, filtfilt, latency, recorder, cases, review, reading-room, eeg, emg, all)", "pipelines");
        assertMessage("unknown option --seed-count", "latency", "--seed-count", "3");
        assertMessage("option --json needs a value", "latency", "--json");
        UsageException seeds = assertThrows(UsageException.class, () -> BenchOptions.parse(new String[] {"--seeds", "0"}));
        assertTrue(seeds.getMessage().startsWith("--seeds must be between 1.0 and 1000.0"), seeds.getMessage());
        UsageException rate = assertThrows(UsageException.class, () -> BenchOptions.parse(new String[] {"--rate", "40000"}));
        assertTrue(rate.getMessage().startsWith("--rate must be between"), rate.getMessage());
        UsageException channels = assertThrows(UsageException.class, () -> BenchOptions.parse(new String[] {"--channels", "65"}));
        assertTrue(channels.getMessage().startsWith("--channels must be between"), channels.getMessage());
        UsageException seconds = assertThrows(UsageException.class, () -> BenchOptions.parse(new String[] {"--seconds", "soon"}));
        assertTrue(seconds.getMessage().contains("must be a number"), seconds.getMessage());
    }

    private static void assertMessage(String expected, String... args) {
        UsageException e = assertThrows(UsageException.class, () -> BenchOptions.parse(args));
        assertEquals(expected, e.getMessage());
    }
}
