package org.openionm.modality.mep.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openionm.ui.widgets.trace.CanvasSnapshot.count;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swtchart.ISeries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.TrendPoint;
import org.openionm.ui.widgets.evoked.EvokedColors;
import org.openionm.ui.widgets.evoked.EvokedFeed;
import org.openionm.ui.widgets.evoked.EvokedView;
import org.openionm.ui.widgets.evoked.TrendChart;
import org.openionm.ui.widgets.evoked.WaterfallCanvas;
import org.openionm.ui.widgets.trace.CanvasSnapshot;

/** Publishes TcMEP trains from another thread and reads back tiles, baseline pixels and the p2p trend. */
class MepViewUiTest {

    private static final RGB WHITE = new RGB(255, 255, 255);
    private static final RGB TRACE = new RGB(0x0B, 0x3D, 0x91);

    private Shell shell;

    private static ImageData paint(WaterfallCanvas canvas) {
        canvas.setBackground(new Color(WHITE));
        canvas.setForeground(new Color(TRACE));
        return CanvasSnapshot.repaintAndCapture(canvas, canvas::paintCount);
    }

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    /** 80 ms at 5 kHz: a biphasic response of ±{@code uv}/2 starting at {@code onsetMs}. */
    static float[] response(double onsetMs, float uv) {
        float[] v = new float[401];
        int i = (int) Math.round(onsetMs * 5);
        for (int k = 0; k < 20; k++) {
            v[i + k] = (float) (uv / 2 * Math.sin(2 * Math.PI * k / 20));
        }
        return v;
    }

    @Test
    void musclesGetTilesTheBaselineIsOverlaidInItsColourAndTheTrendHoldsThePublishedP2p() throws Exception {
        EvokedFeed feed = new EvokedFeed("mep");
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        shell.setSize(1000, 900);
        EvokedView view = new EvokedView(shell, new MepRules(), feed);
        shell.open();
        double[] t = { 10, 40, 70 };
        double[] p2p = { 600, 560, 100 };
        Thread processing = new Thread(() -> {
            for (int i = 0; i < t.length; i++) {
                for (String muscle : new String[] { "APB-L", "TA-L" }) {
                    feed.measurement(new Measurement(t[i], "mep", "tcmep.C4C3", muscle, "MEP", 21, p2p[i], 1, 0, MepModelTest.SPINAL));
                    feed.average(new AverageTrace(t[i], "mep", "tcmep.C4C3", muscle, response(21, (float) p2p[i]), 5000, 1, 0,
                            MepModelTest.SPINAL));
                    feed.trend(new TrendPoint(t[i], "mep", "tcmep.C4C3/" + muscle + "/p2p", p2p[i], "uV"));
                }
                if (i == 0) {
                    feed.baseline(new AverageTrace(15, "mep", "tcmep.C4C3", "APB-L", response(30, 600), 5000, 1, 0,
                            MepModelTest.SPINAL));
                }
            }
        }, "openionm-consumer-test");
        processing.start();
        processing.join();
        view.pump();

        assertEquals(2, view.tileControls().size(), "one tile per muscle");
        WaterfallCanvas apb = view.tileControls().get(0).waterfall();
        WaterfallCanvas ta = view.tileControls().get(1).waterfall();
        RGB baseline = EvokedColors.baseline(WHITE);
        assertTrue(count(paint(apb), baseline) > 30, "APB-L baseline overlaid in the baseline colour");
        assertEquals(0, count(paint(ta), baseline), "TA-L has no baseline");
        assertTrue(count(paint(apb), TRACE) > 100, "newest trial drawn in the trace colour");

        TrendChart chart = view.tileControls().get(0).chart();
        ISeries<?> s = chart.getSeriesSet().getSeries("p2p C4C3");
        assertArrayEquals(new double[] { 10 / 60.0, 40 / 60.0, 70 / 60.0 }, s.getXSeries(), 1e-12);
        assertArrayEquals(p2p, s.getYSeries(), 1e-12);
        assertEquals(600, chart.getSeriesSet().getSeries("p2p C4C3" + TrendChart.BASELINE_SUFFIX).getYSeries()[0]);
        assertEquals(120, chart.getSeriesSet().getSeries("p2p C4C3" + TrendChart.THRESHOLD_SUFFIX).getYSeries()[0], 1e-9,
                "spinal preset: alarm below 20 % of baseline");
        assertEquals(1, view.tileControls().get(1).chart().getSeriesSet().getSeries().length, "TA-L: data only, no baseline");

        // TcMEP onsets are not placed by hand: dragging one sends nothing
        java.util.List<String> moves = new java.util.ArrayList<>();
        view.setMarkerMover((site, channel, component, ms) -> moves.add(component));
        for (int type : new int[] { SWT.MouseDown, SWT.MouseMove, SWT.MouseUp }) {
            Event e = new Event();
            e.button = 1;
            e.x = apb.xOfMs(21) + (type == SWT.MouseDown ? 0 : 40);
            e.y = apb.zeroY(0);
            apb.notifyListeners(type, e);
        }
        assertEquals(java.util.List.of(), moves);
        assertTrue(!view.headerText().contains("drag a marker"), view.headerText());
    }

    /** The 16 muscle channels of the simulator's 32-channel montage (TcMEP, free-run and triggered EMG roles). */
    static final String[] SIXTEEN = { "APB-L", "APB-R", "TA-L", "TA-R", "Facial-1", "Facial-2", "AH-L", "AH-R", "Vastus-L",
            "Vastus-R", "EHL-L", "EHL-R", "Gastroc-L", "Gastroc-R", "ADM-L", "ADM-R" };

    @Test
    void sixteenMusclesGetSixteenCompactTilesSideBySide() throws Exception {
        EvokedFeed feed = new EvokedFeed("mep");
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        shell.setSize(700, 900); // about the modalities stack at 1600 px
        EvokedView view = new EvokedView(shell, new MepRules(), feed);
        shell.open();
        Thread processing = new Thread(() -> {
            for (String muscle : SIXTEEN) {
                String site = muscle.endsWith("-R") ? "tcmep.C3C4" : "tcmep.C4C3";
                feed.measurement(new Measurement(30, "mep", site, muscle, "MEP", 30, 300, 1, 0, MepModelTest.SPINAL));
                feed.average(new AverageTrace(30, "mep", site, muscle, response(30, 300), 5000, 1, 0, MepModelTest.SPINAL));
                feed.trend(new TrendPoint(30, "mep", site + "/" + muscle + "/p2p", 300, "uV"));
            }
        }, "openionm-consumer-test");
        processing.start();
        processing.join();
        view.pump();
        while (Display.getDefault().readAndDispatch()) {
            // let the layout settle
        }

        assertEquals(16, view.tileControls().size(), "one tile per muscle, every one of the 16");
        assertTrue(view.compact(), "more than " + EvokedView.COMPACT_ABOVE_TILES + " tiles: compact");
        assertTrue(view.headerText().startsWith("16 tiles (compact"), view.headerText());
        java.util.Set<Integer> columns = new java.util.TreeSet<>();
        for (EvokedView.TileControl c : view.tileControls()) {
            assertTrue(!c.chartShown(), "trend charts hidden when compact");
            assertTrue(c.waterfall().getSize().y >= WaterfallCanvas.AXIS_HEIGHT + 20, "each waterfall has room for its trace");
            columns.add(c.waterfall().toDisplay(0, 0).x);
        }
        assertTrue(columns.size() >= 3, "tiles side by side in 3+ columns at 700 px: " + columns);
    }
}
