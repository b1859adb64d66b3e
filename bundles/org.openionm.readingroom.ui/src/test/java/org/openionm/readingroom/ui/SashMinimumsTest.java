package org.openionm.readingroom.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The sizes a SashForm's children get when its weights would leave one under its minimum (hand-computed). */
class SashMinimumsTest {

    private static final int[] COLUMN = { 55, 28, 17 }; // a case column's strip, tiles and chat

    @Test
    void weightsThatGiveEveryChildItsMinimumAreKept() {
        assertSame(COLUMN, SashMinimums.sizes(COLUMN, new int[] { 0, 80, 50 }, 400)); // 220, 112, 68
    }

    @Test
    void childrenUnderTheirMinimumGetItAndTheRestGoesToTheOthers() {
        // 200 px by weight: 110, 56, 34 — tiles and chat too short; the strip keeps 200 - 80 - 50
        assertArrayEquals(new int[] { 70, 80, 50 }, SashMinimums.sizes(COLUMN, new int[] { 0, 80, 50 }, 200));
        // only the tiles pinned: the 120 px left shared 55:17 (91.7, 28.3, rounded down)
        assertArrayEquals(new int[] { 91, 80, 28 }, SashMinimums.sizes(COLUMN, new int[] { 0, 80, 0 }, 200));
    }

    @Test
    void pinningOneChildCanPushAnotherUnderItsMinimum() {
        int[] weights = { 50, 25, 25 };
        // 100, 50, 50: the middle pinned at 60; 140 left 50:25 → 93, 46 (chat still ≥ 45)
        assertArrayEquals(new int[] { 93, 60, 46 }, SashMinimums.sizes(weights, new int[] { 0, 60, 45 }, 200));
        // with 48 the chat's 46 is short too: both pinned, the strip keeps 92
        assertArrayEquals(new int[] { 92, 60, 48 }, SashMinimums.sizes(weights, new int[] { 0, 60, 48 }, 200));
    }

    @Test
    void minimumsThatDoNotFitLeaveTheWeightsToTheLayoutAround() {
        assertSame(COLUMN, SashMinimums.sizes(COLUMN, new int[] { 0, 80, 50 }, 100));
        assertSame(COLUMN, SashMinimums.sizes(COLUMN, new int[] { 0, 80, 50 }, 0));
    }
}
