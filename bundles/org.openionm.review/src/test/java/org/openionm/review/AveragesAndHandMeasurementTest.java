package org.openionm.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Provenance;

/** The averages at the cursor and the hand-read cursors against hand-built traces. */
class AveragesAndHandMeasurementTest {

    static AverageTrace average(double t, String channel, float[] uv) {
        return new AverageTrace(t, "ssep", "tibial-L", channel, uv, 5000, 200, 3, new Provenance("ssep test", Map.of()));
    }

    @Test
    void eachChannelShowsItsLastAverageCompletedAtOrBeforeTheCursor() {
        AverageTrace a10 = average(10, "Cz'-Fz", new float[] {1});
        AverageTrace a20 = average(20, "Cz'-Fz", new float[] {2});
        AverageTrace b15 = average(15, "CPi-Fz", new float[] {3});
        AverageTrace b40 = average(40, "CPi-Fz", new float[] {4});
        List<AverageTrace> all = List.of(a10, b15, a20, b40);

        assertEquals(List.of(), AveragesAtCursor.at(all, 5), "before the first average there is none to show");
        assertEquals(List.of(a10), AveragesAtCursor.at(all, 12));
        assertEquals(List.of(a20, b15), AveragesAtCursor.at(all, 20), "20 s: the average completed at exactly 20 s counts");
        assertEquals(List.of(a20, b40), AveragesAtCursor.at(all, 3600));
    }

    @Test
    void cursorsSnapToSamplesAndReadLatencyAndPeakToPeak() {
        // 5 kHz: 0.2 ms per sample; a P40-like peak of +1.5 µV at sample 200 (40.0 ms), a trough of −0.6 µV at 240 (48.0 ms)
        float[] uv = new float[500];
        uv[200] = 1.5f;
        uv[240] = -0.6f;
        AverageTrace a = average(720, "Cz'-Fz", uv);

        HandMeasurement m = HandMeasurement.read(a, 40.07, 47.95);

        assertEquals(40.0, m.latencyMs(), 1e-9, "40.07 ms is nearest sample 200");
        assertEquals(1.5, m.valueUv(), 1e-6);
        assertEquals(48.0, m.secondMs(), 1e-9);
        assertEquals(2.1, m.amplitudeUv(), 1e-6);
        assertEquals("ssep tibial-L Cz'-Fz at 0:12:00.0: latency 40.00 ms, amplitude 2.10 µV (cursors at 40.00 and 48.00 ms)",
                m.describe());
        // the screen names the site as a person reads it; the logged text above keeps the ids
        HandMeasurement named = new HandMeasurement("ssep", "tibial.left", "Cz'-Fz", 720, 40, 1.5, 48, -0.6);
        assertEquals("SSEP L tibial Cz'-Fz", named.where());
        assertEquals("SSEP L tibial Cz'-Fz at 0:12:00.0: latency 40.00 ms, amplitude 2.10 µV (cursors at 40.00 and 48.00 ms)",
                named.screenText());
        assertEquals("TcMEP C4\u2192C3 APB-L", new HandMeasurement("mep", "tcmep.C4C3", "APB-L", 0, 20, 1, 30, 0).where());
        // a cursor beyond the trace reads its last sample (99.8 ms), before it the first
        assertEquals(99.8, HandMeasurement.read(a, 500, -3).latencyMs(), 1e-9);
        assertEquals(0, HandMeasurement.read(a, 500, -3).secondMs());
    }
}
