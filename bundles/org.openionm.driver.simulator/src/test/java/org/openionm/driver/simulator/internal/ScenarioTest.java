package org.openionm.driver.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.model.Annotation;
import org.openionm.core.stimulation.StimulationKind;
import org.openionm.core.stimulation.TrainGuard;
import org.openionm.testkit.RecordingDriverContext;

/** Scenario files: the bundled ones run, every event type is announced as ground truth, mistakes are located. */
class ScenarioTest {

    @TempDir
    Path dir;

    @Test
    void everyBundledScenarioLoadsAndRunsTenSeconds() throws Exception {
        for (String name : Scenarios.BUNDLED) {
            SimulatedAmplifier amp = new SimulatedAmplifier();
            amp.configure(new AcquisitionConfig(5000, 32, false, Map.of("scenario", name)));
            Scenario scenario = Scenarios.bundled(name);
            assertEquals(name, scenario.name());
            assertTrue(!scenario.description().isBlank() && scenario.durationSeconds() >= 600, name);
            RecordingDriverContext ctx = Runs.context(5000, 10).planProgram(amp.suggestedStimulation().orElseThrow());
            amp.run(ctx);
            assertEquals(50_000, ctx.samplesReceived(), name);
            assertTrue(!ctx.stimuli().isEmpty(), name + " stimulates");
            long truths = scenario.events().stream().filter(e -> e.atSeconds() < 10).count();
            assertEquals(truths, ctx.annotations().size(), name + " announces its events of the first 10 s");
        }
    }

    @Test
    void everyEventTypeIsAnnouncedAsGroundTruthAtItsOnsetAndEnd() throws Exception {
        Path file = Files.writeString(dir.resolve("all-events.yaml"), """
                name: all-events
                durationSeconds: 6
                events:
                  - {at: 0.5, type: ssep-change, site: median.left, components: [N20, P25], latencyShiftMs: 1.5, rampSeconds: 2}
                  - {at: 0.5, type: mep-change, muscle: APB-L, amplitudePercent: -50, thresholdShiftV: 100}
                  - {at: 1, type: a-train, channel: Facial-2, durationSeconds: 0.5}
                  - {at: 1, type: emg-spikes, channel: Facial-1, durationSeconds: 1, rateHz: 20}
                  - {at: 1.5, type: screw-threshold, site: screw.S1.right, thresholdMa: 6.5}
                  - {at: 2, type: cautery, durationSeconds: 0.25, channels: [Erb-L, Erb-R]}
                  - {at: 2.5, type: lead-off, channel: O1-Cz}
                  - {at: 3, type: lead-on, channel: O1-Cz}
                  - {at: 3, type: burst-suppression, enabled: true, suppressionPercent: 80}
                  - {at: 4, type: burst-suppression, enabled: false}
                  - {at: 4, type: alpha-change, hemisphere: both, amplitudePercent: 50, rampSeconds: 1}
                  - {at: 5, type: note, text: incision}
                """);
        SimulatedAmplifier amp = new SimulatedAmplifier();
        amp.configure(new AcquisitionConfig(2000, 32, false, Map.of("scenario", file.toString())));
        RecordingDriverContext ctx = Runs.context(2000, 10);
        amp.run(ctx);
        assertEquals(12_000, ctx.samplesReceived(), "the stream ends at the scenario's duration");
        assertTrue(ctx.annotations().stream().allMatch(a -> a.kind() == Annotation.Kind.GROUND_TRUTH));
        List<String> truths = ctx.annotations().stream().map(a -> a.sampleIndex() + " " + a.text()).toList();
        assertEquals(List.of(
                "1000 TRUTH median.left N20,P25 latency +1.5 ms over 2 s",
                "1000 TRUTH MEP APB-L amplitude -50%, threshold +100 V",
                "2000 TRUTH A-train Facial-2 120 Hz 150 uV for 0.5 s",
                "2000 TRUTH EMG spikes Facial-1 20/s 150 uV for 1 s",
                "3000 TRUTH end A-train Facial-2",
                "3000 TRUTH screw.S1.right threshold 6.5 mA",
                "4000 TRUTH end EMG spikes Facial-1", // ends first at the same sample
                "4000 TRUTH cautery for 0.25 s on Erb-L,Erb-R",
                "4500 TRUTH end cautery",
                "5000 TRUTH lead off O1-Cz (flat)",
                "6000 TRUTH lead on O1-Cz",
                "6000 TRUTH burst suppression on (80% suppressed)",
                "8000 TRUTH burst suppression off",
                "8000 TRUTH EEG alpha both hemispheres +50% over 1 s",
                "10000 TRUTH incision"), truths);
        assertEquals(2, ctx.annotations().get(0).durationSeconds(), "a ramp's annotation spans the ramp");
        assertEquals(0.5, ctx.annotations().get(2).durationSeconds(), "an A-train's annotation spans the train");
    }

