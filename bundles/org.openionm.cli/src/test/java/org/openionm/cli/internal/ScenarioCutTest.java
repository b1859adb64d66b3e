package org.openionm.cli.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pipeline benchmark cuts a scenario to N seconds: duration set, later events left out. */
class ScenarioCutTest {

    private static final String YAML = """
            # comment
            name: spinal-cord-ischemia
            durationSeconds: 1200
            stimulation:
              - site: median.left
                rateHz: 3.17
            events:
              - at: 100
                type: note
                text: early
              - at: 200
                type: cautery
                durationSeconds: 3
              - at: 300
                type: mep-change
                muscles: [TA-L, AH-L]
                amplitudePercent: -95
            """;

    @Test
    void laterEventsAreLeftOut() {
        String cut = PipelineBench.cut(YAML, 120);
        assertTrue(cut.contains("durationSeconds: 120.000\n"), cut);
        assertTrue(cut.contains("  - at: 100\n    type: note\n    text: early\n"), cut);
        assertFalse(cut.contains("cautery"), cut);
        assertFalse(cut.contains("mep-change"), cut);
        assertTrue(cut.contains("  - site: median.left\n    rateHz: 3.17\n"), cut);
    }

    @Test
    void noEventLeftIsAnEmptyList() {
        String cut = PipelineBench.cut(YAML, 50);
        assertTrue(cut.contains("events: []"), cut);
        assertFalse(cut.contains("at: 100"), cut);
    }
}
