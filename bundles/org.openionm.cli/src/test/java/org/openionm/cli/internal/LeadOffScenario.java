package org.openionm.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A scripted electrode problem with known times: Erb-L comes off at 7.25 s and is back at 12 s. */
final class LeadOffScenario {

    static final double OFF_SECONDS = 7.25;
    static final double ON_SECONDS = 12;

    private LeadOffScenario() {
    }

    /** Writes the scenario file; {@code mode} is the simulator's lead-off mode, "flat" or "rail". */
    static Path write(Path dir, String mode) throws IOException {
        return Files.writeString(dir.resolve("lead-off-" + mode + ".yaml"), """
                name: lead-off-test
                description: Erb-L electrode off at 7.25 s, back at 12 s.
                durationSeconds: 20
                mainsHz: 50
                stimulation:
                  - site: median.left
                    rateHz: 4.7
                    intensity: 25
                events:
                  - at: 7.25
                    type: lead-off
                    channel: Erb-L
                    mode: %s
                  - at: 12
                    type: lead-on
                    channel: Erb-L
                """.formatted(mode));
    }
}