    @Test
    void aScenarioFileIsChosenByPath() throws Exception {
        Path file = Files.writeString(dir.resolve("short-case.yml"), "durationSeconds: 2\nmainsHz: 60\n");
        SimulatedAmplifier amp = new SimulatedAmplifier();
        amp.configure(new AcquisitionConfig(1000, 4, false, Map.of("scenario", file.toString())));
        assertEquals(60, amp.suggestedStimulation().orElseThrow().mainsHz());
        assertTrue(amp.suggestedStimulation().orElseThrow().sites().isEmpty());
        assertEquals("short-case", Scenarios.resolve(file.toString()).name());
        RecordingDriverContext ctx = Runs.context(1000, 5);
        amp.run(ctx);
        assertEquals(2000, ctx.samplesReceived());
    }

    @Test
    void theTcmepGuardDefaultsTo100MsEachSideAndCanBeSetPerScenario() throws Exception {
        SimulatedAmplifier amp = new SimulatedAmplifier();
        amp.configure(new AcquisitionConfig(1000, 4, false, Map.of("scenario", "spinal-cord-ischemia")));
        assertEquals(TrainGuard.DEFAULT, amp.suggestedStimulation().orElseThrow().trainGuard());
        assertEquals(new TrainGuard(100, 100), TrainGuard.DEFAULT);

        Path file = Files.writeString(dir.resolve("guarded.yaml"), "durationSeconds: 2\ntcmepGuard: {afterMs: 150}\n");
        amp.configure(new AcquisitionConfig(1000, 4, false, Map.of("scenario", file.toString())));
        assertEquals(new TrainGuard(100, 150), amp.suggestedStimulation().orElseThrow().trainGuard());
    }

    /** kind: as written, or from the parameters (ramp step, pulses, rate), never from the site id. */
    @Test
    void eachSiteHasItsDeclaredOrDefaultKind() throws Exception {
        Path file = Files.writeString(dir.resolve("kinds.yaml"), """
                durationSeconds: 2
                stimulation:
                  - {site: median.left, rateHz: 4.7, intensity: 25}
                  - {site: median.right, intensity: 25}
                  - {site: tcmep.C3C4, intensity: 350}
                  - {site: screw.L4.left, rateHz: 3, intensity: 1, rampStep: 0.5}
                  - {site: tcmep.C4C3, intensity: 350, pulses: 1, kind: train}
                  - {site: tcmep.CzFz, rateHz: 2, intensity: 100, pulses: 1, kind: averaged}
                  - {site: tibial.left, rateHz: 0.5, intensity: 40, kind: single}
                """);
        SimulatedAmplifier amp = new SimulatedAmplifier();
        amp.configure(new AcquisitionConfig(1000, 4, false, Map.of("scenario", file.toString())));
        Map<String, StimulationKind> kinds = new LinkedHashMap<>();
        amp.suggestedStimulation().orElseThrow().sites().forEach(s -> kinds.put(s.siteId(), s.kind()));
        assertEquals(Map.of("median.left", StimulationKind.AVERAGED, "median.right", StimulationKind.SINGLE,
                "tcmep.C3C4", StimulationKind.TRAIN, "screw.L4.left", StimulationKind.RAMP,
                "tcmep.C4C3", StimulationKind.TRAIN, "tcmep.CzFz", StimulationKind.AVERAGED,
                "tibial.left", StimulationKind.SINGLE), kinds);
        assertEquals(StimulationKind.RAMP, ScenarioParser.defaultKind(3, 5, 0.5), "a ramp step wins");
        assertEquals(StimulationKind.TRAIN, ScenarioParser.defaultKind(0, 5, 0));
        assertEquals(StimulationKind.AVERAGED, ScenarioParser.defaultKind(1, 1, 0), "1 Hz is an averaging rate");
        assertEquals(StimulationKind.SINGLE, ScenarioParser.defaultKind(0.9, 1, 0));
    }

