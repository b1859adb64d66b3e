package org.openionm.ui.widgets.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 11: the trace-label rule without a display. Text is 7 px a character and lines 15 px
 * high, so every expected number below is counted by hand.
 */
class TraceLabelLayoutTest {

    private static final ToIntFunction<String> SEVEN_PX = s -> 7 * s.length();
    private static final int LINE = 15;
    private static final int MAX_WIDTH = 102; // LABEL_WIDTH − 8

    private static List<String> labels(int n) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels.add("Ch" + (i + 1));
        }
        return labels;
    }

    private static List<String> scales(int n) {
        List<String> scales = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            scales.add("±50 µV");
        }
        return scales;
    }

    private static void assertNoOverlap(List<TraceLabelLayout.Placed> placed, String where) {
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                assertFalse(placed.get(i).intersects(placed.get(j)), where + ": " + placed.get(i) + " and " + placed.get(j));
            }
        }
    }

    @Test
    void roomyRowsShowEveryLabelAndScale() {
        // 8 rows of 100 px: both lines fit (2 × 15 + 2 ≤ 100)
        List<TraceLabelLayout.Placed> placed = TraceLabelLayout.place(labels(8), scales(8), 100, LINE, MAX_WIDTH, SEVEN_PX, 4);
        assertEquals(16, placed.size());
        assertEquals("Ch1", placed.get(0).text());
        assertEquals(2, placed.get(0).y());
        assertEquals("±50 µV", placed.get(1).text());
        assertEquals(17, placed.get(1).y());
        assertEquals(702, placed.get(14).y(), "row 7 starts at 700, its label 2 px below");
        assertNoOverlap(placed, "8 rows");
    }

    @Test
    void rowsOfOneLineShowEveryLabelButNoScale() {
        // 64 rows of 20 px (a 1280-px plot): 17 ≤ 20 < 32 — one line a row
        List<TraceLabelLayout.Placed> placed = TraceLabelLayout.place(labels(64), scales(64), 20, LINE, MAX_WIDTH, SEVEN_PX, 4);
        assertEquals(64, placed.size());
        assertTrue(placed.stream().noneMatch(p -> p.text().startsWith("±")));
        assertNoOverlap(placed, "64 rows of 20 px");
    }

    @Test
    void rowsLowerThanALineShowEveryKthLabel() {
        // 64 rows of 9.2 px (a 589-px plot at 1280×800): a line needs 17 px, so every 2nd row (18.4 px)
        List<TraceLabelLayout.Placed> placed = TraceLabelLayout.place(labels(64), scales(64), 9.2, LINE, MAX_WIDTH, SEVEN_PX, 4);
        assertEquals(32, placed.size());
        assertEquals(List.of(0, 2, 4), placed.stream().limit(3).map(TraceLabelLayout.Placed::trace).toList());
        assertEquals(18, placed.get(1).y(), "row 2 starts at round(18.4)");
        assertNoOverlap(placed, "64 rows of 9.2 px");
        // 64 rows of 4 px: every 5th (20 px ≥ 17)
        placed = TraceLabelLayout.place(labels(64), scales(64), 4, LINE, MAX_WIDTH, SEVEN_PX, 4);
        assertEquals(13, placed.size(), "rows 0, 5, …, 60");
        assertNoOverlap(placed, "64 rows of 4 px");
    }

    @Test
    void noOverlapAtAnyRowHeight() {
        for (int n : new int[] { 1, 8, 16, 32, 48, 64, 128 }) {
            for (double h = 1; h <= 120; h += 0.37) {
                List<TraceLabelLayout.Placed> placed = TraceLabelLayout.place(labels(n), scales(n), h, LINE, MAX_WIDTH,
                        SEVEN_PX, 4);
                assertNoOverlap(placed, n + " rows of " + h + " px");
                assertTrue(placed.stream().allMatch(p -> p.width() <= MAX_WIDTH), "all within the label column");
                if (h >= LINE + TraceLabelLayout.PAD) {
                    assertEquals(n, placed.stream().filter(p -> !p.text().startsWith("±")).count(),
                            "every label shown when a row holds a line: " + n + " rows of " + h + " px");
                }
            }
        }
    }

    @Test
    void aLongLabelIsAbbreviatedToTheColumn() {
        String label = "SSEP tibial.left CPz-Fpz"; // 24 characters: 168 px
        assertEquals("SSEP tibial.l…", TraceLabelLayout.fit(label, MAX_WIDTH, SEVEN_PX), "14 characters: 98 px ≤ 102");
        assertEquals("APB-R", TraceLabelLayout.fit("APB-R", MAX_WIDTH, SEVEN_PX));
        assertEquals("", TraceLabelLayout.fit("APB-R", 6, SEVEN_PX));
    }
}
