package org.openionm.driver.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.testkit.RecordingDriverContext;

/**
 * Mains interference alone (every other signal switched off in the scenario): phase-continuous in
 * absolute time, and cancelled by averaging at 4.7 Hz but kept at 5.0 Hz, a sub-multiple of 50 Hz.
 * The stimuli go to a site the simulated patient has no model for, so nothing is evoked.
 */
class MainsTest {

    static final String MAINS_ONLY = """
            durationSeconds: 600
            signals:
              mainsMicrovolts: 20
              mainsHarmonics: [0.1, 0.3]
              eegMicrovolts: 0
              alphaMicrovolts: 0
              cervicalMicrovolts: 0
              peripheralMicrovolts: 0
              emgMicrovolts: 0
              stimulusArtifact: false
            """;

    @TempDir
    Path dir;

    @Test
    void averagingAt47HzCancelsMainsAt50HzItDoesNot() throws Exception {
        double at47 = residual(4.7, "50");
        double at50 = residual(5.0, "50");
        assertTrue(at47 < 0.01, "500 sweeps at 4.7 Hz keep " + 100 * at47 + " % of the 50 Hz hum");
        assertEquals(1.0, at50, 0.01, "500 sweeps at 5.0 Hz keep all of the hum");
        assertTrue(residual(4.7, "60") < 0.01, "4.7 Hz also cancels 60 Hz mains");
    }

    /** RMS of the 500-sweep average over the RMS of the raw mains (100 ms sweeps). */
    private double residual(double stimulusRateHz, String mains) throws Exception {
        Path file = Files.writeString(dir.resolve("mains.yaml"), MAINS_ONLY);
        double rate = 5000;
        double last = 499.5 / stimulusRateHz; // exactly 500 stimuli
        double seconds = last + 0.2;
        RecordingDriverContext ctx = Runs.context(rate, seconds, 0).planPeriodic("sync.test", stimulusRateHz, 1, "mA", 0, last);
        Runs.run(new SimulatedAmplifier(), rate, 1, Map.of("scenario", file.toString(), "mains", mains), ctx);
        SweepAverage avg = SweepAverage.of(ctx, 0, "sync.test", 0, seconds, 0, 100);
        assertEquals(500, avg.sweeps());
        float[] raw = ctx.trace(0);
        double rawPower = 0;
        for (float v : raw) {
            rawPower += v * (double) v;
        }
        double avgPower = 0;
        for (double v : avg.values()) {
            avgPower += v * v;
        }
        return Math.sqrt(avgPower / avg.values().length) / Math.sqrt(rawPower / raw.length);
    }

    @Test
    void mainsIsAFixedSumOfHarmonicsPhaseContinuousAcrossBlocks() throws Exception {
        Path file = Files.writeString(dir.resolve("mains.yaml"), MAINS_ONLY);
        double rate = 5000;
        RecordingDriverContext ctx = Runs.context(rate, 20, 0);
        Runs.run(new SimulatedAmplifier(), rate, 1, Map.of("scenario", file.toString(), "mains", "60"), ctx);
        float[] x = ctx.trace(0);
        // least-squares sine and cosine at 60, 120, 180 Hz over all 20 s: one phase for the whole run
        double[] amplitude = new double[3];
        double[] residual = x.length == 0 ? null : new double[x.length];
        for (int i = 0; i < x.length; i++) {
            residual[i] = x[i];
        }
        for (int h = 1; h <= 3; h++) {
            double w = 2 * Math.PI * 60 * h / rate;
            double s = 0;
            double c = 0;
            for (int i = 0; i < x.length; i++) {
                s += x[i] * Math.sin(w * i);
                c += x[i] * Math.cos(w * i);
            }
            s *= 2.0 / x.length;
            c *= 2.0 / x.length;
            amplitude[h - 1] = Math.hypot(s, c);
            for (int i = 0; i < x.length; i++) {
                residual[i] -= s * Math.sin(w * i) + c * Math.cos(w * i);
            }
        }
        double worst = 0;
        for (double r : residual) {
            worst = Math.max(worst, Math.abs(r));
        }
        assertTrue(amplitude[0] >= 10 && amplitude[0] <= 30, "fundamental 20 uV x electrode factor 0.5-1.5: " + amplitude[0]);
        assertEquals(0.1, amplitude[1] / amplitude[0], 1e-3, "2nd harmonic");
        assertEquals(0.3, amplitude[2] / amplitude[0], 1e-3, "3rd harmonic");
        assertTrue(worst < 1e-3 * amplitude[0], "no phase jumps at block boundaries: worst residual " + worst + " uV");
    }
}
