package org.openionm.ui.widgets.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the raw trace view's time labels never overlap ("01:5201:53" at a 10-s window), whatever
 * the width of the part and the window; real SWT text extents under Xvfb.
 */
class TimeAxisLabelsUiTest {

    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    @Test
    void labelsKeepAGapAtEveryWidthAndWindow() {
        Display display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        TraceCanvas canvas = new TraceCanvas(shell, SWT.NONE);
        double rate = 1000;
        TraceBuffer buffer = new TraceBuffer(1, rate, 200);
        int n = (int) (130 * rate); // 2:10 of case time: labels of two minutes' width
        buffer.append(0, new float[1][n]);
        canvas.setSource(buffer, List.of(new TraceCanvas.Trace("A", 100)));
        shell.open();
        for (int width : new int[] { 300, 450, 600, 900, 1600 }) {
            for (double window : new double[] { 5, 10, 20, 30, 60, 120 }) {
                shell.setSize(width, 200);
                canvas.setWindowSeconds(window);
                CanvasSnapshot.repaintAndCapture(canvas, canvas::paintCount);
                List<int[]> labels = canvas.lastTimeLabels();
                assertTrue(!labels.isEmpty() || width < 400, "labels drawn at " + width + " px, " + window + " s");
                for (int i = 1; i < labels.size(); i++) {
                    assertTrue(labels.get(i)[0] >= labels.get(i - 1)[1] + TraceCanvas.LABEL_GAP,
                            "labels " + (i - 1) + " and " + i + " overlap at " + width + " px, " + window + " s window");
                }
            }
        }
    }

    @Test
    void stepIsTheSmallestThatFits() {
        assertEquals(1, TraceCanvas.labelStepSeconds(149, 48)); // 1600 px, 10 s
        assertEquals(2, TraceCanvas.labelStepSeconds(46, 48)); // a narrow part: 1 s would touch
        assertEquals(5, TraceCanvas.labelStepSeconds(20, 48));
        assertEquals(60, TraceCanvas.labelStepSeconds(1, 48));
    }
}
