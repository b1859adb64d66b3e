package org.openionm.ui.widgets.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TraceBufferTest {

    private static float[][] ramp(long first, int n, int channels) {
        float[][] data = new float[channels][n];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < n; i++) {
                data[c][i] = (first + i) + 0.5f * c;
            }
        }
        return data;
    }

    @Test
    void keepsTheNewestSecondsAcrossWrapAround() {
        TraceBuffer buffer = new TraceBuffer(2, 100, 1); // 100 samples
        for (long first = 0; first < 1000; first += 30) {
            buffer.append(first, ramp(first, 30, 2));
        }
        assertEquals(1020, buffer.newestIndex());
        float[] out = new float[120];
        buffer.copy(1, 900, 120, out);
        for (int i = 0; i < 120; i++) {
            long index = 900 + i;
            if (index < 920) {
                assertTrue(Float.isNaN(out[i]), "overwritten sample " + index + " must read as missing");
            } else {
                assertEquals(index + 0.5f, out[i], "sample " + index);
            }
        }
    }

    @Test
    void jumpsAndGapsReadAsMissing() {
        TraceBuffer buffer = new TraceBuffer(1, 1000, 1);
        buffer.append(0, ramp(0, 100, 1));
        buffer.append(150, ramp(150, 50, 1)); // samples 100..149 never came
        buffer.gap(260); // a reported gap: 200..259 missing
        float[] out = new float[300];
        buffer.copy(0, 0, 300, out);
        assertEquals(99f, out[99]);
        assertTrue(Float.isNaN(out[100]) && Float.isNaN(out[149]));
        assertEquals(150f, out[150]);
        assertTrue(Float.isNaN(out[200]) && Float.isNaN(out[259]));
        assertTrue(Float.isNaN(out[260]), "not yet arrived");
        assertEquals(260, buffer.newestIndex());
    }
}
