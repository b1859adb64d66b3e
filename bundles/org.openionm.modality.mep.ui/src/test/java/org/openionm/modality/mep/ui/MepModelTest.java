package org.openionm.modality.mep.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.Provenance;
import org.openionm.core.processing.TrendPoint;
import org.openionm.ui.widgets.evoked.EvokedModel;
import org.openionm.ui.widgets.evoked.EvokedModel.Series;
import org.openionm.ui.widgets.evoked.EvokedModel.Tile;

/** Which tiles, rows and series the TcMEP view shows for a known sequence of trains (no display). */
class MepModelTest {

    static Provenance prov(String preset) {
        return new Provenance("mep 0.1.0", Map.of("filter", "100-1500 Hz zero-phase", "alarm.preset", preset,
                "alarm.amplitude.spinal.pct", "80", "alarm.amplitude.brain.pct", "50"));
    }

    static final Provenance SPINAL = prov("spinal (amplitude ↓ > 80 % (spinal cord))");

    /** What MepProcessor.publish sends for one muscle's response to one train. */
    static void publish(EvokedModel m, double t, String site, String muscle, double p2p, Provenance p) {
        m.measurement(new Measurement(t, "mep", site, muscle, "MEP", 22, p2p, 1, 0, p));
        m.average(new AverageTrace(t, "mep", site, muscle, new float[400], 5000, 1, 0, p));
        String s = site + "/" + muscle + "/";
        m.trend(new TrendPoint(t, "mep", s + "present", 1, ""));
        m.trend(new TrendPoint(t, "mep", s + "p2p", p2p, "uV"));
        m.trend(new TrendPoint(t, "mep", s + "onset", 22, "ms"));
        m.trend(new TrendPoint(t, "mep", s + "area", 900, "uV*ms"));
    }

    @Test
    void oneTilePerMuscleWithTheTrainSiteAsRow() {
        EvokedModel m = new EvokedModel(new MepRules());
        for (String muscle : List.of("APB-L", "TA-L", "AH-L")) {
            publish(m, 10, "tcmep.C4C3", muscle, 500, SPINAL);
        }
        publish(m, 20, "tcmep.C3C4", "APB-R", 450, SPINAL);
        publish(m, 30, "tcmep.C4C3", "APB-L", 480, SPINAL);
        m.average(new AverageTrace(31, "ssep", "median.left", "CP4-Fpz", new float[10], 5000, 300, 0, SPINAL));

        assertEquals(List.of("APB-L", "TA-L", "AH-L", "APB-R"), m.tiles().stream().map(Tile::key).toList());
        assertEquals(List.of("C4C3"), m.tile("APB-L").rows().stream().map(EvokedModel.Row::label).toList());
        assertEquals(2, m.tile("APB-L").rows().get(0).history().size());
        assertEquals("onset", new MepRules().markerLabel("MEP"));
    }

    @Test
    void singleTrialsAreStackedUpToEight() {
        EvokedModel m = new EvokedModel(new MepRules());
        for (int i = 1; i <= 11; i++) {
            publish(m, i, "tcmep.C4C3", "TA-L", 300, SPINAL);
        }
        List<AverageTrace> h = m.tile("TA-L").rows().get(0).history();
        assertEquals(8, h.size());
        assertEquals(11, h.get(0).timeSeconds());
    }

    @Test
    void onlyPeakToPeakIsTrendedWithTheBaselineAndThePresetThreshold() {
        EvokedModel m = new EvokedModel(new MepRules());
        publish(m, 10, "tcmep.C4C3", "APB-L", 500, SPINAL);
        m.baseline(new AverageTrace(12, "mep", "tcmep.C4C3", "APB-L", new float[400], 5000, 1, 0, SPINAL));
        publish(m, 40, "tcmep.C4C3", "APB-L", 90, SPINAL);

        List<Series> series = m.tile("APB-L").series();
        assertEquals(1, series.size());
        assertEquals("p2p C4C3", series.get(0).target().label());
        assertArrayEquals(new double[] { 10, 40 }, series.get(0).times());
        assertArrayEquals(new double[] { 500, 90 }, series.get(0).values());
        assertEquals(500, series.get(0).baseline());
        assertEquals(100, series.get(0).threshold(), 1e-9, "spinal preset: −80 %");
        assertTrue(m.tile("APB-L").rows().get(0).baseline() != null);
    }

    @Test
    void theBrainPresetDrawsTheLineAtHalfTheBaseline() {
        assertEquals(250, new MepRules().threshold(org.openionm.ui.widgets.evoked.EvokedRules.Axis.AMPLITUDE, 500,
                prov("brain (amplitude ↓ > 50 % (brain, brainstem, facial))")), 1e-9);
        assertEquals(250, new MepRules().threshold(org.openionm.ui.widgets.evoked.EvokedRules.Axis.AMPLITUDE, 500,
                prov("1 (amplitude ↓ > 50 % (brain, brainstem, facial))")), 1e-9, "as 0.1.0 wrote it");
        assertEquals(100, new MepRules().threshold(org.openionm.ui.widgets.evoked.EvokedRules.Axis.AMPLITUDE, 500,
                prov("0 (amplitude ↓ > 80 % (spinal cord))")), 1e-9, "as 0.1.0 wrote it");
        assertTrue(Double.isNaN(new MepRules().threshold(org.openionm.ui.widgets.evoked.EvokedRules.Axis.LATENCY, 22, SPINAL)));
    }
}
