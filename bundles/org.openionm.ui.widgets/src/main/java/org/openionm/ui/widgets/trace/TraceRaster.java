package org.openionm.ui.widgets.trace;

import java.util.Arrays;

/**
 * A plain RGB pixel buffer the trace canvas draws into. Vertical spans per pixel column are all a
 * min/max trace needs, and filling them directly costs a few milliseconds per frame where stroking
 * the same path with Cairo took most of a core. Free of SWT so it can be checked pixel by pixel.
 */
public final class TraceRaster {

    private int width;
    private int height;
    private int[] pixels = new int[0];

    /** Resizes (if needed) and fills with {@code rgb} (0xRRGGBB). */
    public void reset(int width, int height, int rgb) {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative raster size " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        if (pixels.length < width * height) {
            pixels = new int[width * height];
        }
        Arrays.fill(pixels, 0, width * height, rgb);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int pixel(int x, int y) {
        return pixels[y * width + x];
    }

    /** Row-major pixels; only the first {@code width * height} are meaningful. */
    int[] pixels() {
        return pixels;
    }

    public void horizontal(int y, int x0, int x1, int rgb) {
        if (y < 0 || y >= height) {
            return;
        }
        int from = Math.max(0, x0);
        int to = Math.min(width - 1, x1);
        if (from <= to) {
            Arrays.fill(pixels, y * width + from, y * width + to + 1, rgb);
        }
    }

    /** Fills column {@code x} from {@code y0} to {@code y1} (either order), clipped to [clipTop, clipBottom]. */
    public void vertical(int x, int y0, int y1, int clipTop, int clipBottom, int rgb) {
        if (x < 0 || x >= width) {
            return;
        }
        int from = Math.max(Math.max(0, clipTop), Math.min(y0, y1));
        int to = Math.min(Math.min(height - 1, clipBottom), Math.max(y0, y1));
        for (int y = from; y <= to; y++) {
            pixels[y * width + x] = rgb;
        }
    }

    /**
     * Draws a trace given per-column minimum and maximum values. Each column's span is stretched to
     * touch the previous column's, so the trace is continuous; NaN columns (gaps) stay empty.
     *
     * @return number of columns whose values exceeded the row (marked with {@code clipRgb} at the edge)
     */
    public int trace(float[] min, float[] max, int columns, int x0, int top, int bottom, double centreY,
            double pixelsPerUnit, int rgb, int clipRgb) {
        int clipped = 0;
        int prevTop = Integer.MIN_VALUE;
        int prevBottom = Integer.MIN_VALUE;
        for (int c = 0; c < columns; c++) {
            if (Float.isNaN(min[c])) {
                prevTop = Integer.MIN_VALUE;
                continue;
            }
            int yTop = (int) Math.round(centreY - max[c] * pixelsPerUnit);
            int yBottom = (int) Math.round(centreY - min[c] * pixelsPerUnit);
            int spanTop = yTop;
            int spanBottom = yBottom;
            if (prevTop != Integer.MIN_VALUE) {
                spanTop = Math.min(yTop, prevBottom);
                spanBottom = Math.max(yBottom, prevTop);
            }
            vertical(x0 + c, spanTop, spanBottom, top, bottom, rgb);
            if (yTop < top || yBottom > bottom) {
                clipped++;
                if (yTop < top) {
                    vertical(x0 + c, top, top + 2, top, bottom, clipRgb);
                }
                if (yBottom > bottom) {
                    vertical(x0 + c, bottom - 2, bottom, top, bottom, clipRgb);
                }
            }
            prevTop = yTop;
            prevBottom = yBottom;
        }
        return clipped;
    }
}
