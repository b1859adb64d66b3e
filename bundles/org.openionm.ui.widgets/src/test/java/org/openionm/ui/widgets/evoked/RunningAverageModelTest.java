package org.openionm.ui.widgets.evoked;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Provenance;
import org.openionm.core.processing.TrendPoint;

/**
 * A running average (issue 13) fills the row until the first full average replaces it; it is never
 * history, never a measurement, and a late one does not come back over a full average.
 */
class RunningAverageModelTest {

    private static final class SiteRules implements EvokedRules {
        @Override public String modality() { return "ssep"; }
        @Override public String tileOf(String site, String channel) { return site; }
        @Override public String tileTitle(String tile) { return tile; }
        @Override public String rowLabel(String site, String channel) { return channel; }
        @Override public int historyDepth() { return 3; }
        @Override public TrendTarget trendTarget(TrendPoint point) { return null; }
        @Override public double threshold(Axis axis, double baseline, Provenance provenance) { return Double.NaN; }
    }

    private static AverageTrace trace(double t, int sweeps, boolean partial) {
        Map<String, String> p = partial ? Map.of("partial", "true", "sweeps.target", "500") : Map.of();
        return new AverageTrace(t, "ssep", "median.left", "CP4-Fpz", new float[100], 10_000, sweeps, 0, new Provenance("test", p));
    }

    @Test
    void theRunningAverageShowsUntilTheFirstFullAverage() {
        EvokedFeed feed = new EvokedFeed("ssep");
        EvokedModel model = new EvokedModel(new SiteRules());
        AverageTrace at120 = trace(25, 120, true);
        feed.partialAverage(trace(20, 105, true));
        feed.partialAverage(at120);
        feed.drainInto(model);
        EvokedModel.Row row = model.tile("median.left").rows().get(0);
        assertSame(at120, row.building());
        assertNull(row.newest(), "a running average is not a result");
        assertEquals("n 120 / 500", WaterfallCanvas.building(row.building()));
        assertTrue(EvokedText.describe(row).contains("incomplete, not measured"), EvokedText.describe(row));

        feed.average(trace(106, 500, false));
        feed.partialAverage(trace(107, 495, true)); // late: a full average is already shown
        feed.drainInto(model);
        row = model.tile("median.left").rows().get(0);
        assertNull(row.building());
        assertEquals(500, row.newest().sweepsUsed());
        assertEquals(1, row.history().size());
    }
}
