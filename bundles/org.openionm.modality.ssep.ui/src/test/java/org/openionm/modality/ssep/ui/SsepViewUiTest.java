package org.openionm.modality.ssep.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openionm.ui.widgets.trace.CanvasSnapshot.count;
import static org.openionm.ui.widgets.trace.CanvasSnapshot.rgb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
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
import org.openionm.ui.widgets.evoked.EvokedModel;
import org.openionm.ui.widgets.evoked.EvokedView;
import org.openionm.ui.widgets.evoked.TrendChart;
import org.openionm.ui.widgets.evoked.WaterfallCanvas;
import org.openionm.ui.widgets.trace.CanvasSnapshot;

/**
 * Publishes SSEP results from another thread (as the processor host does), lets the view take them
 * on its display thread, and reads back tiles, pixels and chart series.
 */
class SsepViewUiTest {

    private static final RGB BLACK = new RGB(0, 0, 0);
    private static final RGB TRACE = new RGB(0, 255, 0);
    private static final double FS = 10_000;

    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    /** 50 ms at 10 kHz, flat except a one-sample negative peak of {@code uv} at {@code ms}. */
    static float[] peak(double ms, float uv) {
        float[] v = new float[501];
        v[(int) Math.round(ms * FS / 1000)] = uv;
        return v;
    }

    static AverageTrace trace(double t, String site, float[] v) {
        return new AverageTrace(t, "ssep", site, "CP4-Fpz", v, FS, 300, 4, SsepModelTest.PROV);
    }

