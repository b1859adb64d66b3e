package org.openionm.ui.widgets.trace;

import java.util.function.LongSupplier;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Scrollable;
import org.eclipse.swt.widgets.Display;

/**
 * The pixels a canvas shows on screen, as drawn by its own paint code: what a trace snapshot for a
 * report holds, and what UI tests read back to check that a trace landed where it should. UI thread.
 */
public final class CanvasSnapshot {

    private static final long PAINT_TIMEOUT_MS = 10_000;

    private CanvasSnapshot() {
    }

    /** Copies the control's client area as it is on screen now. */
    public static ImageData capture(Scrollable control) {
        Rectangle area = control.getClientArea();
        Image image = new Image(control.getDisplay(), area.width, area.height);
        GC gc = new GC(control);
        try {
            gc.copyArea(image, 0, 0);
            return image.getImageData();
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    /**
     * Asks for a repaint, runs the event loop until the control reports one more paint (its
     * {@code paintCount}), then captures it; fails rather than returning a stale picture.
     */
    public static ImageData repaintAndCapture(Scrollable control, LongSupplier paintCount) {
        Display display = control.getDisplay();
        long before = paintCount.getAsLong();
        control.redraw();
        long deadline = System.currentTimeMillis() + PAINT_TIMEOUT_MS;
        while (paintCount.getAsLong() == before && System.currentTimeMillis() < deadline) {
            if (!display.readAndDispatch()) {
                display.update();
            }
        }
        if (paintCount.getAsLong() == before) {
            throw new IllegalStateException("the control did not repaint within " + PAINT_TIMEOUT_MS + " ms");
        }
        return capture(control);
    }

    /** The colour of one pixel, whatever the image's palette. */
    public static RGB rgb(ImageData pixels, int x, int y) {
        return pixels.palette.getRGB(pixels.getPixel(x, y));
    }

    /** How many pixels of the picture have exactly this colour. */
    public static int count(ImageData pixels, RGB colour) {
        int n = 0;
        for (int y = 0; y < pixels.height; y++) {
            for (int x = 0; x < pixels.width; x++) {
                if (rgb(pixels, x, y).equals(colour)) {
                    n++;
                }
            }
        }
        return n;
    }
}