    /** The bundled scenarios say what each site is; TcMEP sites are trains, SSEP averaged, screws ramps. */
    @Test
    void bundledScenariosDeclareTheirKinds() throws Exception {
        for (String name : Scenarios.BUNDLED) {
            String yaml;
            try (var in = Scenarios.class.getResourceAsStream("/scenarios/" + name + ".yaml")) {
                yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            long sites = yaml.lines().filter(l -> l.startsWith("  - site: ")).count();
            long kinds = yaml.lines().filter(l -> l.startsWith("    kind: ")).count();
            assertEquals(sites, kinds, name + ": every stimulation site states its kind");
            for (var site : Scenarios.bundled(name).stimulation()) {
                StimulationKind expected = site.siteId().startsWith("tcmep.") ? StimulationKind.TRAIN
                        : site.siteId().startsWith("screw.") ? StimulationKind.RAMP : StimulationKind.AVERAGED;
                assertEquals(expected, site.kind(), name + " " + site.siteId());
            }
        }
    }

    @Test
    void malformedFilesNameTheFileTheLineAndTheProblem() throws Exception {
        assertProblem("""
                durationSeconds: 60
                events:
                  - at: 10
                    type: a-train
                   channel: Facial-2
                """, 5, "invalid YAML");
        assertProblem("""
                durationSeconds: 60
                events:
                  - {at: 10, type: a-train, channel: Facial-2, durationSeconds: 1}
                  - {at: 20, type: lightning, channel: Facial-2}
                """, 4, "unknown event type 'lightning'");
        assertProblem("""
                durationSeconds: 60
                events:
                  - at: 10
                    type: lead-off
                    channel: Erb-X
                """, 3, "unknown channel 'Erb-X'");
        assertProblem("""
                durationSeconds: 60
                events:
                  - at: 10
                    type: ssep-change
                    site: tibial.left
                    component: P37
                    amplitudePercnt: -60
                """, 7, "unknown key 'amplitudePercnt'");
        assertProblem("""
                durationSeconds: 60
                events:
                  - {at: 90, type: cautery, durationSeconds: 2}
                """, 3, "not before the scenario's end");
        assertProblem("""
                durationSeconds: 60
                stimulation:
                  - site: median.left
                    rateHz: fast
                """, 4, "'rateHz' must be a number");
        assertProblem("""
                durationSeconds: 60
                stimulation:
                  - {site: radial.left, rateHz: 4.7, intensity: 20}
                """, 3, "unknown stimulation site 'radial.left'");
        assertProblem("""
                durationSeconds: 60
                stimulation:
                  - site: median.left
                    rateHz: 4.7
                    intensity: 25
                    kind: burst
                """, 6, "unknown stimulation kind 'burst'; known: averaged, train, ramp, single");
        assertProblem("""
                durationSeconds: 60
                stimulation:
                  - {site: screw.L4.left, rateHz: 3, intensity: 1, rampStep: 0.5, kind: averaged}
                """, 3, "screw.L4.left has a ramp step of 0.5 mA but is declared averaged; declare it a ramp");
        assertProblem("""
                durationSeconds: 60
                durationSeconds: 70
                """, 2, "given twice");
        assertProblem("""
                durationSeconds: 60
                tcmepGuard:
                  beforeMs: 2000
                """, 3, "'beforeMs' must be between 0 and 1000");
        assertProblem("""
                durationSeconds: 60
                tcmepGuard: {before: 50}
                """, 2, "unknown key 'before'");
        assertProblem("""
                durationSeconds: 60
                mainsHz: 55
                """, 2, "50 or 60");
        assertProblem("""
                durationSeconds: 60
                baseline:
                  ssep:
                    median.left:
                      N19: {latencyMs: 19}
                """, 5, "no component 'N19'");
    }

    private void assertProblem(String yaml, int line, String problem) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), yaml);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SimulatedAmplifier().configure(new AcquisitionConfig(1000, 4, false, Map.of("scenario", file.toString()))));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line " + line + ":") || e.getMessage().contains("line " + line + ","), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("empty.yaml"), "# nothing\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenarios.resolve(file.toString()));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }
}
