package org.openionm.ui.alarms;

import java.util.function.ToIntFunction;

/**
 * The banner's text in the width it has (issue 16, item 11): the finding is shortened with an ellipsis when
 * the whole line does not fit, but the priority at the start and the state and "+N more" count at the end
 * are never cut — they say how urgent it is and that there is more behind it. The whole finding stays in
 * the tooltip.
 */
final class BannerText {

    static final String ELLIPSIS = "\u2026";

    private BannerText() {
    }

    /**
     * {@code head + finding + tail} if it fits {@code width} by {@code measure}, else {@code head}, the
     * longest start of {@code finding} that fits, "…" and {@code tail}; never less than head, "…" and tail.
     */
    static String fit(String head, String finding, String tail, int width, ToIntFunction<String> measure) {
        String whole = head + finding + tail;
        if (measure.applyAsInt(whole) <= width) {
            return whole;
        }
        int lo = 0; // the longest kept start of the finding known to fit
        int hi = finding.length() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (measure.applyAsInt(shortened(head, finding, mid, tail)) <= width) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return shortened(head, finding, lo, tail);
    }

    private static String shortened(String head, String finding, int keep, String tail) {
        return head + finding.substring(0, keep).stripTrailing() + ELLIPSIS + tail;
    }
}
