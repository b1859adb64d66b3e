package org.openionm.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Cursor and window arithmetic against values worked out by hand. */
class ReviewWindowTest {

    /** An 8-hour case. */
    private static final double CASE = 8 * 3600;

    @Test
    void theWindowIsCentredOnTheCursorAndNeverLeavesTheRecording() {
        ReviewWindow w = ReviewWindow.of(CASE).moveTo(1000);
        assertEquals(10, w.spanSeconds());
        assertEquals(995, w.startSeconds()); // 1000 − 10/2
        assertEquals(1005, w.endSeconds());
        // near the start the window stops at 0 and the cursor moves off centre
        assertEquals(0, w.moveTo(2).startSeconds());
        assertEquals(10, w.moveTo(2).endSeconds());
        // near the end: the last 10 s
        assertEquals(CASE - 10, w.moveTo(CASE - 1).startSeconds());
        assertEquals(CASE, w.moveTo(CASE - 1).endSeconds());
        // the cursor itself stays within the recording
        assertEquals(CASE, w.moveTo(CASE + 50).cursorSeconds());
        assertEquals(0, w.moveTo(-3).cursorSeconds());
    }

    @Test
    void aRecordingShorterThanTheSpanIsShownWhole() {
        ReviewWindow w = ReviewWindow.of(4).moveTo(3);
        assertEquals(0, w.startSeconds());
        assertEquals(4, w.endSeconds());
        assertEquals(w, w.zoomOut(), "10 s already holds a 4-s recording");
    }

    @Test
    void zoomStepsGoFromOneSecondToEightHours() {
        ReviewWindow w = new ReviewWindow(CASE, 14_400, 1);
        assertEquals(w, w.zoomIn(), "1 s is the shortest span");
        int steps = 0;
        while (w.zoomOut() != w) {
            w = w.zoomOut();
            steps++;
        }
        assertEquals(ReviewWindow.SPANS.length - 1, steps);
        assertEquals(CASE, w.spanSeconds());
        assertEquals(0, w.startSeconds());
        assertEquals(30, new ReviewWindow(CASE, 0, 60).zoomIn().spanSeconds());
        assertEquals(120, new ReviewWindow(CASE, 0, 60).zoomOut().spanSeconds());
        // a 45-min recording zooms out to 1 h at most, the first span that holds it
        ReviewWindow short45 = new ReviewWindow(2700, 0, 1800).zoomOut();
        assertEquals(3600, short45.spanSeconds());
        assertEquals(short45, short45.zoomOut());
    }

    @Test
    void scrollingMovesTheCursorByWholePages() {
        ReviewWindow w = new ReviewWindow(CASE, 100, 20);
        assertEquals(120, w.scroll(1).cursorSeconds());
        assertEquals(90, w.scroll(-0.5).cursorSeconds());
        assertEquals(0, w.scroll(-100).cursorSeconds());
    }

    @Test
    void samplesAndPixelsOfTheWindow() {
        ReviewWindow w = new ReviewWindow(CASE, 1000, 10);
        // 995 s … 1005 s at 10 kHz
        assertEquals(9_950_000, w.firstSample(10_000));
        assertEquals(10_050_000, w.endSample(10_000));
        // 1000 px for 10 s: 10 ms per pixel
        assertEquals(995, w.secondsAt(0, 1000));
        assertEquals(1000, w.secondsAt(500, 1000));
        assertEquals(1002.5, w.secondsAt(750, 1000));
        assertEquals(1005, w.secondsAt(5000, 1000), "a click beyond the view is its edge");
        assertEquals(750, w.xOf(1002.5, 1000));
    }

    @Test
    void spansAndClockAreNamedAsAReaderSaysThem() {
        assertEquals("10 s", ReviewWindow.describeSpan(10));
        assertEquals("2 min", ReviewWindow.describeSpan(120));
        assertEquals("8 h", ReviewWindow.describeSpan(28_800));
        assertEquals("0:12:05.3", ReviewWindow.clock(725.3));
        assertEquals("7:59:59.9", ReviewWindow.clock(28_799.94));
    }

    @Test
    void aNegativeDurationOrZeroSpanIsRefusedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ReviewWindow(-1, 0, 10));
        assertEquals("duration must be ≥ 0 s, not -1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ReviewWindow(10, 0, 0));
    }
}
