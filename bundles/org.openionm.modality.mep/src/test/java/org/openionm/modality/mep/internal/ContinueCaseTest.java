package org.openionm.modality.mep.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 1, TcMEP: an acquisition that continues the case keeps the muscles' baselines (the
 * same objects' values) and the alarm state, so the restart raises nothing and a later loss is judged
 * against the kept baseline; a fresh start forgets them.
 */
class ContinueCaseTest {

    @Test
    void continuingKeepsTheBaselinesFreshForgetsThem() {
        Session s = new Session();
        for (int i = 0; i < 3; i++) {
            s.train(Session.RIGHT, 400, Session.rightResponses(1.0));
        }
        s.processor.captureBaseline(s.caseTime());
        Map<String, MepBaseline> before = Map.copyOf(s.processor.baselines());
        assertFalse(before.isEmpty());
        s.out.clear();

        s.restart(true);
        assertEquals(before, Map.copyOf(s.processor.baselines()), "the same baselines after continuing");
        assertEquals(List.of(), s.out.alarms(), "the restart itself raises nothing");
        s.train(Session.RIGHT, 400, Session.rightResponses(0.15)); // −85 % against the kept 600 µV
        assertTrue(s.out.alarms().stream().anyMatch(a -> a.channel().equals("TA-R") && a.active()),
                "judged against the kept baseline: " + s.out.alarms());

        s.restart(false);
        assertEquals(Map.of(), s.processor.baselines(), "a fresh start forgets the baselines");
    }
}
