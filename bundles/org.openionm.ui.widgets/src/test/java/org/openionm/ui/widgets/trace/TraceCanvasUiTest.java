package org.openionm.ui.widgets.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Draws real 20 kHz data on a real SWT canvas and reads the pixels back. */
class TraceCanvasUiTest {

    private static final RGB TRACE = new RGB(0, 255, 0);

    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    @Test
    void aSingleSampleSpikeAt20kHzIsDrawnInTheRightColumnAndOnlyThere() {
        Display display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(900, 320);
        TraceCanvas canvas = new TraceCanvas(shell, SWT.NONE);
        canvas.setBackground(display.getSystemColor(SWT.COLOR_BLACK));
        canvas.setForeground(new org.eclipse.swt.graphics.Color(TRACE));

        double rate = 20_000;
        int n = 200_000; // 10 s
        int spikeAt = 150_000;
        TraceBuffer buffer = new TraceBuffer(2, rate, 10);
        float[][] data = new float[2][n];
        data[0][spikeAt] = 90f; // one sample, 90 % of the ±100 µV row
        buffer.append(0, data);
        canvas.setSource(buffer, List.of(new TraceCanvas.Trace("A", 100), new TraceCanvas.Trace("B", 100)));
        canvas.setWindowSeconds(10);
        shell.open();
        ImageData pixels = CanvasSnapshot.repaintAndCapture(canvas, canvas::paintCount);
        assertEquals(n, canvas.lastPaintedNewestIndex());
        Rectangle area = canvas.getClientArea();
        int columns = area.width - TraceCanvas.LABEL_WIDTH;
        int rowHeight = (area.height - TraceCanvas.AXIS_HEIGHT) / 2;
        int centre = (rowHeight - 1) / 2;
        int high = centre - (int) (0.8 * (rowHeight / 2.0)); // above 80 % of the half-row

        int spikeColumns = 0;
        int spikeX = -1;
        for (int x = TraceCanvas.LABEL_WIDTH; x < area.width; x++) {
            if (hasTraceAbove(pixels, x, 0, high)) {
                spikeColumns++;
                spikeX = x;
            }
            assertTrue(!hasTraceAbove(pixels, x, rowHeight, rowHeight + centre - 3), "row B has no signal but shows one at x " + x);
        }
        assertEquals(1, spikeColumns, "the spike must appear in exactly one pixel column");
        int perColumn = (int) Math.ceil((double) n / columns);
        long start = ((long) n / perColumn) * perColumn - (long) perColumn * columns;
        int expectedX = TraceCanvas.LABEL_WIDTH + (int) ((spikeAt - start) / perColumn);
        assertEquals(expectedX, spikeX, "spike column");
    }

    private static boolean hasTraceAbove(ImageData pixels, int x, int fromY, int toY) {
        for (int y = fromY; y < toY; y++) {
            if (CanvasSnapshot.rgb(pixels, x, y).equals(TRACE)) {
                return true;
            }
        }
        return false;
    }
}
