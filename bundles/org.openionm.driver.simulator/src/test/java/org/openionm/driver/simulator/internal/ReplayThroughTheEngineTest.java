package org.openionm.driver.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.acquisition.EngineState;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.model.StimulusEvent;
import org.openionm.testkit.Replay;
import org.openionm.testkit.ReplayResult;

/**
 * The simulator through the real engine and its stimulus scheduler (the test kit's {@link Replay}),
 * as a plugin test would run it: the bundled stable-baseline scenario, cut to 4 s. (No processor
 * here: this bundle does not import the processor SPI; the kit's own tests cover processors.)
 */
class ReplayThroughTheEngineTest {

    @TempDir
    Path dir;

    @Test
    void stableBaselineCutToFourSecondsDeliversEverySampleAndEveryPlannedStimulus() throws Exception {
        String yaml;
        try (InputStream in = Scenarios.class.getResourceAsStream("/scenarios/stable-baseline.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path cut = Files.writeString(dir.resolve("stable-4s.yaml"), yaml.replace("durationSeconds: 3600", "durationSeconds: 4"));

        ReplayResult r = Replay.of(new SimulatedAmplifier(), new AcquisitionConfig(2000, 8, false,
                Map.of("scenario", cut.toString(), "seed", "3"))).run();

        assertEquals(EngineState.STOPPED, r.engineStatus().state(), r.engineStatus().message());
        assertEquals(8_000, r.samplesDelivered(), "4 s at 2 kHz, the scenario's end");
        assertEquals(8, r.channels().size());
        // 3.17 Hz at 2 kHz: a period of 630.9 samples; offsets 0, 52, 105 and 210 ms are samples 0, 104, 210, 420.
        // Each site fits 13 stimuli in 8000 samples (the last tibial.right one at 420 + 12 · 630.9 = 7991).
        for (String site : List.of("median.left", "median.right", "tibial.left", "tibial.right")) {
            assertEquals(13, r.stimuli(site).size(), site);
        }
        assertEquals(52, r.stimuli().size(), "no TcMEP train fires unless triggered");
        assertEquals(List.of(0L, 631L, 1262L), sampleIndices(r.stimuli("median.left")).subList(0, 3));
        assertEquals(List.of(104L, 735L), sampleIndices(r.stimuli("median.right")).subList(0, 2));
        assertEquals(List.of(210L, 841L), sampleIndices(r.stimuli("tibial.left")).subList(0, 2));
        assertEquals(7991L, r.stimuli("tibial.right").get(12).sampleIndex());
        assertEquals(List.of(), r.gaps());
        assertEquals(List.of(), r.alarmLog(), "nothing happens in a stable baseline");
    }

    private static List<Long> sampleIndices(List<StimulusEvent> stimuli) {
        return stimuli.stream().map(StimulusEvent::sampleIndex).toList();
    }
}
