package org.openionm.ui.widgets.evoked;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Scales and axis steps of the waterfall: 1-2-5 values, labels that do not collide. */
class WaterfallScaleTest {

    @Test
    void theFirstTraceGetsTheSmallest125ScaleThatHoldsIt() {
        assertEquals(2, WaterfallCanvas.niceScale(new float[] { 0.3f, -1.7f }));
        assertEquals(5, WaterfallCanvas.niceScale(new float[] { 2.01f }));
        assertEquals(1000, WaterfallCanvas.niceScale(new float[] { 967f, Float.NaN }));
        assertEquals(1, WaterfallCanvas.niceScale(new float[] { 0f }), "a flat trace still gets a scale");
    }

    @Test
    void theWheelStepsAlongThe125Ladder() {
        assertEquals(200, WaterfallCanvas.floorNice(500 * 0.99));
        assertEquals(100, WaterfallCanvas.floorNice(200 * 0.99));
        assertEquals(50, WaterfallCanvas.floorNice(100 * 0.99));
    }

    @Test
    void timeAxisLabelsStayAtLeast40PixelsApart() {
        assertEquals(5, WaterfallCanvas.axisStep(50, 400)); // 40 px per 5 ms
        assertEquals(10, WaterfallCanvas.axisStep(50, 300)); // 5 ms would be 30 px
        assertEquals(20, WaterfallCanvas.axisStep(50, 120)); // 10 ms would be 24 px
        assertEquals(50, WaterfallCanvas.axisStep(80, 130));
    }
}
