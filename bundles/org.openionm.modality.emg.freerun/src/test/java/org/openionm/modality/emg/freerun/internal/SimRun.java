package org.openionm.modality.emg.freerun.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.driver.simulator.internal.SimulatedAmplifier;
import org.openionm.testkit.Replay;
import org.openionm.testkit.ReplayResult;

/** Runs a simulator scenario (YAML text) through the real engine and host with the free-run processor. */
final class SimRun {

    /** Channels 0..19 of the simulator's montage hold all four free-run EMG channels. */
    static final int CHANNELS = 20;

    private SimRun() {
    }

    static ReplayResult run(Path dir, String yaml, double rate, long seed, FreeRunProcessor processor,
            Map<String, ?> settings) throws IOException, InterruptedException, java.util.concurrent.TimeoutException {
        Path file = dir.resolve("scenario-" + seed + ".yaml");
        Files.writeString(file, yaml);
        AcquisitionConfig config = new AcquisitionConfig(rate, CHANNELS, false,
                Map.of("scenario", file.toString(), "seed", Long.toString(seed)));
        return Replay.of(new SimulatedAmplifier(), config).processors(processor).settings(FreeRunProcessor.ID, settings)
                .timeout(java.time.Duration.ofMinutes(5)).run();
    }
}
