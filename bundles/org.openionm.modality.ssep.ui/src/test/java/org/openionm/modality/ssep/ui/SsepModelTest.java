package org.openionm.modality.ssep.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.Provenance;
import org.openionm.core.processing.TrendPoint;
import org.openionm.ui.widgets.evoked.EvokedFeed;
import org.openionm.ui.widgets.evoked.EvokedModel;
import org.openionm.ui.widgets.evoked.EvokedModel.Series;
import org.openionm.ui.widgets.evoked.EvokedModel.Tile;
import org.openionm.ui.widgets.evoked.EvokedRules.Axis;

/** Which tiles, rows and series the SSEP view shows for a known sequence of results (no display). */
class SsepModelTest {

    static final Provenance PROV = new Provenance("ssep 0.1.0", Map.of("filter", "30-1000 Hz zero-phase",
            "averaging", "block average of 300 sweeps", "alarm.amplitude.decrease.percent", "50",
            "alarm.latency.increase.percent", "10"));

    static AverageTrace average(double t, String site, String channel) {
        return new AverageTrace(t, "ssep", site, channel, new float[500], 10_000, 300, 4, PROV);
    }

    static Measurement n20(double t, String site, String channel, double latency, double amplitude) {
        return new Measurement(t, "ssep", site, channel, "N20", latency, amplitude, 300, 4, PROV);
    }

    /** What Reporter.publish sends for one N20 measurement, plus the series the view must not chart. */
    static void publishN20(EvokedModel m, double t, String site, String ch, double latency, double amplitude) {
        m.average(average(t, site, ch));
        m.measurement(n20(t, site, ch, latency, amplitude));
        String s = site + "/" + ch + "/N20/";
        m.trend(new TrendPoint(t, "ssep", s + "latency", latency, "ms"));
        m.trend(new TrendPoint(t, "ssep", s + "amplitude", amplitude, "uV"));
        m.trend(new TrendPoint(t, "ssep", s + "amplitude.change", -10, "%"));
        m.trend(new TrendPoint(t, "ssep", site + "/" + ch + "/reproducibility", 0.9, "r"));
    }

    @Test
    void oneTilePerSiteInArrivalOrderWithARowPerChannel() {
        EvokedModel m = new EvokedModel(new SsepRules());
        for (String site : List.of("median.left", "tibial.right", "median.right")) {
            m.average(average(95, site, "Cv5-Fpz"));
            m.average(average(95, site, site.startsWith("median") ? "CP4-Fpz" : "CPz-Fpz"));
        }
        m.average(average(190, "median.left", "Cv5-Fpz"));
        // another modality's results are not shown here
        m.average(new AverageTrace(100, "mep", "tcmep.C4C3", "APB-L", new float[10], 5000, 1, 0, PROV));

        assertEquals(List.of("median.left", "tibial.right", "median.right"), m.tiles().stream().map(Tile::key).toList());
        assertEquals(List.of("Cv5-Fpz", "CP4-Fpz"),
                m.tile("median.left").rows().stream().map(EvokedModel.Row::channel).toList());
        assertEquals(190, m.tile("median.left").rows().get(0).newest().timeSeconds(), "newest first");
        assertEquals(2, m.tile("median.left").rows().get(0).history().size());
    }

    @Test
    void historyKeepsTheNewestSixAverages() {
        EvokedModel m = new EvokedModel(new SsepRules());
        for (int i = 1; i <= 9; i++) {
            m.average(average(95 * i, "median.left", "CP4-Fpz"));
        }
        List<AverageTrace> h = m.tile("median.left").rows().get(0).history();
        assertEquals(6, h.size());
        assertEquals(95 * 9, h.get(0).timeSeconds());
        assertEquals(95 * 4, h.get(5).timeSeconds());
    }

    @Test
    void trendChartsExactlyThePublishedN20AmplitudeAndLatency() {
        EvokedModel m = new EvokedModel(new SsepRules());
        publishN20(m, 95, "median.left", "CP4-Fpz", 19.6, 2.4);
        publishN20(m, 190, "median.left", "CP4-Fpz", 19.9, 2.1);
        m.trend(new TrendPoint(190, "ssep", "median.left/Cv5-Fpz/N13/amplitude", 1.1, "uV")); // not watched

        List<Series> series = m.tile("median.left").series();
        assertEquals(2, series.size(), "N20 latency and amplitude only");
        Series lat = series.get(0);
        Series amp = series.get(1);
        assertEquals(Axis.LATENCY, lat.target().axis());
        assertArrayEquals(new double[] { 95, 190 }, lat.times());
        assertArrayEquals(new double[] { 19.6, 19.9 }, lat.values());
        assertArrayEquals(new double[] { 2.4, 2.1 }, amp.values());
        assertTrue(Double.isNaN(amp.baseline()), "no baseline captured yet");
    }

    @Test
    void capturedBaselineGivesTheTrendItsValueAndTheAlarmThresholdOfThePreset() {
        EvokedModel m = new EvokedModel(new SsepRules());
        publishN20(m, 95, "median.left", "CP4-Fpz", 19.6, 2.4);
        AverageTrace base = average(120, "median.left", "CP4-Fpz");
        m.baseline(base);
        publishN20(m, 190, "median.left", "CP4-Fpz", 20.5, 1.0);

        Series lat = m.tile("median.left").series().get(0);
        Series amp = m.tile("median.left").series().get(1);
        assertEquals(2.4, amp.baseline(), 1e-12);
        assertEquals(1.2, amp.threshold(), 1e-12, "-50 % of the baseline amplitude");
        assertEquals(19.6, lat.baseline(), 1e-12);
        assertEquals(19.6 * 1.1, lat.threshold(), 1e-12, "+10 % of the baseline latency");
        assertEquals(base, m.tile("median.left").rows().get(0).baseline());
        assertEquals(List.of("N20"), m.tile("median.left").rows().get(0).markers().stream().map(Measurement::component).toList());
        assertEquals(20.5, m.tile("median.left").rows().get(0).markers().get(0).latencyMs());
    }

    @Test
    void aBaselineCapturedFromAnAverageWithoutN20GivesTheN20TrendNoReference() {
        EvokedModel m = new EvokedModel(new SsepRules());
        publishN20(m, 95, "median.left", "CP4-Fpz", 19.6, 2.4);
        m.average(average(190, "median.left", "CP4-Fpz")); // N20 not found in this one: no measurement
        m.baseline(average(200, "median.left", "CP4-Fpz"));
        Series amp = m.tile("median.left").series().get(1);
        assertTrue(Double.isNaN(amp.baseline()), "the processor has no N20 baseline either");
        assertTrue(Double.isNaN(amp.threshold()));
    }

    @Test
    void aNewAcquisitionStartsAnEmptyDisplay() {
        EvokedModel m = new EvokedModel(new SsepRules());
        publishN20(m, 95, "median.left", "CP4-Fpz", 19.6, 2.4);
        m.acquisitionEnded();
        assertEquals(1, m.tiles().size(), "results stay visible after the end");
        EvokedFeed feed = new EvokedFeed("ssep"); // as the host says it: a new acquisition, then its results
        feed.acquisitionStarted();
        feed.average(average(95, "tibial.left", "CPz-Fpz"));
        feed.drainInto(m);
        assertEquals(List.of("tibial.left"), m.tiles().stream().map(Tile::key).toList());
        assertNull(m.tile("median.left"));
    }
}
