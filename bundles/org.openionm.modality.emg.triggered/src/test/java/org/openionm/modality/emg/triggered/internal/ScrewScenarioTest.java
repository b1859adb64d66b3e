package org.openionm.modality.emg.triggered.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.model.Annotation;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.Measurement;
import org.openionm.driver.simulator.internal.SimulatedAmplifier;
import org.openionm.testkit.Replay;
import org.openionm.testkit.ReplayResult;

/**
 * The bundled {@code pedicle-screw-thresholds} scenario (shortened to 25 s: every ramp has passed its
 * threshold by then) through the real engine, host and alarm manager: each screw's threshold against
 * the scenario's own ground truth (its {@code TRUTH … threshold … mA} annotations), exact to one ramp
 * step, and the lumbar preset's alarms — HIGH for the breach-likely screw, MEDIUM for the possible
 * one, none above 8 mA.
 */
class ScrewScenarioTest {

    private static final double STEP_MA = 0.4;
    private static final Pattern TRUTH = Pattern.compile("TRUTH (screw\\.\\S+) threshold (\\S+) mA");
    /** The muscle each root excites most (the simulator's weight 1.0), a triggered-EMG channel of the montage. */
    private static final Map<String, String> PRIMARY = Map.of("screw.L5.left", "EHL-L", "screw.S1.left", "Gastroc-L",
            "screw.L5.right", "EHL-R", "screw.S1.right", "Gastroc-R");

    @TempDir
    Path dir;

    @Test
    void everyScrewsThresholdIsExactToOneStepAndAlarmsFollowTheLumbarBands() throws Exception {
        String yaml;
        try (InputStream in = SimulatedAmplifier.class.getResourceAsStream("/scenarios/pedicle-screw-thresholds.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path file = Files.writeString(dir.resolve("screws.yaml"), yaml.replace("durationSeconds: 600", "durationSeconds: 25"));
        ReplayResult r = Replay.of(new SimulatedAmplifier(),
                new AcquisitionConfig(5000, 24, false, Map.of("scenario", file.toString(), "seed", "3")))
                .processors(new TriggeredEmgProcessor())
                .run();
        assertEquals(Map.of(), r.processorFailures());

        Map<String, Double> truth = new TreeMap<>();
        for (Annotation a : r.annotations()) {
            Matcher m = TRUTH.matcher(a.text());
            if (m.find()) {
                truth.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        }
        assertEquals(PRIMARY.keySet(), truth.keySet(), "ground truth for every screw");

        List<Measurement> thresholds = r.measurements().stream().filter(m -> m.component().equals("threshold")).toList();
        for (Map.Entry<String, Double> t : truth.entrySet()) {
            String site = t.getKey();
            Measurement first = thresholds.stream().filter(m -> m.site().equals(site)).findFirst()
                    .orElseThrow(() -> new AssertionError("no threshold for " + site + ": " + thresholds));
            double lowest = thresholds.stream().filter(m -> m.site().equals(site)).mapToDouble(Measurement::value).min()
                    .orElseThrow();
            assertEquals(PRIMARY.get(site), first.channel(), site + ": first CMAP in its root's main muscle");
            assertTrue(lowest >= t.getValue() - 1e-9 && lowest < t.getValue() + STEP_MA,
                    site + ": truth " + t.getValue() + " mA, measured " + lowest + " mA");
            assertEquals("mA", first.unit());
        }

        Map<String, String> raised = r.results().alarms().stream().filter(AlarmCondition::active)
                .collect(Collectors.toMap(AlarmCondition::site, a -> a.priority() + " " + a.channel()));
        assertEquals(Map.of("screw.L5.left", "HIGH EHL-L", "screw.S1.left", "MEDIUM Gastroc-L"), raised,
                "3.2 mA breach likely, 6 mA possible, 8.4 and 12 mA no alarm");
        assertEquals(2, r.alarms().alarms().size(), "the alarm manager holds exactly the two: " + r.alarms().alarms());
    }
}
