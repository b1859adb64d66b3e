package org.openionm.modality.mep.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AlarmCondition.Priority;

class ThresholdTest {

    /** The muscle responds only from {@code thresholdV} on. */
    private static void ramp(Session s, double thresholdV, double... intensities) {
        for (double v : intensities) {
            s.train(Session.RIGHT, v, v >= thresholdV ? Map.of("TA-R", Session.ta()) : Map.of());
        }
    }

    @Test
    void thresholdIsTheLowestIntensityThatEvokedAResponse() {
        Session s = new Session();
        ramp(s, 300, 100, 200);
        assertTrue(Double.isNaN(s.processor.threshold("TA-R")));
        ramp(s, 300, 300, 400, 500);
        System.out.println("threshold " + s.processor.threshold("TA-R") + " V, trend "
                + s.out.lastTrendValue("TA-R/threshold"));
        assertEquals(300, s.processor.threshold("TA-R"));
        assertEquals(300, s.out.lastTrendValue("TA-R/threshold"));
    }

    @Test
    void riseOfOneHundredVoltsAfterBaselineIsAMediumAlarm() {
        Session s = new Session();
        ramp(s, 300, 100, 200, 300);
        s.processor.captureBaseline(s.caseTime());
        assertEquals(300, s.processor.baselines().get("TA-R").thresholdV());
        s.out.clear();
        // excitability falls: 300 V no longer works, 400 V does
        ramp(s, 400, 300, 400);
        assertEquals(400, s.processor.threshold("TA-R"));
        List<AlarmCondition> t = s.out.alarms().stream().filter(a -> a.criterion().contains("threshold")).toList();
        System.out.println(t);
        assertEquals(1, t.size());
        assertTrue(t.get(0).active());
        assertEquals(Priority.MEDIUM, t.get(0).priority());
        assertTrue(t.get(0).values().contains("threshold 400 V (+100 V)"), t.get(0).values());

        s.out.clear();
        ramp(s, 300, 300, 300); // clears on 2 consecutive recovered trains (alarm.clear.trains)
        assertEquals(300, s.processor.threshold("TA-R"));
        assertTrue(s.out.alarms().stream().anyMatch(a -> a.criterion().contains("threshold") && !a.active()),
                "threshold back at baseline clears");
    }

    @Test
    void editedRiseLimitChangesTheOutcome() {
        Session s = new Session(Map.of(MepSettings.THRESHOLD_RISE_V, 150.0));
        ramp(s, 300, 100, 200, 300);
        s.processor.captureBaseline(s.caseTime());
        s.out.clear();
        ramp(s, 400, 300, 400);
        assertTrue(s.out.alarms().stream().noneMatch(a -> a.criterion().contains("threshold")), s.out.alarms().toString());
    }

    @Test
    void failureVoidsOlderResponsesAtOrBelowItsIntensity() {
        ThresholdTracker t = new ThresholdTracker();
        t.record(300, true);
        t.record(500, true);
        assertEquals(300, t.threshold());
        t.record(400, false);
        assertEquals(500, t.threshold());
        t.record(350, true);
        assertEquals(350, t.threshold());
    }
}
