package org.openionm.ui.widgets.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TraceRasterTest {

    private static final int BG = 0x000000;
    private static final int FG = 0x00FF00;
    private static final int CLIP = 0xFFAA00;

    @Test
    void columnsSpanMinToMaxAndJoinTheirNeighbours() {
        TraceRaster r = new TraceRaster();
        r.reset(4, 21, BG);
        float[] min = { 0, 5, Float.NaN, -5 };
        float[] max = { 0, 5, Float.NaN, -5 };
        // centre row 10, 1 pixel per unit: value 5 is y=5, value -5 is y=15
        int clipped = r.trace(min, max, 4, 0, 0, 20, 10, 1, FG, CLIP);
        assertEquals(0, clipped);
        // column 1 jumps from 0 (y=10) to 5 (y=5): it is drawn from y=5 down to y=10, joining column 0
        for (int y = 5; y <= 10; y++) {
            assertEquals(FG, r.pixel(1, y), "column 1, y " + y);
        }
        assertEquals(BG, r.pixel(1, 11));
        // the gap column stays empty, and the column after a gap is not joined across it
        for (int y = 0; y <= 20; y++) {
            assertEquals(BG, r.pixel(2, y), "gap column, y " + y);
            assertEquals(y == 15 ? FG : BG, r.pixel(3, y), "after the gap, y " + y);
        }
    }

    @Test
    void valuesBeyondTheRowAreMarkedAndCounted() {
        TraceRaster r = new TraceRaster();
        r.reset(2, 21, BG);
        float[] min = { -100, 0 };
        float[] max = { 100, 0 };
        int clipped = r.trace(min, max, 2, 0, 0, 20, 10, 1, FG, CLIP);
        assertEquals(1, clipped);
        assertEquals(CLIP, r.pixel(0, 0));
        assertEquals(CLIP, r.pixel(0, 20));
        assertEquals(FG, r.pixel(0, 10));
    }
}
