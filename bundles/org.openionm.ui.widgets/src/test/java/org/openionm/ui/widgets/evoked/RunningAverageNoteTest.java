package org.openionm.ui.widgets.evoked;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Provenance;
import org.openionm.core.processing.TrendPoint;

/**
 * The running-average note ("averaging: n 120 / 500 (incomplete, not measured)") never lies over the
 * running average it describes, in wide bands and in the narrow ones of many sites at 1280×800 (the
 * lead saw it over the trace there): checked against every line segment of the trace, placed with the
 * canvas's own geometry ({@link WaterfallCanvas#xOfMs}, {@link WaterfallCanvas#zeroY},
 * {@link WaterfallCanvas#pixelsPerUv}).
 */
class RunningAverageNoteTest {

    private static final int RATE_HZ = 5000;
    private static final int SAMPLES = 251; // 50 ms
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    /** One tile holding every channel of the test's site. */
    private static final class OneTile implements EvokedRules {
        @Override public String modality() { return "ssep"; }
        @Override public String tileOf(String site, String channel) { return site; }
        @Override public String tileTitle(String tile) { return tile; }
        @Override public String rowLabel(String site, String channel) { return channel; }
        @Override public int historyDepth() { return 3; }
        @Override public TrendTarget trendTarget(TrendPoint point) { return null; }
        @Override public double threshold(Axis axis, double baseline, Provenance provenance) { return Double.NaN; }
    }

    /**
     * A running average whose late part swings from {@code -peak} to {@code +peak} µV (the first 60 % flat),
     * so its line runs through the band's upper and lower part where a right-aligned note lies.
     */
    private static AverageTrace running(String channel, double peak) {
        float[] v = new float[SAMPLES];
        for (int s = SAMPLES * 6 / 10; s < SAMPLES; s++) {
            v[s] = (float) (peak * Math.sin(2 * Math.PI * s / 20.0));
        }
        v[0] = (float) peak; // sets the row's scale: ±peak fills the band's middle 60 %
        return new AverageTrace(30, "ssep", "tibial.left", channel, v, RATE_HZ, 120, 0,
                new Provenance("test", Map.of("partial", "true", "sweeps.target", "500")));
    }

    private WaterfallCanvas canvas(int width, int height, List<AverageTrace> runningAverages) {
        Display display = Display.getDefault();
        shell = new Shell(display, SWT.NO_TRIM);
        shell.setSize(width, height);
        WaterfallCanvas canvas = new WaterfallCanvas(shell, SWT.NONE);
        canvas.setBounds(0, 0, width, height);
        EvokedFeed feed = new EvokedFeed("ssep");
        EvokedModel model = new EvokedModel(new OneTile());
        runningAverages.forEach(feed::partialAverage);
        feed.drainInto(model);
        canvas.setRows(model.tile("tibial.left").rows());
        shell.open();
        paint(canvas);
        return canvas;
    }

    /** Paints once, waiting on the paint count (bounded), not on time. */
    private static void paint(WaterfallCanvas canvas) {
        long before = canvas.paintCount();
        canvas.redraw();
        canvas.update();
        Display display = canvas.getDisplay();
        long deadline = System.currentTimeMillis() + 10_000;
        while (canvas.paintCount() == before && System.currentTimeMillis() < deadline) {
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
        assertTrue(canvas.paintCount() > before, "the canvas was not painted");
    }

    /** Every segment of row {@code row}'s running average that crosses the note's columns stays outside it. */
    private static void assertClearOfTheTrace(WaterfallCanvas canvas, int row, AverageTrace t, Rectangle note) {
        float[] v = t.samplesUv();
        int px = 0;
        int py = 0;
        for (int s = 0; s < v.length; s++) {
            int x = canvas.xOfMs(1000.0 * s / RATE_HZ);
            int y = canvas.zeroY(row) + (int) Math.round(v[s] * canvas.pixelsPerUv(row));
            if (s > 0 && x >= note.x && px <= note.x + note.width) {
                int lo = Math.min(py, y);
                int hi = Math.max(py, y);
                assertFalse(hi >= note.y && lo < note.y + note.height,
                        "row " + row + ": the segment " + px + "," + py + " → " + x + "," + y + " runs through the note at " + note);
            }
            px = x;
            py = y;
        }
    }

    @Test
    void inATallBandTheFullNoteStandsAboveTheTrace() {
        AverageTrace t = running("CPz-Fpz", 4);
        WaterfallCanvas canvas = canvas(900, 300, List.of(t));
        Rectangle note = canvas.noteBounds(0);
        assertNotNull(note, "a 282-px band has room for the note");
        assertClearOfTheTrace(canvas, 0, t, note);
        GC gc = new GC(canvas);
        try {
            assertEquals(gc.textExtent(WaterfallCanvas.notes(t).get(0)).x, note.width, "the full note");
        } finally {
            gc.dispose();
        }
        assertTrue(note.y + note.height <= canvas.zeroY(0), "above the zero line: " + note);
    }

    @Test
    void inNarrowBandsOfManyChannelsTheNoteNeverCrossesTheTrace() {
        // a tile of one site with six channels, 300 × 380 px: bands of 60 px, about what a
        // many-site SSEP view leaves each row at 1280×800
        List<AverageTrace> traces = List.of(running("CPz-Fpz", 4), running("CP3-CP4", 2), running("C3'-Fpz", 8),
                running("Cz-Fpz", 1), running("Fpz-C5", 5), running("popliteal", 3));
        WaterfallCanvas canvas = canvas(300, 380, traces);
        int drawn = 0;
        for (int row = 0; row < traces.size(); row++) {
            Rectangle note = canvas.noteBounds(row);
            if (note == null) {
                continue; // no form of it fits: the label column still says "n 120 / 500"
            }
            drawn++;
            assertClearOfTheTrace(canvas, row, traces.get(row), note);
            assertTrue(note.x >= WaterfallCanvas.LABEL_WIDTH, "not over the label column: " + note);
            assertTrue(note.x + note.width <= 300, "inside the canvas: " + note);
        }
        assertTrue(drawn > 0, "in 60-px bands a short note still finds room above or below the line");
    }

    @Test
    void whereTheTraceFillsTheBandNoNoteIsDrawn() {
        // ±peak fills 60 % of the band around the 40 % zero line: 10 % above and 30 % below stay free,
        // in a 24-px band less than one text line
        AverageTrace t = running("CPz-Fpz", 4);
        WaterfallCanvas canvas = canvas(300, 24 + WaterfallCanvas.AXIS_HEIGHT, List.of(t));
        assertNull(canvas.noteBounds(0), "no room above or below the line in a 24-px band");
    }
}
