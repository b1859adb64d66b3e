package org.openionm.review.ui;

import java.util.Map;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * What the review view tests share: the view alone in a 1600×1000 shell (no cases, no processors)
 * with white canvases and black ink, so that the tests can count the pixels of a colour; and a
 * bounded wait on the UI thread for the view's background work.
 */
final class ReviewFixture {

    static final RGB WHITE = new RGB(255, 255, 255);
    static final RGB BLACK = new RGB(0, 0, 0);

    private ReviewFixture() {
    }

    /** A review view filling {@code shell}, which is sized and opened. */
    static ReviewView openView(Shell shell) {
        return openView(shell, WHITE, BLACK);
    }

    /** A review view filling {@code shell}, its canvases in the given colours (a theme's). */
    static ReviewView openView(Shell shell, RGB background, RGB foreground) {
        shell.setLayout(new FillLayout());
        shell.setSize(1600, 1000);
        ReviewView view = new ReviewView(shell, new ReviewView.Services(null, null, Map.of(), Map.of()));
        for (Control c : new Control[] {view.overviewCanvas(), view.tracesCanvas(), view.averagesCanvas()}) {
            c.setBackground(new Color(background));
            c.setForeground(new Color(foreground));
        }
        shell.open();
        return view;
    }

    /** Runs the event loop until {@code condition} holds; fails naming {@code what} after 20 s. */
    static void waitFor(Display display, BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
    }
}
