package org.openionm.ui.widgets.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 11: at 64 channels the drawn trace labels never intersect (real SWT fonts under
 * Xvfb), at the Raw signals part's heights at 1280×800 and 1600×1000; with room (16 rows) all show.
 */
class TraceLabels64UiTest {

    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    @Test
    void sixtyFourLabelsNeverIntersect() {
        Display display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        TraceCanvas canvas = new TraceCanvas(shell, SWT.NONE);
        TraceBuffer buffer = new TraceBuffer(64, 1000, 20);
        buffer.append(0, new float[64][5000]);
        List<TraceCanvas.Trace> traces = new ArrayList<>();
        for (int c = 0; c < 64; c++) {
            traces.add(new TraceCanvas.Trace("SSEP tibial.left CPz-Fpz " + (c + 1), 50)); // too long for the column
        }
        canvas.setSource(buffer, traces);
        shell.open();
        for (int height : new int[] { 400, 500, 620, 800, 950 }) {
            shell.setSize(900, height);
            CanvasSnapshot.repaintAndCapture(canvas, canvas::paintCount);
            List<TraceLabelLayout.Placed> placed = canvas.lastTraceLabels();
            assertFalse(placed.isEmpty(), "labels at " + height + " px");
            for (int i = 0; i < placed.size(); i++) {
                assertTrue(placed.get(i).x() + placed.get(i).width() <= TraceCanvas.LABEL_WIDTH,
                        "inside the label column: " + placed.get(i));
                for (int j = i + 1; j < placed.size(); j++) {
                    assertFalse(placed.get(i).intersects(placed.get(j)),
                            "at " + height + " px: " + placed.get(i) + " and " + placed.get(j));
                }
            }
        }
        // 16 rows of about 55 px: every label and every scale
        canvas.setSource(buffer, traces.subList(0, 16));
        CanvasSnapshot.repaintAndCapture(canvas, canvas::paintCount);
        List<TraceLabelLayout.Placed> roomy = canvas.lastTraceLabels();
        assertEquals(32, roomy.size(), "16 labels and 16 scales");
        assertTrue(roomy.get(0).text().endsWith("…"), "abbreviated: " + roomy.get(0).text());
        assertEquals("±50 µV", roomy.get(1).text());
    }
}
