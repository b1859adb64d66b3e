package org.openionm.ui.widgets.evoked;

import org.eclipse.swt.graphics.RGB;

/**
 * Colours of evoked displays, derived from the CSS-styled background and foreground (classes
 * {@code EvokedCanvas}, {@code EvokedChart}) so both themes work: the baseline is magenta — apart
 * from the trace colour (green/blue), from amber clip ticks and from the IEC alarm red and yellow —
 * and every accent is picked per theme by background brightness for contrast.
 */
public final class EvokedColors {

    private EvokedColors() {
    }

    public static boolean isDark(RGB background) {
        return 0.299 * background.red + 0.587 * background.green + 0.114 * background.blue < 128;
    }

    /** The captured baseline, overlaid on the newest trace and drawn as the baseline line in trends. */
    public static RGB baseline(RGB background) {
        return isDark(background) ? new RGB(0xFF, 0x5C, 0xC8) : new RGB(0xC2, 0x18, 0x8C);
    }

    /** Component markers and latency series. */
    public static RGB marker(RGB background) {
        return isDark(background) ? new RGB(0x7F, 0xD1, 0xFF) : new RGB(0x00, 0x5A, 0x9E);
    }

    /** The alarm threshold line (same red as error text in the theme). */
    public static RGB threshold(RGB background) {
        return isDark(background) ? new RGB(0xFF, 0x6B, 0x6B) : new RGB(0xB0, 0x00, 0x20);
    }

    /**
     * IEC 60601-1-8 priority colours (high red, medium yellow, low cyan), the banner's, for the
     * outline of a tile in alarm.
     *
     * @since 0.3.0
     */
    public static RGB alarm(org.openionm.core.processing.AlarmCondition.Priority priority) {
        return switch (priority) {
            case HIGH -> new RGB(0xD0, 0x10, 0x10);
            case MEDIUM -> new RGB(0xF2, 0xC2, 0x00);
            case LOW -> new RGB(0x00, 0xB8, 0xD4);
        };
    }

    /** {@code t} of the way from {@code a} to {@code b}: older traces fade towards the background. */
    public static RGB blend(RGB a, RGB b, double t) {
        return new RGB((int) Math.round(a.red + (b.red - a.red) * t), (int) Math.round(a.green + (b.green - a.green) * t),
                (int) Math.round(a.blue + (b.blue - a.blue) * t));
    }
}
