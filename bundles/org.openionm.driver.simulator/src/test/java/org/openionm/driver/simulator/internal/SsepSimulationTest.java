package org.openionm.driver.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.testkit.RecordingDriverContext;

/**
 * Averaged simulated SSEPs against the simulator's own ground truth: the scenario file sets the
 * latencies and the scripted changes; the test averages sweeps (simple mean) and measures peaks.
 * Where realistic background noise would make a precise number a matter of luck, the same seed is
 * run twice: the background is then identical sample for sample and the difference isolates the
 * evoked signal exactly.
 */
class SsepSimulationTest {

    @TempDir
    Path dir;

    static int index(List<Channel> channels, String label) {
        return channels.stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow().index();
    }

    @Test
    void averagedMedianN20PeaksAtTheConfiguredLatencyOnTheContralateralCpOnly() throws Exception {
        Path file = Files.writeString(dir.resolve("n20.yaml"), """
                durationSeconds: 600
                baseline:
                  ssep:
                    median.left:
                      N20: {latencyMs: 20.4}
                """);
        double rate = 20_000;
        Map<String, String> options = Map.of("scenario", file.toString(), "seed", "3");
        SimulatedAmplifier amp = new SimulatedAmplifier();
        List<Channel> channels = amp.configure(new AcquisitionConfig(rate, 8, false, options));
        int cp3 = index(channels, "CP3-Fpz");
        int cp4 = index(channels, "CP4-Fpz");
        int erbL = index(channels, "Erb-L");
        int erbR = index(channels, "Erb-R");
        RecordingDriverContext stimulated = Runs.context(rate, 130, cp3, cp4, erbL, erbR).planPeriodic("median.left", 4.7, 25, "mA", 0.5, 129);
        amp.run(stimulated);

        // 600 sweeps with the realistic background (20 uV RMS 1/f EEG + alpha: single-sweep SNR 0.1)
        SweepAverage contra = SweepAverage.of(stimulated, cp4, "median.left", 0, 130, 10, 35);
        assertTrue(contra.sweeps() >= 600, "sweeps " + contra.sweeps());
        assertEquals(20.4, contra.smoothed(0.3).peakMs(-1, 15, 23), 0.3, "N20 latency on CP4 (contralateral to median.left)");
        double[] sigma = { Math.hypot(4 / 6.0, 0.2), Math.hypot(7 / 6.0, 0.2) }; // width/6 with 0.2 ms jitter
        double n20 = contra.fitGaussians(14, 32, new double[] { 20.4, sigma[0] }, new double[] { 25, sigma[1] })[0];
        assertEquals(-3.0, n20, 1.0, "N20 amplitude on CP4 (uV)");
        double n9 = SweepAverage.of(stimulated, erbL, "median.left", 0, 130, 5, 14).fitGaussians(5, 14, new double[] { 9.5, Math.hypot(0.5, 0.2) })[0];
        assertEquals(-4.0, n9, 1.2, "N9 at Erb-L (uV)");

        // same seed without stimuli: the background is identical, so whatever differs was evoked
        RecordingDriverContext quiet = Runs.context(rate, 130, cp3, cp4, erbL, erbR);
        Runs.run(new SimulatedAmplifier(), rate, 8, options, quiet);
        double[] ipsi = evokedBeyondArtifact(stimulated, quiet, cp3);
        double[] contraEvoked = evokedBeyondArtifact(stimulated, quiet, cp4);
        assertTrue(contraEvoked[1] > 0.8, "CP4 carries the N20: largest evoked deflection " + contraEvoked[1] + " uV");
        assertEquals(0, ipsi[1], 1e-3, "ipsilateral CP3 carries no evoked response beyond the stimulus artifact");
        assertEquals(0, evokedBeyondArtifact(stimulated, quiet, erbR)[1], 1e-3, "no N9 at Erb-R");
    }

