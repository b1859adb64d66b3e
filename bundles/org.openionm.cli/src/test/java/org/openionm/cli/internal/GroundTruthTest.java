package org.openionm.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The ground truth the latency benchmark measures against: spinal-cord-ischemia's scripted ramps. */
class GroundTruthTest {

    private static GroundTruth ischemia() {
        GroundTruth g = new GroundTruth();
        assertFalse(g.add(200, "TRUTH cautery for 3 s"));
        assertFalse(g.add(290, "TRUTH derotation manoeuvre"));
        assertTrue(g.add(300, "TRUTH MEP TA-L,AH-L,EHL-L,Gastroc-L,Vastus-L amplitude -95% over 30 s"));
        assertTrue(g.add(300, "TRUTH tibial.left N34,P37,N45 amplitude -60% over 20 s"));
        assertTrue(g.add(330, "TRUTH MEP TA-R,AH-R amplitude -40% over 60 s"));
        assertTrue(g.add(330, "TRUTH tibial.left P37 latency +2.5 ms over 60 s"));
        assertTrue(g.add(600, "TRUTH MEP TA-L,AH-L,EHL-L,Gastroc-L,Vastus-L,TA-R,AH-R amplitude 0% over 120 s"));
        assertTrue(g.add(600, "TRUTH tibial.left N34,P37,N45 amplitude 0%, latency 0 ms over 120 s"));
        return g;
    }

    @Test
    void changesAreReadFromTheAnnotations() {
        GroundTruth g = ischemia();
        assertEquals(Set.of("N34", "P37", "N45"), g.changed("ssep").get("tibial.left"));
        assertEquals(List.of("TA-L", "AH-L", "EHL-L", "Gastroc-L", "Vastus-L", "TA-R", "AH-R"), List.copyOf(g.changed("mep").keySet()));
        assertEquals(300, g.onset("ssep", "tibial.left", "P37"));
        assertEquals(330, g.onset("mep", "TA-R", "TA-R"));
        assertTrue(Double.isNaN(g.onset("ssep", "tibial.left", "PF")), "the popliteal potential is not changed");
    }

    @Test
    void rampsCrossTheCriteriaWhereTheArithmeticSays() {
        GroundTruth g = ischemia();
        // SSEP -60 % over 20 s crosses -50 % at 300 + 20 × 50/60
        double ssep = GroundTruth.firstTime(t -> g.amplitudeFactor("ssep", "tibial.left", "P37", t) <= 0.5 + 1e-9, 0, 1200);
        assertEquals(300 + 20 * 50 / 60.0, ssep, 0.002);
        // MEP -95 % over 30 s crosses -80 % (strictly) at 300 + 30 × 80/95
        double mep = GroundTruth.firstTime(t -> g.amplitudeFactor("mep", "TA-L", "TA-L", t) < 0.2 - 1e-9, 0, 1200);
        assertEquals(300 + 30 * 80 / 95.0, mep, 0.002);
        // recovery from 600 (still -60 %) to 0 over 120 s is back above -50 % at 600 + 120 × 10/60
        double back = GroundTruth.firstTime(t -> g.amplitudeFactor("ssep", "tibial.left", "P37", t) > 0.5 + 1e-9, ssep, 1200);
        assertEquals(620, back, 0.002);
        // -40 % on the right never reaches -80 %
        assertTrue(Double.isNaN(GroundTruth.firstTime(t -> g.amplitudeFactor("mep", "TA-R", "TA-R", t) < 0.2, 0, 1200)));
        // 2.5 ms on a 38 ms P37 is 6.6 %: below the 10 % latency criterion
        assertEquals(100 * 2.5 / 38, g.latencyIncreasePercent("tibial.left", "P37", 38, 500), 1e-9);
        assertEquals(0, g.latencyIncreasePercent("tibial.left", "N34", 33.5, 500), 1e-9);
    }

    @Test
    void percentilesAreNearestRank() {
        List<Double> v = List.of(5.0, 1.0, 4.0, 2.0, 3.0, 6.0, 7.0, 8.0, 9.0, 10.0);
        assertEquals(1, GroundTruth.percentile(v, 0));
        assertEquals(5, GroundTruth.percentile(v, 50));
        assertEquals(9, GroundTruth.percentile(v, 90));
        assertEquals(10, GroundTruth.percentile(v, 100));
        assertTrue(Double.isNaN(GroundTruth.percentile(List.of(), 50)));
    }
}
