package org.openionm.ui.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Test;

/** The banner's shortening rule, with a monospaced measure of 10 px a character (hand-counted widths). */
class BannerTextTest {

    private static final ToIntFunction<String> TEN_PX = s -> 10 * s.codePointCount(0, s.length());
    private static final String HEAD = "HIGH \u2014 ";
    private static final String FINDING = "TA-L TcMEP lost (\u221292 %)";
    private static final String TAIL = " (cleared)   +7 more";

    @Test
    void aLineThatFitsIsShownWhole() {
        String whole = HEAD + FINDING + TAIL; // 7 + 23 + 20 = 50 characters
        assertEquals(50, whole.length());
        assertEquals(whole, BannerText.fit(HEAD, FINDING, TAIL, 500, TEN_PX));
    }

    @Test
    void aLongFindingIsShortenedButPriorityAndCountStayWhole() {
        // 400 px = 40 characters: head 7 + tail 20 + "…" 1 leave 12 of the finding
        assertEquals("HIGH \u2014 TA-L TcMEP l\u2026 (cleared)   +7 more", BannerText.fit(HEAD, FINDING, TAIL, 400, TEN_PX));
        // 12 characters of the finding would end in a space ("TA-L TcMEP "): it is dropped before the ellipsis
        assertEquals("HIGH \u2014 TA-L TcMEP\u2026 (cleared)   +7 more", BannerText.fit(HEAD, FINDING, TAIL, 390, TEN_PX));
        String shown = BannerText.fit(HEAD, FINDING, TAIL, 333, TEN_PX);
        assertEquals(true, TEN_PX.applyAsInt(shown) <= 333, shown);
        assertEquals(true, shown.startsWith(HEAD) && shown.endsWith("\u2026" + TAIL), shown);
    }

    @Test
    void tooNarrowForAnyOfTheFindingStillKeepsPriorityAndCount() {
        assertEquals("HIGH \u2014 \u2026 (cleared)   +7 more", BannerText.fit(HEAD, FINDING, TAIL, 100, TEN_PX));
    }
}
