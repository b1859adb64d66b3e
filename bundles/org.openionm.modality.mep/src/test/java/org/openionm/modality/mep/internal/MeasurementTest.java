package org.openionm.modality.mep.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.core.stimulation.StimulationKind;

class MeasurementTest {

    @Test
    void onsetAmplitudeAreaAndPhasesMatchTheInjectedResponses() {
        Session s = new Session();
        s.train(Session.RIGHT, 400, Session.rightResponses(1));
        for (var e : Map.of("APB-R", Session.apb(), "TA-R", Session.ta(), "AH-R", Session.ah()).entrySet()) {
            Measurement m = s.out.lastMeasurement(e.getKey());
            assertNotNull(m, e.getKey());
            Wave w = e.getValue();
            System.out.printf("%s onset %.2f ms (truth %.2f), p2p %.1f uV (truth %.1f), area %.1f (truth %.1f),"
                    + " phases %.0f (truth %d)%n", e.getKey(), m.latencyMs(), w.onsetMs(), m.amplitudeUv(),
                    w.truthP2p(), s.out.lastTrendValue(e.getKey() + "/area"), w.truthArea(),
                    s.out.lastTrendValue(e.getKey() + "/phases"), w.phases().length);
            assertEquals(w.onsetMs(), m.latencyMs(), 0.5, e.getKey() + " onset");
            assertEquals(w.truthP2p(), m.amplitudeUv(), 0.05 * w.truthP2p(), e.getKey() + " p2p");
            assertEquals(w.phases().length, s.out.lastTrendValue(e.getKey() + "/phases"), e.getKey() + " phases");
            assertEquals(w.truthArea(), s.out.lastTrendValue(e.getKey() + "/area"), 0.10 * w.truthArea(),
                    e.getKey() + " area");
            assertEquals("MEP", m.component());
            assertEquals(1, m.sweepsUsed());
            assertTrue(m.provenance().settings().get("filter").contains("zero-phase"));
        }
        AverageTrace t = s.out.averages().stream().filter(a -> a.channel().equals("TA-R")).findFirst().orElseThrow();
        assertEquals(1, t.sweepsUsed());
        assertEquals(1000, t.samplesUv().length, "100 ms at 10 kHz from the first pulse");
        assertEquals(Session.RIGHT, t.site());
    }

    /** Stimuli declared trains are analysed whatever they are called; a site with no montage, on every muscle. */
    @Test
    void trainsAreRecognisedByTheirDeclaredKindNotTheirId() {
        Session s = new Session();
        s.kind = StimulationKind.AVERAGED;
        s.train(Session.RIGHT, 400, Session.rightResponses(1));
        assertTrue(s.out.measurements().isEmpty(), "a tcmep-named stimulus declared averaged is no train");
        s.kind = StimulationKind.TRAIN;
        s.train("D-wave", 400, Session.rightResponses(1));
        Measurement ta = s.out.lastMeasurement("TA-R");
        assertNotNull(ta, "a train named D-wave is measured");
        assertEquals("D-wave", ta.site());
        assertEquals(Session.ta().truthP2p(), ta.amplitudeUv(), 0.05 * Session.ta().truthP2p());
        assertNotNull(s.out.lastMeasurement("TA-L"), "no montage in the id: both sides measured");
    }

    @Test
    void contralateralMusclesAreNotMeasuredAndAMissingResponseIsReportedAbsent() {
        Session s = new Session();
        // C3C4 excites right-side muscles; AH-R gets nothing injected
        s.train(Session.RIGHT, 400, Map.of("APB-R", Session.apb(), "TA-R", Session.ta()));
        for (String left : new String[] {"APB-L", "TA-L", "AH-L"}) {
            assertNull(s.out.lastMeasurement(left), left + " is not excited by C3C4");
        }
        Measurement ah = s.out.lastMeasurement("AH-R");
        System.out.printf("AH-R without response: p2p %.1f uV, latency %s%n", ah.amplitudeUv(), ah.latencyMs());
        assertTrue(Double.isNaN(ah.latencyMs()), "no onset without a response");
        assertEquals(0, s.out.lastTrendValue("AH-R/present"));
        assertEquals(1, s.out.lastTrendValue("TA-R/present"));
        assertTrue(Double.isNaN(s.out.lastTrendValue("AH-R/phases")));
        assertFalse(s.out.measurements().stream().anyMatch(m -> m.channel().equals("CP3-Fz")));

        // the other montage: left muscles measured, right ones not
        s.out.clear();
        s.train(Session.LEFT, 400, Map.of("TA-L", Session.ta()));
        assertEquals(30, s.out.lastMeasurement("TA-L").latencyMs(), 0.5);
        assertEquals(0, s.out.lastTrendValue("APB-L/present"), "APB-L got nothing");
        assertNull(s.out.lastMeasurement("TA-R"));
    }

    @Test
    void muscleSideRules() {
        assertEquals(MuscleSide.LEFT, MuscleSide.ofLabel("TA-L"));
        assertEquals(MuscleSide.RIGHT, MuscleSide.ofLabel("APB R"));
        assertEquals(MuscleSide.UNKNOWN, MuscleSide.ofLabel("Tongue"));
        assertEquals(MuscleSide.RIGHT, MuscleSide.evokedBy("tcmep.C3C4"));
        assertEquals(MuscleSide.LEFT, MuscleSide.evokedBy("tcmep.C4C3"));
        assertTrue(MuscleSide.evokes("tcmep.C1C2", "Tongue"));
        assertFalse(MuscleSide.evokes("tcmep.C3C4", "TA-L"));
        assertEquals(MuscleSide.UNKNOWN, MuscleSide.evokedBy("tcmep.CzFz"), "midline anode");
        assertEquals(MuscleSide.RIGHT, MuscleSide.evokedBy("tcmep.Fp1Fz"), "two-letter electrode");
        assertEquals(MuscleSide.UNKNOWN, MuscleSide.evokedBy("median.left"));
        assertEquals(MuscleSide.UNKNOWN, MuscleSide.evokedBy("tcmep.C3"), "no cathode: no montage");
    }

    @Test
    void aTrainWhoseWindowTouchesAGapIsDroppedAndTheNextOneIsMeasured() {
        Session s = new Session();
        // train at 100 ms, window to 200 ms; samples 150–170 ms never arrive
        s.train(Session.RIGHT, 400, Session.rightResponses(1), 150, 170);
        assertTrue(s.out.measurements().isEmpty(), s.out.measurements().toString());
        s.train(Session.RIGHT, 400, Session.rightResponses(1));
        assertEquals(30, s.out.lastMeasurement("TA-R").latencyMs(), 0.5);
    }
}
