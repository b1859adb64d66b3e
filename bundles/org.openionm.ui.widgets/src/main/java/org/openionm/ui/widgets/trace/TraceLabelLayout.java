package org.openionm.ui.widgets.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Where the trace labels of a {@link TraceCanvas} go, so that none overlaps another at any channel
 * count (issue 16: labels ran into each other at 32–64 channels). Headless: text widths come from a
 * function, so the rule is tested without a display.
 * <p>
 * The rule, in order of what the technologist loses:
 * <ol>
 * <li>a row that holds two lines shows the label and its scale;</li>
 * <li>a row that holds one line shows the label only (the scale stays on the mouse wheel);</li>
 * <li>rows lower than a line: every k-th label, k the fewest rows a line needs, so the labels shown
 *     name evenly spaced rows (a shown label sits on its own row's top; the rows in between stay
 *     unnamed rather than misnamed).</li>
 * </ol>
 * A label wider than the label column is abbreviated with an ellipsis at its end rather than drawn
 * over the traces.
 */
final class TraceLabelLayout {

    /** Space between a text and the row's edge. */
    static final int PAD = 2;

    /** One text to draw: {@code x, y} its top left, {@code width, height} its extent. */
    record Placed(int trace, String text, int x, int y, int width, int height) {

        boolean intersects(Placed o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }
    }

    private TraceLabelLayout() {
    }

    /**
     * @param labels     one per row, top to bottom
     * @param scales     the scale text of each row (shown only when the row holds two lines)
     * @param rowHeight  pixels per row (rows start at {@code round(t * rowHeight)})
     * @param lineHeight pixels of one line of text
     * @param maxWidth   pixels the label column offers a text
     * @param width      the pixel width of a text
     * @param x          left edge of the texts
     * @return the texts to draw, labels and scales, in row order
     */
    static List<Placed> place(List<String> labels, List<String> scales, double rowHeight, int lineHeight, int maxWidth,
            ToIntFunction<String> width, int x) {
        List<Placed> placed = new ArrayList<>();
        int n = labels.size();
        if (n == 0 || lineHeight <= 0 || maxWidth <= 0) {
            return placed;
        }
        boolean twoLines = rowHeight >= 2 * lineHeight + PAD;
        int every = rowHeight >= lineHeight + PAD ? 1 : (int) Math.ceil((lineHeight + PAD) / rowHeight);
        int pad = rowHeight >= lineHeight + PAD ? PAD : 0;
        for (int t = 0; t < n; t += every) {
            int top = (int) Math.round(t * rowHeight);
            String label = fit(labels.get(t), maxWidth, width);
            placed.add(new Placed(t, label, x, top + pad, width.applyAsInt(label), lineHeight));
            if (twoLines) {
                String scale = fit(scales.get(t), maxWidth, width);
                placed.add(new Placed(t, scale, x, top + pad + lineHeight, width.applyAsInt(scale), lineHeight));
            }
        }
        return placed;
    }

    /** The text, or its longest start that fits with an ellipsis; empty when not even that fits. */
    static String fit(String text, int maxWidth, ToIntFunction<String> width) {
        if (width.applyAsInt(text) <= maxWidth) {
            return text;
        }
        for (int end = text.length() - 1; end > 0; end--) {
            String cut = text.substring(0, end).stripTrailing() + "…";
            if (width.applyAsInt(cut) <= maxWidth) {
                return cut;
            }
        }
        return "";
    }
}
