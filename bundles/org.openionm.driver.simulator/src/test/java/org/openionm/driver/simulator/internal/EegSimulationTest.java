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
import org.openionm.core.model.Channel;
import org.openionm.testkit.RecordingDriverContext;

/** Burst suppression and hemispheric alpha loss as scripted. */
class EegSimulationTest {

    @TempDir
    Path dir;

    private static final double RATE = 500;

    @Test
    void burstSuppressionReachesTheScriptedSuppressionRatio() throws Exception {
        // mains off: the ±5 uV suppression criterion applies to the EEG band
        Path file = Files.writeString(dir.resolve("bs.yaml"), """
                durationSeconds: 400
                signals: {mainsMicrovolts: 0}
                events:
                  - {at: 30, type: burst-suppression, enabled: true, suppressionPercent: 70}
                  - {at: 300, type: burst-suppression, enabled: false}
                """);
        SimulatedAmplifier amp = new SimulatedAmplifier();
        List<Channel> channels = amp.configure(new AcquisitionConfig(RATE, 16, false, Map.of("scenario", file.toString())));
        int c3 = SsepSimulationTest.index(channels, "C3-Cz");
        int c4 = SsepSimulationTest.index(channels, "C4-Cz");
        RecordingDriverContext ctx = Runs.context(RATE, 360, c3, c4);
        amp.run(ctx);
        float[] x = ctx.trace(c3);
        assertTrue(suppressionRatio(x, 0, 30) < 0.05, "awake EEG is not suppressed");
        double bsr = suppressionRatio(x, 40, 300);
        assertEquals(0.70, bsr, 0.12, "burst suppression ratio while on");
        assertTrue(suppressionRatio(x, 310, 360) < 0.05, "off again");
        double peak = 0;
        for (int i = (int) (40 * RATE); i < 300 * RATE; i++) {
            peak = Math.max(peak, Math.abs(x[i]));
        }
        assertTrue(peak > 50 && peak < 400, "bursts reach 50-150 uV peaks: " + peak);
        // bursts are global: the other hemisphere is suppressed at the same time
        assertTrue(agreement(x, ctx.trace(c4), 40, 300) > 0.9, "suppression synchronous on C3 and C4");
    }

    /** Fraction of time in stretches longer than 0.5 s within ±5 uV (Rampil 1998). */
    private static double suppressionRatio(float[] x, double fromSeconds, double toSeconds) {
        boolean[] s = suppressed(x, fromSeconds, toSeconds);
        int count = 0;
        for (boolean b : s) {
            count += b ? 1 : 0;
        }
        return count / (double) s.length;
    }

    private static boolean[] suppressed(float[] x, double fromSeconds, double toSeconds) {
        int a = (int) (fromSeconds * RATE);
        int b = (int) (toSeconds * RATE);
        boolean[] out = new boolean[b - a];
        int run = 0;
        for (int i = a; i <= b; i++) {
            boolean quiet = i < b && Math.abs(x[i]) <= 5;
            if (quiet) {
                run++;
            } else {
                if (run > 0.5 * RATE) {
                    for (int k = i - run; k < i; k++) {
                        out[k - a] = true;
                    }
                }
                run = 0;
            }
        }
        return out;
    }

    private static double agreement(float[] x, float[] y, double from, double to) {
        boolean[] a = suppressed(x, from, to);
        boolean[] b = suppressed(y, from, to);
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        return same / (double) a.length;
    }

    @Test
    void carotidClampTakesAlphaFromTheClampedHemisphereOnly() throws Exception {
        SimulatedAmplifier amp = new SimulatedAmplifier();
        List<Channel> channels = amp.configure(new AcquisitionConfig(RATE, 30, false, Map.of("scenario", "carotid-clamp-ischemia")));
        int[] left = { SsepSimulationTest.index(channels, "C3-Cz"), SsepSimulationTest.index(channels, "F3-Cz"),
                SsepSimulationTest.index(channels, "P3-Cz"), SsepSimulationTest.index(channels, "O1-Cz") };
        int[] right = { SsepSimulationTest.index(channels, "C4-Cz"), SsepSimulationTest.index(channels, "F4-Cz"),
                SsepSimulationTest.index(channels, "P4-Cz"), SsepSimulationTest.index(channels, "O2-Cz") };
        int[] keep = java.util.stream.IntStream.concat(java.util.Arrays.stream(left), java.util.Arrays.stream(right)).toArray();
        RecordingDriverContext ctx = Runs.context(RATE, 420, keep);
        amp.run(ctx);
        // clamp at 300 s with a 20 s ramp: compare 200-300 s with 320-420 s
        double leftBefore = bandPower(ctx, left, 200, 300, 8, 12);
        double leftAfter = bandPower(ctx, left, 320, 420, 8, 12);
        double rightBefore = bandPower(ctx, right, 200, 300, 8, 12);
        double rightAfter = bandPower(ctx, right, 320, 420, 8, 12);
        assertTrue(leftAfter / leftBefore < 0.3, "left alpha power falls: " + leftAfter / leftBefore);
        assertTrue(rightAfter / rightBefore > 0.6 && rightAfter / rightBefore < 1.6, "right alpha kept: " + rightAfter / rightBefore);
        assertTrue(bandPower(ctx, left, 320, 420, 1, 3) > 3 * bandPower(ctx, left, 200, 300, 1, 3), "left delta rises");
        // fast activity -75 % (amplitude of the 16 and 64 Hz components): beta power about -70 %, right kept
        double leftBeta = bandPower(ctx, left, 320, 420, 12.5, 30) / bandPower(ctx, left, 200, 300, 12.5, 30);
        double rightBeta = bandPower(ctx, right, 320, 420, 12.5, 30) / bandPower(ctx, right, 200, 300, 12.5, 30);
        assertTrue(leftBeta > 0.2 && leftBeta < 0.4, "left beta power about -70 %: " + leftBeta);
        assertTrue(rightBeta > 0.8 && rightBeta < 1.25, "right beta kept: " + rightBeta);
        assertTrue(ctx.annotations().stream().anyMatch(a -> a.sampleIndex() == 300 * RATE
                && a.text().equals("TRUTH EEG alpha left hemisphere -80%, delta 40 uV, fast activity -75% over 20 s")));
    }

    /** Mean power in [loHz, hiHz] over 2-s segments (direct DFT), summed over channels. */
    private static double bandPower(RecordingDriverContext ctx, int[] channels, double from, double to, double loHz, double hiHz) {
        int seg = (int) (2 * RATE);
        double total = 0;
        for (int c : channels) {
            float[] x = ctx.trace(c);
            for (int start = (int) (from * RATE); start + seg <= to * RATE; start += seg) {
                for (int bin = (int) Math.ceil(loHz * 2); bin <= hiHz * 2; bin++) {
                    double w = 2 * Math.PI * bin / seg;
                    double re = 0;
                    double im = 0;
                    for (int i = 0; i < seg; i++) {
                        re += x[start + i] * Math.cos(w * i);
                        im += x[start + i] * Math.sin(w * i);
                    }
                    total += re * re + im * im;
                }
            }
        }
        return total;
    }
}
