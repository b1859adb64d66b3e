package org.openionm.modality.emg.triggered.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.Units;
import org.openionm.core.stimulation.StimulationKind;

/** Response detection and thresholds against what the bench put into the signal. */
class ThresholdTest {

    private static List<Measurement> thresholds(Bench b) {
        return b.out.measurements().stream().filter(m -> m.component().equals("threshold")).toList();
    }

    @Test
    void theThresholdIsTheFirstRampStepWithACmapAndTheRampStopsThere() {
        Bench b = new Bench();
        b.ramp("screw.L5.left", 0.5, 0.5, 20, "EHL-L", 3.5);
        List<Measurement> t = thresholds(b);
        assertEquals(1, t.size(), "one threshold: " + t);
        Measurement m = t.get(0);
        assertEquals(3.5, m.value(), 1e-9, "the first step with a CMAP");
        assertEquals(Units.MILLIAMPERE, m.unit());
        assertEquals("screw.L5.left", m.site());
        assertEquals("EHL-L", m.channel());
        assertEquals("emg.triggered", m.modality());
        assertTrue(Double.isNaN(m.latencyMs()), "a threshold is not an evoked component");
        assertEquals(List.of("screw.L5.left"), b.stops, "the ramp is stopped at its threshold");
        // the CMAP itself: p2p as put in (250 µV), onset 12 ms (10 % of p2p is crossed a little later)
        Measurement cmap = b.out.lastMeasurement("EHL-L", "CMAP");
        assertEquals(250, cmap.amplitudeUv(), 12);
        assertTrue(cmap.latencyMs() >= Bench.ONSET_MS && cmap.latencyMs() < Bench.ONSET_MS + 3, "onset " + cmap.latencyMs());
    }

    @Test
    void thresholdsAreExactToOneStepForEveryTruthBetweenSteps() {
        for (double truth : new double[] {0.7, 3.2, 4.0, 7.99, 8.01, 12.3}) {
            Bench b = new Bench(Map.of(TemgSettings.STOP_AT_THRESHOLD, false));
            b.ramp("screw.S1.left", 0.4, 0.4, 20, "Gastroc-L", truth);
            List<Measurement> t = thresholds(b);
            assertEquals(1, t.size(), "truth " + truth + ": " + t);
            double found = t.get(0).value();
            assertTrue(found >= truth - 1e-9 && found < truth + 0.4, "truth " + truth + " mA, found " + found + " mA");
            assertTrue(b.stops.isEmpty(), "stop switched off");
        }
    }

    @Test
    void belowTheCriterionIsNoResponseAndTheArtifactIsBlanked() {
        Bench b = new Bench();
        // 3 mV artifact at every stimulus, CMAPs of 90 µV: nothing reaches 100 µV after the blanking
        for (int k = 1; k <= 10; k++) {
            b.stimulus("screw.L4.left", k, Map.of("EHL-L", 90.0));
        }
        assertTrue(thresholds(b).isEmpty(), "no threshold: " + thresholds(b));
        assertTrue(b.out.measurements("EHL-L", "CMAP").isEmpty());
        assertTrue(b.out.alarms().isEmpty());
        // without blanking the artifact is read as a response
        Bench raw = new Bench(Map.of(TemgSettings.BLANK_MS, 0.0));
        raw.stimulus("screw.L4.left", 1, Map.of());
        assertEquals(List.of("EHL-L", "Gastroc-L"), thresholds(raw).stream().map(Measurement::channel).toList(),
                "the artifact itself counts in every muscle when nothing is blanked");
    }

    @Test
    void eachMuscleHasItsThresholdAndANewRampStartsOver() {
        Bench b = new Bench(Map.of(TemgSettings.STOP_AT_THRESHOLD, false));
        for (double mA : new double[] {1, 2, 3, 4, 5}) {
            b.stimulus("screw.S1.left", mA, mA >= 4 ? Map.of("Gastroc-L", 300.0, "EHL-L", 150.0)
                    : mA >= 2 ? Map.of("Gastroc-L", 300.0) : Map.of());
        }
        b.stimulus("screw.S1.left", 1, Map.of()); // a new ramp (the screw was redirected)
        b.stimulus("screw.S1.left", 2, Map.of());
        b.stimulus("screw.S1.left", 3, Map.of("Gastroc-L", 200.0));
        List<Measurement> t = thresholds(b);
        assertEquals(List.of("Gastroc-L 2.0", "EHL-L 4.0", "Gastroc-L 3.0"),
                t.stream().map(m -> m.channel() + " " + m.value()).toList());
    }

    @Test
    void singleStimuliCountAtScrewsAndNervesOnly() {
        Bench b = new Bench();
        b.kind = StimulationKind.SINGLE;
        b.stimulus("Screw 7", 5, Map.of("EHL-L", 300.0)); // a site in none of OpenIONM's forms
        b.stimulus("facial.left", 0.1, Map.of("EHL-L", 300.0));
        b.kind = StimulationKind.TRAIN;
        b.stimulus("screw.L4.left", 5, Map.of("EHL-L", 300.0)); // a train is not triggered EMG
        assertEquals(List.of("facial.left"), thresholds(b).stream().map(Measurement::site).toList());
        assertTrue(b.stops.isEmpty(), "a single stimulus is no ramp to stop");
    }
}
