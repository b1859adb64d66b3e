package org.openionm.readingroom.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/**
 * The frame → screen bookkeeping with hand-made frames and paint times: a frame counts once, at the
 * first paint that shows its last sample; frames beyond the painted data wait; a replaced buffer forgets
 * its pending frames; columns are apart; the percentiles are the nearest-rank ones.
 */
class ScreenLatencyStatsTest {

    @Test
    void aFrameCountsOnceAtTheFirstPaintShowingIt() {
        ScreenLatencyStats s = new ScreenLatencyStats(new PrintWriter(new StringWriter()));
        Object a = new Object();
        Object b = new Object();
        s.frameAppended(a, 25, 1_000);
        s.frameAppended(a, 50, 1_050);
        s.frameAppended(a, 75, 1_100);
        s.frameAppended(b, 25, 1_010);
        s.painted(a, 50, 1_200); // frames ending at 25 and 50: 200 and 150 ms
        assertArrayEquals(new double[] {150, 200}, s.latencies());
        s.painted(a, 50, 1_300); // nothing new on screen
        assertEquals(2, s.latencies().length);
        s.painted(a, 80, 1_400); // the frame ending at 75: 300 ms
        s.painted(b, 10, 1_400); // column b has not shown its frame yet
        assertArrayEquals(new double[] {150, 200, 300}, s.latencies());
        s.bufferReplaced(b); // a new epoch: the old indices mean nothing
        s.painted(b, 30, 1_500);
        assertArrayEquals(new double[] {150, 200, 300}, s.latencies());
        s.painted(a, -1, 2_000);
        assertEquals(3, s.latencies().length);
    }

    @Test
    void theStartUpCanBeLeftOutOfTheSinceStartFigures() {
        StringWriter text = new StringWriter();
        ScreenLatencyStats s = new ScreenLatencyStats(new PrintWriter(text), 3600); // the whole test is "start-up"
        Object a = new Object();
        s.frameAppended(a, 25, 1_000);
        s.painted(a, 25, 4_000);
        assertEquals(0, s.latencies().length, "a late first paint is not steady state");
        ScreenLatencyStats counted = new ScreenLatencyStats(new PrintWriter(new StringWriter()), 0);
        counted.frameAppended(a, 25, 1_000);
        counted.painted(a, 25, 4_000);
        assertArrayEquals(new double[] {3_000}, counted.latencies());
    }

    @Test
    void nearestRankPercentiles() {
        double[] sorted = new double[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertEquals(50, ScreenLatencyStats.pct(sorted, 0.5));
        assertEquals(99, ScreenLatencyStats.pct(sorted, 0.99));
        assertEquals(100, ScreenLatencyStats.pct(sorted, 1));
        assertEquals(Double.NaN, ScreenLatencyStats.pct(new double[0], 0.5));
    }
}
