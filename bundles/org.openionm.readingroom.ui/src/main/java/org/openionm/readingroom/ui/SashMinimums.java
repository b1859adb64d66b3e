package org.openionm.readingroom.ui;

import java.util.function.IntSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Scrollable;
import org.eclipse.swt.widgets.Table;

/**
 * Keeps every child of a {@link SashForm} at least as high (or wide) as it must be. A SashForm hands out
 * its size by weight alone; a short case column gave its tiles table less than its header and a scroll
 * bar, and GTK then allocated the table's scroll bar a negative length ("gtk_box_gadget_distribute:
 * assertion 'size >= 0' failed in GtkScrollbar", dozens per minute in {@code reading-room --demo}).
 * On every resize, before the SashForm lays its children out, weights that would leave a child under its
 * minimum are replaced by sizes that do not; the reader's own weights are kept while they fit.
 */
final class SashMinimums {

    private SashMinimums() {
    }

    /** Installs the check on {@code sash}; {@code minimums} are per child, in the SashForm's orientation. */
    static void keep(SashForm sash, IntSupplier... minimums) {
        sash.addListener(SWT.Resize, e -> {
            Control[] children = sash.getChildren();
            int[] weights = sash.getWeights();
            if (weights.length != minimums.length) {
                return;
            }
            int[] min = new int[minimums.length];
            for (int i = 0; i < min.length; i++) {
                int least = minimums[i].getAsInt();
                // one pixel more: SashForm keeps weights as 16-bit fixed-point ratios and rounds sizes down
                min[i] = least > 0 ? least + 1 : 0;
            }
            boolean vertical = (sash.getOrientation() & SWT.VERTICAL) != 0;
            int total = vertical ? sash.getClientArea().height : sash.getClientArea().width;
            int available = total - (children.length > 0 ? (weights.length - 1) * sash.getSashWidth() : 0);
            int[] sizes = sizes(weights, min, available);
            if (sizes != weights) {
                sash.setWeights(sizes);
            }
        });
    }

    /**
     * Sizes (usable as weights) for children of {@code weights} sharing {@code available} pixels, each at
     * least its minimum: the same array when the weights already give every child its minimum (or when
     * the minimums do not fit at all: the caller's layout must then make room), else the children at
     * their minimum and the rest shared by the others' weights.
     */
    static int[] sizes(int[] weights, int[] minimums, int available) {
        int sumMin = 0;
        long sumWeights = 0;
        for (int i = 0; i < weights.length; i++) {
            sumMin += minimums[i];
            sumWeights += weights[i];
        }
        if (available <= 0 || sumWeights <= 0 || sumMin > available || fits(weights, minimums, available, sumWeights)) {
            return weights;
        }
        // children pinned at their minimum one by one until the others' shares all reach theirs
        boolean[] pinned = new boolean[weights.length];
        int[] sizes = new int[weights.length];
        while (true) {
            int left = available;
            long freeWeights = 0;
            for (int i = 0; i < weights.length; i++) {
                if (pinned[i]) {
                    left -= minimums[i];
                } else {
                    freeWeights += weights[i];
                }
            }
            boolean changed = false;
            for (int i = 0; i < weights.length; i++) {
                if (pinned[i]) {
                    sizes[i] = minimums[i];
                } else {
                    sizes[i] = freeWeights == 0 ? 0 : (int) (left * (long) weights[i] / freeWeights);
                    if (sizes[i] < minimums[i]) {
                        pinned[i] = true;
                        changed = true;
                    }
                }
            }
            if (!changed) {
                return sizes;
            }
        }
    }

    private static boolean fits(int[] weights, int[] minimums, int available, long sumWeights) {
        for (int i = 0; i < weights.length; i++) {
            if (available * (long) weights[i] / sumWeights < minimums[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Pixels GTK 3's vertical scroll bar needs (trough, slider and margins). Measured on this SWT (3.135,
     * Adwaita, Xvfb): a Table with a 33 px header and eight rows logged one critical per resize at every
     * height from 44 to 80 px and none at 82; a List at 25–46 px and none at 48. Below those ranges GTK
     * leaves the bar out and says nothing, but a table with no row visible is no use either.
     */
    static final int VERTICAL_BAR = 48;

    /** A table's least height: header, a scroll bar's length of rows (at least one row), border and horizontal bar. */
    static int tableMinimum(Table t) {
        return t.getHeaderHeight() + Math.max(t.getItemHeight(), VERTICAL_BAR) + trimHeight(t);
    }

    /** A scrolled list's least height: a scroll bar's length of rows (at least one row) and its border. */
    static int listMinimum(org.eclipse.swt.widgets.List l) {
        return Math.max(l.getItemHeight(), VERTICAL_BAR) + trimHeight(l);
    }

    private static int trimHeight(Scrollable s) {
        int bar = s.getHorizontalBar() == null ? 0 : s.getHorizontalBar().getSize().y;
        return Math.max(s.computeTrim(0, 0, 0, 0).height, 2 * s.getBorderWidth() + bar);
    }
}