    private EvokedView open(EvokedFeed feed) {
        Display display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1000, 900);
        EvokedView view = new EvokedView(shell, new SsepRules(), feed);
        shell.open();
        return view;
    }

    @Test
    void draggingAMarkerSendsItsNewLatencyToTheProcessorAClickDoesNotAndARefusalIsShown() throws Exception {
        EvokedFeed feed = new EvokedFeed("ssep");
        EvokedView view = open(feed);
        List<String> moves = new ArrayList<>();
        view.setMarkerMover((site, channel, component, ms) -> {
            if (ms > 45) { // as the processor refuses a latency it cannot read
                throw new IllegalArgumentException("latency " + ms + " ms is outside the average");
            }
            moves.add(site + " " + channel + " " + component + " " + String.format(Locale.ROOT, "%.3f", ms));
        });
        publishFromProcessingThread(() -> {
            feed.average(trace(95, "median.left", peak(20, -10)));
            feed.measurement(new Measurement(95, "ssep", "median.left", "CP4-Fpz", "N20", 20, 2.5, 300, 4, SsepModelTest.PROV));
        });
        view.pump();
        WaterfallCanvas w = view.tileControls().get(0).waterfall();
        int tick = w.xOfMs(20);
        int y = w.zeroY(0);

        mouse(w, SWT.MouseDown, tick + 2, y); // grabbed 2 px right of the tick: it moves by the drag, not to the mouse
        mouse(w, SWT.MouseMove, tick + 32, y);
        mouse(w, SWT.MouseUp, tick + 32, y);
        assertEquals(List.of("median.left CP4-Fpz N20 " + String.format(Locale.ROOT, "%.3f", w.msOfX(tick + 30))), moves);
        assertEquals(20, w.msOfX(tick), 50.0 / (w.xOfMs(50) - w.xOfMs(0)), "msOfX inverts xOfMs within a pixel");

        mouse(w, SWT.MouseDown, tick, y);
        mouse(w, SWT.MouseUp, tick, y);
        assertEquals(1, moves.size(), "a click is not a move");
        mouse(w, SWT.MouseDown, tick + 30, y);
        mouse(w, SWT.MouseUp, tick + 60, y);
        assertEquals(1, moves.size(), "nothing to grab away from a marker");

        mouse(w, SWT.MouseDown, tick, y);
        mouse(w, SWT.MouseUp, w.getClientArea().width - 1, y); // to the end of the axis: 50 ms
        assertEquals(1, moves.size());
        assertTrue(view.headerText().startsWith("Cannot move N20 on CP4-Fpz: latency 50.0 ms is outside the average"),
                view.headerText());
    }

    /**
     * Issue 16, item 8: on a stopped playback the processor re-measures a dragged marker after the
     * acquisition ended. The view used to take that late result for the start of a new acquisition
     * and collapsed to one tile without a trace; the tiles must stay and the marker land where it was
     * dropped.
     */
    @Test
    void aMarkerDraggedOnAStoppedPlaybackMovesThereAndTheTilesStay() throws Exception {
        EvokedFeed feed = new EvokedFeed("ssep");
        EvokedView view = open(feed);
        List<Double> asked = new ArrayList<>();
        // as SsepProcessor.moveMarker: the moved component re-published with the average's case time
        view.setMarkerMover((site, channel, component, ms) -> {
            asked.add(ms);
            publishFromProcessingThreadUnchecked(() -> feed.measurement(
                    new Measurement(95, "ssep", site, channel, component, ms, 2.1, 300, 4, SsepModelTest.PROV)));
        });
        publishFromProcessingThread(() -> {
            feed.acquisitionStarted();
            for (String site : List.of("median.left", "median.right", "tibial.left", "tibial.right")) {
                feed.average(trace(95, site, peak(20, -10)));
                feed.measurement(new Measurement(95, "ssep", site, "CP4-Fpz", "N20", 20, 2.5, 300, 4, SsepModelTest.PROV));
            }
            feed.acquisitionEnded("end of file"); // the playback stopped
        });
        view.pump();
        assertEquals(4, view.tileControls().size());
        WaterfallCanvas w = view.tileControls().get(0).waterfall();
        int tick = w.xOfMs(20);
        int y = w.zeroY(0);
        int target = w.xOfMs(22);

        mouse(w, SWT.MouseDown, tick, y);
        mouse(w, SWT.MouseMove, target, y);
        mouse(w, SWT.MouseUp, target, y);
        view.pump();

        assertEquals(1, asked.size());
        assertEquals(w.msOfX(target), asked.get(0), 1e-9);
        assertEquals(22, asked.get(0), 50.0 / (w.xOfMs(50) - w.xOfMs(0)), "dropped at 22 ms, within a pixel");
        assertEquals(4, view.tileControls().size(), "the other sites' tiles stay");
        EvokedModel.Row row = view.model().tile("median.left").rows().get(0);
        assertNotNull(row.newest(), "the row keeps its trace");
        assertEquals(List.of(asked.get(0)), row.markers().stream().map(Measurement::latencyMs).toList(),
                "N20 drawn where it was dropped");
        assertTrue(view.headerText().startsWith("4 tiles"), view.headerText());

        // the next acquisition still starts an empty display
        publishFromProcessingThread(() -> {
            feed.acquisitionStarted();
            feed.average(trace(5, "median.left", peak(20, -10)));
        });
        view.pump();
        assertEquals(1, view.tileControls().size());
        assertEquals(1, view.model().tile("median.left").rows().get(0).history().size());
    }

    private static void publishFromProcessingThreadUnchecked(Runnable publish) {
        try {
            publishFromProcessingThread(publish);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void mouse(WaterfallCanvas canvas, int type, int x, int y) {
        Event e = new Event();
        e.button = 1;
        e.x = x;
        e.y = y;
        canvas.notifyListeners(type, e);
    }

    private static void publishFromProcessingThread(Runnable publish) throws InterruptedException {
        Thread t = new Thread(publish, "openionm-consumer-test");
        t.start();
        t.join();
    }

    @Test
    void tilesAppearPerSiteAndTheNewestTraceMarkerAndBaselineAreDrawnWhereTheAxisSays() throws Exception {
        EvokedFeed feed = new EvokedFeed("ssep");
        EvokedView view = open(feed);
        publishFromProcessingThread(() -> {
            feed.average(trace(95, "median.left", peak(20, -10)));
            feed.measurement(new Measurement(95, "ssep", "median.left", "CP4-Fpz", "N20", 20, 2.5, 300, 4, SsepModelTest.PROV));
            feed.baseline(trace(95, "median.left", peak(30, -10))); // baseline peak elsewhere, to tell them apart
            feed.average(trace(96, "median.right", peak(20, -10)));
            feed.average(trace(97, "tibial.left", peak(40, -10)));
            feed.average(new AverageTrace(98, "mep", "tcmep.C4C3", "APB-L", new float[10], 5000, 1, 0, SsepModelTest.PROV));
        });
        view.pump();
        assertEquals(3, view.tileControls().size(), "one tile per distinct site, none for the MEP result");

        WaterfallCanvas withBaseline = view.tileControls().get(0).waterfall();
        WaterfallCanvas without = view.tileControls().get(1).waterfall();
        for (WaterfallCanvas c : List.of(withBaseline, without)) {
            c.setBackground(new Color(BLACK));
            c.setForeground(new Color(TRACE));
        }
        ImageData px = CanvasSnapshot.repaintAndCapture(withBaseline, withBaseline::paintCount);
        Rectangle area = withBaseline.getClientArea();
        int plotWidth = area.width - WaterfallCanvas.LABEL_WIDTH - 8;
        int expectedX = WaterfallCanvas.LABEL_WIDTH + (int) Math.round(20.0 / 50 * (plotWidth - 1));

        // the peak of the newest trace: its highest trace-coloured pixel is in the 20 ms column
        int topX = -1;
        int topY = Integer.MAX_VALUE;
        for (int x = WaterfallCanvas.LABEL_WIDTH; x < area.width; x++) {
            for (int y = 0; y < area.height - WaterfallCanvas.AXIS_HEIGHT; y++) {
                if (rgb(px, x, y).equals(TRACE) && y < topY) {
                    topY = y;
                    topX = x;
                }
            }
        }
        assertEquals(expectedX, topX, "N20 peak column");
        assertTrue(topY < withBaseline.zeroY(0) - 5, "a negative peak is drawn upwards");

        // the marker tick sits in the same column, above the peak, in the marker colour
        RGB marker = EvokedColors.marker(BLACK);
        int markerPixels = 0;
        for (int y = 0; y < topY; y++) {
            if (rgb(px, expectedX, y).equals(marker)) {
                markerPixels++;
            }
        }
        assertTrue(markerPixels >= WaterfallCanvas.MARKER_HEIGHT / 2, "marker tick above N20, found " + markerPixels);

        // the baseline is overlaid in its own colour; a tile without a baseline has none of it
        RGB baseline = EvokedColors.baseline(BLACK);
        int baselineX = WaterfallCanvas.LABEL_WIDTH + (int) Math.round(30.0 / 50 * (plotWidth - 1));
        assertTrue(count(px, baseline) > 50, "dashed baseline drawn");
        assertTrue(columnHas(px, baselineX, baseline, topY - 2, withBaseline.zeroY(0) - 5), "baseline peak at 30 ms");
        assertEquals(0, count(CanvasSnapshot.repaintAndCapture(without, without::paintCount), baseline), "no baseline captured for median.right");
    }

    @Test
    void aNegativePeaksMarkerIsAboveTheTraceAndAPositivePeaksBelowIt() throws Exception {
        EvokedFeed feed = new EvokedFeed("ssep");
        EvokedView view = open(feed);
        float[] v = peak(20, -10);
        v[(int) Math.round(30 * FS / 1000)] = 10; // P25-like positive peak at 30 ms
        publishFromProcessingThread(() -> {
            feed.average(trace(95, "median.left", v));
            feed.measurement(new Measurement(95, "ssep", "median.left", "CP4-Fpz", "N20", 20, 4, 300, 4, SsepModelTest.PROV));
            feed.measurement(new Measurement(95, "ssep", "median.left", "CP4-Fpz", "P25", 30, 4, 300, 4, SsepModelTest.PROV));
        });
        view.pump();
        WaterfallCanvas w = view.tileControls().get(0).waterfall();
        w.setBackground(new Color(BLACK));
        w.setForeground(new Color(TRACE));
        ImageData px = CanvasSnapshot.repaintAndCapture(w, w::paintCount);
        int zero = w.zeroY(0);
        int peak = (int) Math.round(10 * w.pixelsPerUv(0)); // pixels from the zero line to either peak
        int bottom = w.getClientArea().height - WaterfallCanvas.AXIS_HEIGHT;
        assertTrue(markerPixels(px, w.xOfMs(20), 0, zero - peak) >= WaterfallCanvas.MARKER_HEIGHT / 2, "N20 tick above its peak");
        assertEquals(0, markerPixels(px, w.xOfMs(20), zero - peak, bottom), "nothing of N20's tick below its peak");
        assertTrue(markerPixels(px, w.xOfMs(30), zero + peak, bottom) >= WaterfallCanvas.MARKER_HEIGHT / 2, "P25 tick below its peak");
        assertEquals(0, markerPixels(px, w.xOfMs(30), 0, zero + peak), "nothing of P25's tick above its peak");
    }

    private static int markerPixels(ImageData px, int x, int fromY, int toY) {
        RGB marker = EvokedColors.marker(BLACK);
        int n = 0;
        for (int y = fromY; y < toY; y++) {
            if (rgb(px, x, y).equals(marker)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void theTrendChartHoldsExactlyThePublishedPointsWithBaselineAndThresholdLines() throws Exception {
        EvokedFeed feed = new EvokedFeed("ssep");
        EvokedView view = open(feed);
        double[] t = { 95, 190, 285 };
        double[] amp = { 2.4, 2.2, 1.0 };
        publishFromProcessingThread(() -> {
            for (int i = 0; i < t.length; i++) {
                feed.average(trace(t[i], "median.left", peak(20, -10)));
                feed.measurement(new Measurement(t[i], "ssep", "median.left", "CP4-Fpz", "N20", 19.6 + i * 0.1, amp[i], 300, 4,
                        SsepModelTest.PROV));
                feed.trend(new TrendPoint(t[i], "ssep", "median.left/CP4-Fpz/N20/latency", 19.6 + i * 0.1, "ms"));
                feed.trend(new TrendPoint(t[i], "ssep", "median.left/CP4-Fpz/N20/amplitude", amp[i], "uV"));
                if (i == 0) {
                    feed.baseline(trace(100, "median.left", peak(20, -10)));
                }
            }
        });
        view.pump();
        TrendChart chart = view.tileControls().get(0).chart();
        ISeries<?> a = chart.getSeriesSet().getSeries("CP4 N20 amp");
        assertNotNull(a);
        assertArrayEquals(new double[] { 95 / 60.0, 190 / 60.0, 285 / 60.0 }, a.getXSeries(), 1e-12, "case time in minutes");
        assertArrayEquals(amp, a.getYSeries(), 1e-12);
        ISeries<?> lat = chart.getSeriesSet().getSeries("CP4 N20 lat (ms)");
        assertArrayEquals(new double[] { 19.6, 19.7, 19.8 }, lat.getYSeries(), 1e-12);
        assertEquals("ms", chart.getAxisSet().getYAxis(lat.getYAxisId()).getTitle().getText(), "latency on its own axis");
        assertEquals(2.4, chart.getSeriesSet().getSeries("CP4 N20 amp" + TrendChart.BASELINE_SUFFIX).getYSeries()[0]);
        assertEquals(1.2, chart.getSeriesSet().getSeries("CP4 N20 amp" + TrendChart.THRESHOLD_SUFFIX).getYSeries()[0],
                1e-12, "-50 % line");
        assertEquals(6, chart.getSeriesSet().getSeries().length, "two data series, two baselines, two thresholds");
        assertTrue(view.tileControls().get(0).summary().getText().contains("alarm < 1.20"),
                view.tileControls().get(0).summary().getText());
    }

    /**
     * Issue 16, item 1: an acquisition that continues the case keeps the tile, its baseline and its
     * trend; the trend's line breaks at the gap (a separate line after it), so nothing is drawn
     * across the time without data. A fresh start afterwards empties the view.
     */
    @Test
    void aContinuedCaseKeepsTheBaselineAndBreaksTheTrendAtTheGap() throws Exception {
        EvokedFeed feed = new EvokedFeed("ssep");
        EvokedView view = open(feed);
        publishFromProcessingThread(() -> {
            feed.acquisitionStarted();
            for (double t : new double[] { 95, 190 }) {
                feed.average(trace(t, "median.left", peak(20, -10)));
                feed.trend(new TrendPoint(t, "ssep", "median.left/CP4-Fpz/N20/amplitude", 2.4, "uV"));
            }
            feed.baseline(trace(190, "median.left", peak(20, -10)));
            feed.acquisitionEnded("stopped by user");
            feed.acquisitionContinued(345, 45); // 300 s of data, 45 s without
            feed.average(trace(440, "median.left", peak(20, -10)));
            feed.trend(new TrendPoint(440, "ssep", "median.left/CP4-Fpz/N20/amplitude", 2.3, "uV"));
        });
        view.pump();
        EvokedModel.Tile tile = view.model().tile("median.left");
        assertNotNull(tile, "the tile stays");
        assertNotNull(tile.rows().get(0).baseline(), "with its baseline");
        assertEquals(190, tile.rows().get(0).baseline().timeSeconds());
        EvokedModel.Series series = tile.series().get(0);
        assertArrayEquals(new double[] { 95, 190, 440 }, series.times(), "the trend goes on, on the case clock");
        assertArrayEquals(new int[] { 2 }, series.breaks(), "a new line from the first point after the gap");
        TrendChart chart = view.tileControls().get(0).chart();
        assertArrayEquals(new double[] { 95 / 60.0, 190 / 60.0 }, chart.getSeriesSet().getSeries("CP4 N20 amp").getXSeries(),
                1e-12, "the line before the gap ends at its last point");
        assertArrayEquals(new double[] { 440 / 60.0 },
                chart.getSeriesSet().getSeries("CP4 N20 amp" + TrendChart.SEGMENT_SUFFIX + 1).getXSeries(), 1e-12);

        publishFromProcessingThread(feed::acquisitionStarted);
        view.pump();
        assertEquals(List.of(), view.model().tiles(), "a fresh start: baselines and trends start over");
    }

    private static boolean columnHas(ImageData px, int x, RGB colour, int fromY, int toY) {
        for (int y = Math.max(0, fromY); y <= toY; y++) {
            for (int dx = -1; dx <= 1; dx++) {
                if (rgb(px, x + dx, y).equals(colour)) {
                    return true;
                }
            }
        }
        return false;
    }
}
