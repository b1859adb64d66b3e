package org.openionm.driver.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.model.Channel;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.stimulation.StimulationKind;
import org.openionm.testkit.RecordingDriverContext;

/** TcMEPs: side, threshold, onset latency windows, trial-to-trial variability and a scripted loss. */
class MepSimulationTest {

    @TempDir
    Path dir;

    private static final double RATE = 10_000;

    private static StimulusEvent train(String site, double seconds, double volts) {
        return new StimulusEvent(site, StimulationKind.TRAIN, Math.round(seconds * RATE), volts, "V", 50, 5, 3);
    }

    @Test
    void trainsExciteContralateralMusclesAboveThresholdAtTextbookLatencies() throws Exception {
        SimulatedAmplifier amp = new SimulatedAmplifier();
        List<Channel> channels = amp.configure(new AcquisitionConfig(RATE, 18, false));
        int apb = SsepSimulationTest.index(channels, "APB-L");
        int ta = SsepSimulationTest.index(channels, "TA-L");
        int ah = SsepSimulationTest.index(channels, "AH-L");
        int apbRight = SsepSimulationTest.index(channels, "APB-R");
        RecordingDriverContext ctx = Runs.context(RATE, 64, apb, ta, ah, apbRight);
        for (int k = 0; k < 20; k++) {
            ctx.plan(train("tcmep.C4C3", 1 + 2 * k, 600)); // anode C4: left muscles
        }
        ctx.plan(train("tcmep.C4C3", 50, 100)); // below every threshold
        ctx.plan(train("tcmep.C4C3", 52, 190)); // above APB (150 V), below TA (220 V) and AH (240 V)
        ctx.plan(train("tcmep.C3C4", 54, 250)); // anode C3: right muscles; left ones need 150 V more
        amp.run(ctx);

        double[][] windows = { { 18, 25 }, { 27, 35 }, { 38, 50 } };
        int[] muscles = { apb, ta, ah };
        for (int m = 0; m < 3; m++) {
            List<Double> amplitudes = new ArrayList<>();
            for (StimulusEvent s : ctx.stimuli().subList(0, 20)) {
                float[] x = ctx.trace(muscles[m]);
                double onset = onsetMs(x, s.sampleIndex());
                assertTrue(onset >= windows[m][0] && onset <= windows[m][1], channels.get(muscles[m]).label() + " onset " + onset + " ms");
                amplitudes.add(EmgSimulationTest.peakToPeak(x, s.sampleIndex() + 150, s.sampleIndex() + 900));
            }
            double mean = amplitudes.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double sd = Math.sqrt(amplitudes.stream().mapToDouble(a -> (a - mean) * (a - mean)).sum() / (amplitudes.size() - 1));
            assertTrue(mean > 200 && mean < 1500, "mean amplitude " + mean);
            assertTrue(sd / mean > 0.15 && sd / mean < 0.8, "trial-to-trial CV " + sd / mean);
        }
        List<StimulusEvent> probes = ctx.stimuli().subList(20, 23);
        assertTrue(response(ctx, apb, probes.get(0)) < 40 && response(ctx, ta, probes.get(0)) < 40, "100 V: no response");
        assertTrue(response(ctx, apb, probes.get(1)) > 40, "190 V: APB-L responds");
        assertTrue(response(ctx, ta, probes.get(1)) < 40 && response(ctx, ah, probes.get(1)) < 40, "190 V: legs do not");
        assertTrue(response(ctx, apbRight, probes.get(2)) > 40, "250 V from C3: right APB responds");
        assertTrue(response(ctx, apb, probes.get(2)) < 40, "250 V from C3: left APB (ipsilateral, 300 V) does not");
        double contra = ctx.stimuli().subList(0, 20).stream().mapToDouble(s -> response(ctx, apb, s)).average().orElseThrow();
        double ipsi = ctx.stimuli().subList(0, 20).stream().mapToDouble(s -> response(ctx, apbRight, s)).average().orElseThrow();
        assertTrue(ipsi > 40 && ipsi < 0.8 * contra, "ipsilateral spread at 600 V is smaller: " + ipsi + " vs " + contra + " uV");
    }

    private static double response(RecordingDriverContext ctx, int channel, StimulusEvent s) {
        return EmgSimulationTest.peakToPeak(ctx.trace(channel), s.sampleIndex() + 150, s.sampleIndex() + 900);
    }

    /**
     * First sample after 15 ms (train artifact gone) reaching 10 % of the largest deflection up to
     * 90 ms, and at least 20 uV (above the EMG and mains background).
     */
    private static double onsetMs(float[] x, long stimulus) {
        long from = stimulus + Math.round(0.015 * RATE);
        long to = stimulus + Math.round(0.090 * RATE);
        double max = 0;
        for (long i = from; i < to; i++) {
            max = Math.max(max, Math.abs(x[(int) i]));
        }
        for (long i = from; i < to; i++) {
            if (Math.abs(x[(int) i]) >= Math.max(20, 0.1 * max)) {
                return (i - stimulus) * 1000 / RATE;
            }
        }
        return Double.NaN;
    }

    @Test
    void scriptedMepLossFollowsTheScript() throws Exception {
        Path file = Files.writeString(dir.resolve("loss.yaml"), """
                durationSeconds: 100
                events:
                  - {at: 30, type: mep-change, muscle: TA-L, amplitudePercent: -90, rampSeconds: 10}
                """);
        SimulatedAmplifier amp = new SimulatedAmplifier();
        List<Channel> channels = amp.configure(new AcquisitionConfig(RATE, 18, false, Map.of("scenario", file.toString())));
        int ta = SsepSimulationTest.index(channels, "TA-L");
        int ah = SsepSimulationTest.index(channels, "AH-L");
        RecordingDriverContext ctx = Runs.context(RATE, 70, ta, ah);
        for (int k = 0; k < 34; k++) {
            ctx.plan(train("tcmep.C4C3", 1 + 2 * k, 500));
        }
        amp.run(ctx);
        double[] taMean = new double[2];
        double[] ahMean = new double[2];
        for (StimulusEvent s : ctx.stimuli()) {
            int part = s.sampleIndex() < 30 * RATE ? 0 : s.sampleIndex() >= 40 * RATE ? 1 : -1;
            if (part >= 0) {
                taMean[part] += response(ctx, ta, s);
                ahMean[part] += response(ctx, ah, s);
            }
        }
        double taRatio = taMean[1] / 15 / (taMean[0] / 15);
        double ahRatio = ahMean[1] / 15 / (ahMean[0] / 15);
        assertEquals(0.1, taRatio, 0.08, "TA-L after the loss (mean of 15 trials each)");
        assertTrue(ahRatio > 0.5 && ahRatio < 2, "AH-L unaffected: " + ahRatio);
    }
}
