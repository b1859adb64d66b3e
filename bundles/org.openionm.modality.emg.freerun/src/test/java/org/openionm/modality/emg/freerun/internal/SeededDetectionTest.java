package org.openionm.modality.emg.freerun.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.core.processing.DetectedEvent;
import org.openionm.core.processing.Measurement;
import org.openionm.testkit.ReplayResult;

/**
 * Sensitivity and train time over seeded random cases (the benchmark runs more of them): at least 90 %
 * of the scripted A-trains are found with their onset within 50 ms; each channel's train time is
 * within 10 % of the scripted total; spikes and cautery never add to it; no A-train is reported
 * where none was scripted.
 */
class SeededDetectionTest {

    @Test
    void aTrainsAreFoundAndTimedOverSeededCases(@TempDir Path dir) throws Exception {
        int scripted = 0;
        int found = 0;
        int falseTrains = 0;
        StringBuilder misses = new StringBuilder();
        for (long seed = 1; seed <= 4; seed++) {
            ReplayResult r = SimRun.run(dir, SeededScenarios.yaml(seed, 60), 10_000, seed, new FreeRunProcessor(), Map.of());
            assertEquals(Map.of(), r.processorFailures());
            List<Truth> truth = Truth.read(r.annotations(), 10_000).stream().filter(t -> t.kind().equals("A-train")).toList();
            List<DetectedEvent> trains = r.results().events().stream().filter(e -> e.kind().equals("A-train")).toList();
            for (Truth t : truth) {
                scripted++;
                boolean hit = trains.stream().anyMatch(e -> e.channel().equals(t.channels().get(0))
                        && Math.abs(e.timeSeconds() - t.start()) < 0.05);
                if (hit) {
                    found++;
                } else {
                    misses.append(seed).append(": ").append(t).append('\n');
                }
            }
            for (DetectedEvent e : trains) {
                if (truth.stream().noneMatch(t -> t.channels().contains(e.channel()) && t.overlaps(e.timeSeconds(), e.endSeconds()))) {
                    falseTrains++;
                }
            }
            for (String channel : SeededScenarios.CHANNELS) {
                double expected = truth.stream().filter(t -> t.channels().contains(channel)).mapToDouble(Truth::duration).sum();
                List<Measurement> m = r.measurements().stream()
                        .filter(x -> x.component().equals("trainTime") && x.channel().equals(channel)).toList();
                double measured = m.get(m.size() - 1).value();
                assertEquals(expected, measured, Math.max(0.1 * expected, 1e-9), "seed " + seed + " " + channel + " train time; truth "
                        + truth.stream().filter(t -> t.channels().contains(channel)).toList() + ", found "
                        + r.results().events().stream().filter(e -> e.channel().equals(channel)).toList());
            }
        }
        assertTrue(scripted >= 20, "too few trains scripted: " + scripted);
        assertTrue(found >= 0.9 * scripted, found + " of " + scripted + " found; missed:\n" + misses);
        assertEquals(0, falseTrains, "A-trains reported where none was scripted");
    }
}
