package org.openionm.driver.simulator.internal;

import java.util.Map;

import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.testkit.RecordingDriverContext;

/**
 * Not a test: measures × real time of the stable-baseline scenario at 64 channels × 20 kHz on the
 * calling thread. Run with {@code java -cp <classes, test-classes, core, snakeyaml> ...SimulatorBenchmark [seconds]}.
 */
public final class SimulatorBenchmark {

    private SimulatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 60;
        String scenario = args.length > 1 ? args[1] : "stable-baseline";
        for (int round = 0; round < 3; round++) {
            SimulatedAmplifier amp = new SimulatedAmplifier();
            amp.configure(new AcquisitionConfig(20_000, 64, false, Map.of("scenario", scenario)));
            RecordingDriverContext ctx = Runs.context(20_000, seconds).planProgram(amp.suggestedStimulation().orElseThrow());
            long t0 = System.nanoTime();
            amp.run(ctx);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%s: %.0f s of 64 ch x 20 kHz in %.2f s = %.1fx real time (%d stimuli)%n", scenario,
                    ctx.samplesReceived() / 20_000.0, elapsed, ctx.samplesReceived() / 20_000.0 / elapsed, ctx.stimuli().size());
        }
    }
}
