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
import org.openionm.core.model.StimulusEvent;
import org.openionm.testkit.RecordingDriverContext;

/** Triggered EMG of a breached screw and A-trains against the scenario's ground truth. */
class EmgSimulationTest {

    @TempDir
    Path dir;

    static double peakToPeak(float[] x, long from, long to) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (long i = from; i < to; i++) {
            lo = Math.min(lo, x[(int) i]);
            hi = Math.max(hi, x[(int) i]);
        }
        return hi - lo;
    }

    static double rms(float[] x, double rate, double fromSeconds, double toSeconds) {
        double sum = 0;
        int a = (int) Math.round(fromSeconds * rate);
        int b = (int) Math.round(toSeconds * rate);
        for (int i = a; i < b; i++) {
            sum += x[i] * (double) x[i];
        }
        return Math.sqrt(sum / (b - a));
    }

    @Test
    void screwCmapAppearsAtAndAboveItsThresholdOnlyInTheRootsMuscles() throws Exception {
        Path file = Files.writeString(dir.resolve("screw.yaml"), """
                durationSeconds: 60
                events:
                  - {at: 0, type: screw-threshold, site: screw.L4.left, thresholdMa: 3.2}
                """);
        double rate = 10_000;
        SimulatedAmplifier amp = new SimulatedAmplifier();
        List<Channel> channels = amp.configure(new AcquisitionConfig(rate, 24, false, Map.of("scenario", file.toString())));
        int ta = SsepSimulationTest.index(channels, "TA-L");
        int vastus = SsepSimulationTest.index(channels, "Vastus-L");
        int taRight = SsepSimulationTest.index(channels, "TA-R");
        int ehl = SsepSimulationTest.index(channels, "EHL-L");
        RecordingDriverContext ctx = Runs.context(rate, 16, ta, vastus, taRight, ehl);
        for (int k = 1; k <= 30; k++) { // a ramp 0.2 .. 6.0 mA at 2 Hz
            ctx.plan(StimulusEvent.single("screw.L4.left", Math.round((0.5 + k * 0.5) * rate), k / 5.0, "mA", 200));
        }
        amp.run(ctx);
        assertEquals(30, ctx.stimuli().size());
        for (StimulusEvent s : ctx.stimuli()) {
            long from = s.sampleIndex() + Math.round(0.005 * rate); // after the stimulus artifact
            long to = s.sampleIndex() + Math.round(0.040 * rate);
            double cmap = peakToPeak(ctx.trace(ta), from, to);
            boolean above = s.intensity() >= 3.2;
            // background (3 uV RMS EMG and up to 7.5 uV of mains) stays below 45 uV p-p
            assertTrue(above ? cmap > 100 : cmap < 45, s.intensity() + " mA: TA-L " + cmap + " uV p-p");
            double secondary = peakToPeak(ctx.trace(vastus), from, to);
            assertTrue(above ? secondary > 55 : secondary < 45, s.intensity() + " mA: Vastus-L " + secondary + " uV p-p");
            assertTrue(peakToPeak(ctx.trace(taRight), from, to) < 45, "no CMAP on the other side");
            assertTrue(peakToPeak(ctx.trace(ehl), from, to) < 45, "no CMAP in L5 muscles");
        }
        assertEquals("TRUTH screw.L4.left threshold 3.2 mA", ctx.annotations().get(0).text());
    }

    @Test
    void bundledBreachScenarioFindsTheBreachWithItsOwnRamp() throws Exception {
        double rate = 5000;
        SimulatedAmplifier amp = new SimulatedAmplifier();
        List<Channel> channels = amp.configure(new AcquisitionConfig(rate, 16, false, Map.of("scenario", "pedicle-screw-breach")));
        int ta = SsepSimulationTest.index(channels, "TA-L");
        RecordingDriverContext ctx = Runs.context(rate, 25, ta).planProgram(amp.suggestedStimulation().orElseThrow());
        amp.run(ctx);
        // windows holding another site's stimulus (tibial SSEP artifacts reach TA-L) are left out
        List<StimulusEvent> clean = ctx.stimuli().stream().filter(s -> s.siteId().equals("screw.L4.left"))
                .filter(s -> ctx.stimuli().stream().noneMatch(o -> o != s && Math.abs(o.sampleIndex() - s.sampleIndex() - 100) < 110))
                .toList();
        assertTrue(clean.stream().filter(s -> s.intensity() < 3.2).count() >= 3, "tested below the threshold");
        assertTrue(clean.stream().filter(s -> s.intensity() >= 3.2).count() >= 3, "tested above the threshold");
        for (StimulusEvent s : clean) {
            double cmap = peakToPeak(ctx.trace(ta), s.sampleIndex() + 25, s.sampleIndex() + 200);
            assertTrue(s.intensity() >= 3.2 ? cmap > 100 : cmap < 45, s.intensity() + " mA: TA-L " + cmap + " uV p-p");
        }
    }

    @Test
    void aTrainOnTheNamedChannelInTheScriptedWindowOnly() throws Exception {
        Path file = Files.writeString(dir.resolve("atrain.yaml"), """
                durationSeconds: 30
                events:
                  - {at: 5, type: a-train, channel: Facial-2, durationSeconds: 2, frequencyHz: 120, amplitudeUv: 150}
                """);
        double rate = 10_000;
        SimulatedAmplifier amp = new SimulatedAmplifier();
        List<Channel> channels = amp.configure(new AcquisitionConfig(rate, 16, false, Map.of("scenario", file.toString())));
        int f2 = SsepSimulationTest.index(channels, "Facial-2");
        int f1 = SsepSimulationTest.index(channels, "Facial-1");
        RecordingDriverContext ctx = Runs.context(rate, 10, f1, f2);
        amp.run(ctx);
        float[] x = ctx.trace(f2);
        assertEquals(150 / Math.sqrt(2), rms(x, rate, 5, 7), 8, "A-train RMS in its window");
        assertTrue(rms(x, rate, 0, 5) < 10 && rms(x, rate, 7, 10) < 10, "quiet before and after");
        assertTrue(rms(ctx.trace(f1), rate, 5, 7) < 10, "not on Facial-1");
        // sudden onset: full amplitude within a few milliseconds of the scripted sample
        assertTrue(peakToPeak(x, 5 * 10_000 - 50, 5 * 10_000) < 40, "nothing just before the onset");
        assertTrue(peakToPeak(x, 5 * 10_000, 5 * 10_000 + 100) > 250, "full swing within 10 ms of the onset");
        int crossings = 0;
        for (int i = 5 * 10_000 + 1; i < 7 * 10_000; i++) {
            crossings += (x[i - 1] < 0) != (x[i] < 0) ? 1 : 0;
        }
        assertEquals(120, crossings / 2.0 / 2.0, 3, "frequency (Hz) from zero crossings");
        List<String> truths = ctx.annotations().stream().filter(a -> a.kind() == Annotation.Kind.GROUND_TRUTH)
                .map(a -> a.sampleIndex() + " " + a.durationSeconds() + " " + a.text()).toList();
        assertEquals(List.of("50000 2.0 TRUTH A-train Facial-2 120 Hz 150 uV for 2 s", "70000 0.0 TRUTH end A-train Facial-2"), truths);
    }
}
