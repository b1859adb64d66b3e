package org.openionm.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AverageTrace;

/**
 * The whole-pipeline scenarios, headless and as fast as possible: simulator → engine →
 * SSEP and TcMEP processors → alarm conditions, against the scenarios' scripted ground truth.
 * Seeds 1–3 are the first three, not picked; the 20-seed distribution is `./openionm bench latency`.
 */
class ScenarioAlarmsIntegrationTest {

    /** spinal-cord-ischemia.yaml: left tibial SSEP −80 % over 20 s from 300 s, so −50 % at 312.5 s. */
    static final double SSEP_CROSSES = 300 + 20 * 50.0 / 80;
    /** Lower-limb average: 500 sweeps at 3.17 Hz. */
    static final double SSEP_WINDOW = 500 / 3.17;
    /** Left-leg MEPs −95 % over 30 s from 300 s, so −80 % at 325.3 s. */
    static final double MEP_CROSSES = 300 + 30 * 80.0 / 95;
    /** A TcMEP train every 30 s: the MEP's "averaging window" is one train interval. */
    static final double MEP_WINDOW = 30;

    @TempDir
    Path dir;

    @Test
    void spinalCordIschemiaRaisesTheSsepAndMepAlarmsWithinOneWindowOfTheCriterion() throws Exception {
        for (String seed : List.of("1", "2", "3")) {
            ischemia(seed);
        }
    }

    private static void ischemia(String seed) throws Exception {
        ScenarioReplay r = ScenarioReplay.run("spinal-cord-ischemia", seed, 24, 5000, 280);

        double ssep = r.firstRaised("ssep", "tibial.left", "CPz-Fpz");
        assertTrue(ssep >= SSEP_CROSSES && ssep <= SSEP_CROSSES + SSEP_WINDOW + 1,
                "seed " + seed + ": left tibial P37 alarm at " + ssep + " s; criterion crossed at " + SSEP_CROSSES + " s: " + r.raised());
        for (String muscle : List.of("TA-L", "AH-L")) {
            double mep = r.firstRaised("mep", "tcmep.C4C3", muscle);
            assertTrue(mep >= MEP_CROSSES && mep <= MEP_CROSSES + MEP_WINDOW + 1,
                    "seed " + seed + ": " + muscle + " alarm at " + mep + " s; criterion crossed at " + MEP_CROSSES + " s");
        }
        // the SSEP alarm names its criterion, values and the baseline it compares with
        AlarmCondition c = r.raised().stream().filter(x -> x.modality().equals("ssep")).findFirst().orElseThrow();
        assertTrue(c.criterion().contains("ASNM 2024"), c.criterion());
        assertTrue(c.baseline().startsWith("baseline at 280"), c.baseline());
        assertTrue(c.provenance().settings().get("filter").contains("Butterworth"), c.provenance().toString());
        // and the exact code that made it: the processor's id and the version of its installed bundle
        org.osgi.framework.Bundle ssepBundle = java.util.Arrays.stream(org.osgi.framework.FrameworkUtil
                .getBundle(ScenarioAlarmsIntegrationTest.class).getBundleContext().getBundles())
                .filter(b -> b.getSymbolicName().equals("org.openionm.modality.ssep")).findFirst().orElseThrow();
        assertEquals("ssep " + ssepBundle.getVersion(), c.provenance().producer());
        // no other SSEP site or channel alarms: the upper limbs and the right leg are untouched
        List<AlarmCondition> otherSsep = r.raised().stream()
                .filter(x -> x.modality().equals("ssep") && !x.site().equals("tibial.left")).toList();
        assertEquals(List.of(), otherSsep, "seed " + seed);
    }

    @Test
    void aStableHourRaisesNoClinicalAlarm() throws Exception {
        ScenarioReplay r = ScenarioReplay.run("stable-baseline", "1", 16, 5000, 400);

        assertTrue(r.averages.stream().filter(a -> a.modality().equals("ssep")).count() > 1000,
                "SSEP averages were computed all hour: " + r.averages.size());
        assertEquals(List.of(), r.raised());
    }

    @Test
    void electrocauteryPausesAveragingWithoutAnAlarm() throws Exception {
        Path scenario = Files.writeString(dir.resolve("cautery.yaml"), """
                name: cautery-test
                description: stable signals, three cautery bursts after the baseline
                durationSeconds: 700
                mainsHz: 50
                stimulation:
                  - site: median.left
                    rateHz: 3.17
                    offsetMs: 0
                    intensity: 25
                  - site: tibial.left
                    rateHz: 3.17
                    offsetMs: 105
                    intensity: 40
                events:
                  - at: 300
                    type: cautery
                    durationSeconds: 6
                  - at: 420
                    type: cautery
                    durationSeconds: 4
                  - at: 560
                    type: cautery
                    durationSeconds: 8
                """);
        ScenarioReplay r = ScenarioReplay.run(scenario.toString(), "2", 16, 5000, 250);

        List<AverageTrace> ssep = r.averages.stream().filter(a -> a.modality().equals("ssep")).toList();
        assertTrue(ssep.stream().anyMatch(a -> a.provenance().settings().containsKey("rejected.electrocautery")),
                "cautery sweeps were rejected by the cautery rule");
        // paused: no average completes while the knife is on (sweeps from before it still finish)
        double[][] bursts = { { 300, 306 }, { 420, 424 }, { 560, 568 } };
        for (double[] b : bursts) {
            List<Double> during = ssep.stream().map(AverageTrace::timeSeconds)
                    .filter(t -> t > b[0] + 0.5 && t < b[1]).toList();
            assertEquals(List.of(), during, "averages completed during the burst at " + b[0] + " s");
        }
        assertEquals(List.of(), r.raised(), "cautery is not an injury");
    }
}