    /** Largest |stimulated - quiet| later than 5 ms after any stimulus (the artifact has gone by then). */
    private static double[] evokedBeyondArtifact(RecordingDriverContext stimulated, RecordingDriverContext quiet, int channel) {
        float[] a = stimulated.trace(channel);
        float[] b = quiet.trace(channel);
        boolean[] artifact = new boolean[a.length];
        int blank = (int) Math.round(0.005 * stimulated.samplingRateHz());
        stimulated.stimuli().forEach(s -> {
            for (int i = 0; i < blank && s.sampleIndex() + i < a.length; i++) {
                artifact[(int) s.sampleIndex() + i] = true;
            }
        });
        double max = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!artifact[i]) {
                max = Math.max(max, Math.abs(a[i] - b[i]));
            }
        }
        return new double[] { 0, max };
    }

    @Test
    void scriptedTibialP37DropAppearsAtTheScriptedTime() throws Exception {
        String event = """
                events:
                  - at: 300
                    type: ssep-change
                    site: tibial.left
                    component: P37
                    amplitudePercent: -60
                    rampSeconds: 20
                """;
        double rate = 5000;
        double[] p37 = { 38, Math.hypot(1, 0.2) };
        double[] n45 = { 46, Math.hypot(8 / 6.0, 0.2) };

        // the model alone (no background): averages before = baseline, after the ramp = 40 %
        Path clean = Files.writeString(dir.resolve("clean.yaml"), """
                durationSeconds: 600
                signals: {eegMicrovolts: 0, alphaMicrovolts: 0, mainsMicrovolts: 0}
                """ + event);
        RecordingDriverContext model = tibial(clean, rate, "1");
        int cpz = 2;
        double before = SweepAverage.of(model, cpz, "tibial.left", 20, 300, 25, 60).fitGaussians(28, 56, p37, n45)[0];
        double during = SweepAverage.of(model, cpz, "tibial.left", 308, 312, 25, 60).fitGaussians(28, 56, p37, n45)[0];
        double after = SweepAverage.of(model, cpz, "tibial.left", 320, 600, 25, 60).fitGaussians(28, 56, p37, n45)[0];
        assertEquals(3.0, before, 0.1, "P37 before the event = baseline (uV)");
        assertEquals(0.4, after / before, 0.05, "P37 after the ramp: 40 % of baseline");
        assertEquals(0.7, during / before, 0.1, "P37 half way through the ramp");

        // with the realistic background, the same seed with and without the event: identical until
        // the first response after 300 s, then the difference is exactly the scripted 60 % of P37
        Path withEvent = Files.writeString(dir.resolve("event.yaml"), "durationSeconds: 600\n" + event);
        Path without = Files.writeString(dir.resolve("none.yaml"), "durationSeconds: 600\n");
        RecordingDriverContext a = tibial(withEvent, rate, "5");
        RecordingDriverContext b = tibial(without, rate, "5");
        float[] x = a.trace(cpz);
        float[] y = b.trace(cpz);
        int firstDifference = -1;
        for (int i = 0; i < x.length && firstDifference < 0; i++) {
            firstDifference = x[i] != y[i] ? i : -1;
        }
        assertTrue(firstDifference >= 300 * rate + 30 * rate / 1000 && firstDifference < 300.5 * rate,
                "runs diverge at the first P37 after 300 s, not before: sample " + firstDifference);
        SweepAverage withAvg = SweepAverage.of(a, cpz, "tibial.left", 320, 600, 25, 60);
        SweepAverage withoutAvg = SweepAverage.of(b, cpz, "tibial.left", 320, 600, 25, 60);
        double[] diff = withAvg.values().clone();
        for (int i = 0; i < diff.length; i++) {
            diff[i] -= withoutAvg.values()[i];
        }
        double change = new SweepAverage(diff, 25, rate, withAvg.sweeps()).fitGaussians(28, 56, p37, n45)[0];
        assertEquals(-0.6 * 3.0, change, 0.1, "averaged change of P37 in the realistic recording (uV)");

        Annotation truth = a.annotations().stream().filter(n -> n.kind() == Annotation.Kind.GROUND_TRUTH).findFirst().orElseThrow();
        assertEquals(300 * 5000, truth.sampleIndex());
        assertEquals(20, truth.durationSeconds());
        assertEquals("TRUTH tibial.left P37 amplitude -60% over 20 s", truth.text());
    }

    private static RecordingDriverContext tibial(Path scenario, double rate, String seed) throws Exception {
        RecordingDriverContext ctx = Runs.context(rate, 600, 2).planPeriodic("tibial.left", 4.7, 40, "mA", 0.1, 600);
        return Runs.run(new SimulatedAmplifier(), rate, 8, Map.of("scenario", scenario.toString(), "seed", seed), ctx);
    }
}
