package org.openionm.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short {@code bench emg} with the installed free-run EMG plugin: two seeded replays and 30 s of the
 * simulator in real time. Asserts detection against the simulator's ground truth (the figures of
 * docs/performance.md come from the full run); timings are printed, never asserted.
 */
class EmgBenchIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void aTrainsOfSeededCasesAndOfTheLiveRunAreFoundAgainstTheirTruth() throws Exception {
        Path json = dir.resolve("bench.json");
        Apps.Result bench = Apps.run(BenchApplication::new, "emg", "--seeds", "2", "--seconds", "30", "--channels", "20", "--dir",
                dir.toString(), "--json", json.toString());
        assertEquals(0, bench.exit(), bench.err());
        System.out.println(bench.out());
        String out = CommandsIntegrationTest.python(json, "e=d['emg']; l=e['live'];"
                + " print(e['scripted'] >= 30, e['found'] >= 0.9 * e['scripted'], e['falseATrains'], e['trainTimeErrorMaxPercent'] <= 10,"
                + " e['onsetErrorMaxMs'] < 50, l['scripted'] >= 2, l['alarms'] == l['scripted'], e['cpuPercent32ch20kHz'] > 0)");
        assertEquals("True True 0 True True True True True", out,
                "≥ 90 % of the A-trains of 2 seeded cases within 50 ms, none false, train time within 10 %; every live A-train"
                        + " raised its alarm:\n" + bench.out());
        assertTrue(bench.out().contains("onset → alarm raised, wall clock"), bench.out());
    }
}
