package org.openionm.modality.mep.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AverageTrace;

/**
 * The MEP baseline is the median of the muscle's last N trains at the site and intensity of the
 * newest one. Responses are synthetic waves of known size: TA-R truth p2p 600 µV × factor, area
 * 1432 µV·ms × factor (Wave.truth*), onset 30 ms.
 */
class BaselineTest {

    private static final double TA_P2P = Session.ta().truthP2p();
    private static final double TA_AREA = Session.ta().truthArea();

    private static Session trains(Map<String, Double> settings, double... factors) {
        Session s = new Session(settings);
        for (double f : factors) {
            s.train(Session.RIGHT, 400, Session.rightResponses(f));
        }
        return s;
    }

    private static MepBaseline capture(Session s) {
        s.processor.captureBaseline(s.caseTime());
        return s.processor.baselines().get("TA-R");
    }

    @Test
    void theBaselineIsTheMedianOfTheLastThreeTrains() {
        // an older train (×3) has left the window of three; of 0.5, 1.5 and 1.0 the median is 1.0
        Session s = trains(Map.of(), 3, 0.5, 1.5, 1.0);
        MepBaseline b = capture(s);
        assertEquals(TA_P2P, b.p2pUv(), 0.02 * TA_P2P);
        assertEquals(TA_AREA, b.areaUvMs(), 0.03 * TA_AREA);
        assertEquals(Session.ta().onsetMs(), b.onsetMs(), 0.3);
        assertEquals(4, b.phases());
        assertEquals(3, b.trains());
        assertEquals(400, b.intensity());
        Map<String, String> p = b.provenance().settings();
        assertEquals("3", p.get("baseline.trains.used"));
        assertEquals("3", p.get(MepSettings.BASELINE_TRAINS));
        assertTrue(p.get("baseline.statistic").startsWith("median"), p.get("baseline.statistic"));
        assertEquals("0.6 s, 1.1 s, 1.6 s", p.get("baseline.trains.times"), "trains 2–4 (100 ms into 500 ms segments)");
        assertEquals("3 of 3 trains asked, all at tcmep.C3C4 400 V", p.get("baseline.trains.note"));
        assertTrue(b.describe().contains("(median of 3 trains)"), b.describe());
        // the trace shown is the real train nearest the median: the ×1.0 one at 1.6 s
        AverageTrace shown = s.out.baselines().stream().filter(t -> t.channel().equals("TA-R")).findFirst().orElseThrow();
        assertEquals("train at 1.6 s (p2p nearest the median)", shown.provenance().settings().get("baseline.trace"));
    }

    @Test
    void aSingleLowTrainNoLongerSetsAFalseReference() {
        // last train happens to be small (×0.5): a one-train baseline of 300 µV would make a later
        // ×0.15 train (90 µV) only −70 %; against the 3-train median (600 µV) it is −85 %: alarm
        Session three = trains(Map.of(), 1.0, 1.2, 0.5);
        assertEquals(TA_P2P, capture(three).p2pUv(), 0.02 * TA_P2P);
        three.out.clear();
        three.train(Session.RIGHT, 400, Session.rightResponses(0.15));
        assertTrue(three.out.alarms().stream().anyMatch(a -> a.channel().equals("TA-R") && a.active()));

        Session one = trains(Map.of(MepSettings.BASELINE_TRAINS, 1.0), 1.0, 1.2, 0.5);
        MepBaseline b = capture(one);
        assertEquals(0.5 * TA_P2P, b.p2pUv(), 0.01 * TA_P2P, "baseline.trains = 1: the newest train alone");
        assertEquals("1 of 1 trains asked, all at tcmep.C3C4 400 V", b.provenance().settings().get("baseline.trains.note"));
        one.out.clear();
        one.train(Session.RIGHT, 400, Session.rightResponses(0.15));
        assertTrue(one.out.alarms().stream().noneMatch(AlarmCondition::active), one.out.alarms().toString());
    }

    @Test
    void fewerTrainsThanAskedAreUsedAndSaidSo() {
        MepBaseline b = capture(trains(Map.of(), 1.0, 1.4));
        assertEquals(1.2 * TA_P2P, b.p2pUv(), 0.02 * TA_P2P, "median of two = their mean");
        assertEquals(2, b.trains());
        assertEquals("FEWER THAN ASKED: 2 of 3 trains at tcmep.C3C4 400 V (only 2 trains at this site so far)",
                b.provenance().settings().get("baseline.trains.note"));
        assertTrue(b.describe().contains("(median of 2 trains)"), b.describe());
    }

    @Test
    void trainsAtAnotherIntensityOrWithoutAResponseAreLeftOut() {
        // 400 V ×1.0, then 450 V: ×1.2, no TA-R response, ×1.6 → the two 450 V responses: (720 + 960) / 2
        Session s = new Session();
        s.train(Session.RIGHT, 400, Session.rightResponses(1.0));
        s.train(Session.RIGHT, 450, Session.rightResponses(1.2));
        Map<String, Wave> noTa = new HashMap<>(Session.rightResponses(1.0));
        noTa.remove("TA-R");
        s.train(Session.RIGHT, 450, noTa);
        s.train(Session.RIGHT, 450, Session.rightResponses(1.6));
        MepBaseline b = capture(s);
        assertEquals(1.4 * TA_P2P, b.p2pUv(), 0.02 * TA_P2P);
        assertEquals(450, b.intensity());
        assertEquals("FEWER THAN ASKED: 2 of 3 trains at tcmep.C3C4 450 V (1 without a response left out)",
                b.provenance().settings().get("baseline.trains.note"));

        Session five = new Session(Map.of(MepSettings.BASELINE_TRAINS, 5.0));
        five.train(Session.RIGHT, 400, Session.rightResponses(1.0));
        five.train(Session.RIGHT, 450, Session.rightResponses(1.2));
        five.train(Session.RIGHT, 450, Session.rightResponses(1.6));
        MepBaseline f = capture(five);
        assertEquals("FEWER THAN ASKED: 2 of 5 trains at tcmep.C3C4 450 V (only 3 trains at this site so far;"
                + " 1 at another intensity left out)", f.provenance().settings().get("baseline.trains.note"));
    }

    @Test
    void noBaselineWhenTheNewestTrainEvokedNothing() {
        Session s = trains(Map.of(), 1.0, 1.0);
        Map<String, Wave> noTa = new HashMap<>(Session.rightResponses(1.0));
        noTa.remove("TA-R");
        s.train(Session.RIGHT, 400, noTa);
        assertNull(capture(s));
        assertEquals(Session.apb().truthP2p(), s.processor.baselines().get("APB-R").p2pUv(), 0.02 * Session.apb().truthP2p());
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3, BaselineBuilder.median(new double[] {5, 1, 3}));
        assertEquals(2.5, BaselineBuilder.median(new double[] {4, 1, 3, 2}));
        assertEquals(7, BaselineBuilder.median(new double[] {7}));
    }
}
