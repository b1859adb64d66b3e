package org.openionm.ui.widgets.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A live frame only scrolls the kept picture and draws the columns that came in; the truth it must
 * match is the same data drawn from scratch on a fresh canvas, pixel for pixel.
 */
class ScrollingTraceCanvasUiTest {

    private static final double RATE = 20_000;

    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null && !shell.isDisposed()) {
            shell.dispose();
        }
    }

    /** The dark theme's trace colours (a black background hid a scroll that blackened the label column). */
    @Test
    void scrolledFramesShowExactlyWhatAFullRedrawShows() {
        scrolledFramesMatchAFullRedraw(new RGB(0, 0, 0), new RGB(0, 255, 0));
    }

    /**
     * The light theme's .TraceCanvas colours (css/light.css): the label column and the time-axis band keep the
     * white background while the picture scrolls (they went black from the first scrolled frame).
     */
    @Test
    void scrolledFramesKeepTheLabelColumnAndAxisBandInTheLightBackground() {
        RGB white = new RGB(0xff, 0xff, 0xff);
        ImageData scrolled = scrolledFramesMatchAFullRedraw(white, new RGB(0x0b, 0x3d, 0x91));
        // the corners of the label column and of the axis band: no label or time text is drawn there
        assertEquals(white, CanvasSnapshot.rgb(scrolled, 1, 1), "label column, top left");
        assertEquals(white, CanvasSnapshot.rgb(scrolled, 1, scrolled.height - 2), "axis band, bottom left");
        assertEquals(white, CanvasSnapshot.rgb(scrolled, scrolled.width - 2, scrolled.height - 2), "axis band, bottom right");
        assertEquals(0, CanvasSnapshot.count(scrolled, new RGB(0, 0, 0)), "black pixels on the white canvas");
    }

    /** Scrolls 40 frames, then compares with the same data drawn from scratch; returns the scrolled picture. */
    private ImageData scrolledFramesMatchAFullRedraw(RGB background, RGB foreground) {
        TraceBuffer buffer = new TraceBuffer(3, RATE, 12);
        long next = append(buffer, 0, 200_000); // 10 s
        TraceCanvas live = canvas(buffer, background, foreground);
        CanvasSnapshot.repaintAndCapture(live, live::paintCount);
        long fullBefore = live.fullFrames();
        // 40 blocks of 25 ms, one frame after each, with a gap of 0.1 s in the middle
        for (int block = 0; block < 40; block++) {
            if (block == 20) {
                next += 2_000;
                buffer.gap(next);
            }
            next = append(buffer, next, 500);
            CanvasSnapshot.repaintAndCapture(live, live::paintCount);
        }
        ImageData scrolled = CanvasSnapshot.repaintAndCapture(live, live::paintCount);
        assertTrue(live.scrolledFrames() >= 30, "the frames must take the scrolling path, took it " + live.scrolledFrames() + " times");
        assertEquals(fullBefore, live.fullFrames(), "no frame after the first may be drawn from scratch");
        shell.dispose();

        TraceCanvas fresh = canvas(buffer, background, foreground);
        ImageData full = CanvasSnapshot.repaintAndCapture(fresh, fresh::paintCount);
        assertEquals(live.lastPaintedNewestIndex(), fresh.lastPaintedNewestIndex());
        int differing = 0;
        int firstX = -1;
        for (int y = 0; y < full.height; y++) {
            for (int x = 0; x < full.width; x++) {
                if (!CanvasSnapshot.rgb(full, x, y).equals(CanvasSnapshot.rgb(scrolled, x, y))) {
                    differing++;
                    firstX = firstX < 0 ? x : firstX;
                }
            }
        }
        assertEquals(0, differing, "pixels that differ from a full redraw (first at x " + firstX + ")");
        return scrolled;
    }

    private TraceCanvas canvas(TraceBuffer buffer, RGB background, RGB foreground) {
        Display display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(900, 360);
        TraceCanvas canvas = new TraceCanvas(shell, SWT.NONE);
        canvas.setBackground(new org.eclipse.swt.graphics.Color(background));
        canvas.setForeground(new org.eclipse.swt.graphics.Color(foreground));
        canvas.setSource(buffer, List.of(new TraceCanvas.Trace("sine", 100), new TraceCanvas.Trace("spikes", 100),
                new TraceCanvas.Trace("burst", 100)));
        canvas.setWindowSeconds(10);
        shell.open();
        return canvas;
    }

    /** Sine, spikes and a clipping burst, a different shape per channel; returns the next sample index. */
    private static long append(TraceBuffer buffer, long first, int count) {
        float[][] data = new float[3][count];
        for (int i = 0; i < count; i++) {
            long s = first + i;
            double t = s / RATE;
            data[0][i] = (float) (60 * Math.sin(2 * Math.PI * 7 * t));
            data[1][i] = s % 3_331 == 0 ? 95f : (float) (10 * Math.sin(2 * Math.PI * 130 * t));
            data[2][i] = (s / 20_000) % 3 == 0 ? (float) (250 * Math.sin(2 * Math.PI * 40 * t)) : 0f;
        }
        buffer.append(first, data);
        return first + count;
    }
}
