package org.openionm.review.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfRecordingInfo;
import org.openionm.io.edf.EdfWriter;
import org.openionm.review.CaseOverview.Kind;
import org.openionm.review.CaseTimeline;
import org.openionm.ui.widgets.trace.CanvasSnapshot;

/**
 * A case recorded in two segments (60 s from 08:00:00, 60 s from 08:01:30) opens as one axis of
 * 150 s: the event of segment 2 sits at its case time, the gap 60–90 s is grey on the overview and
 * in the traces and has no trace pixel in it, and seeking into segment 2 draws its signal.
 */
class ReviewCaseSegmentsUiTest {

    private static final int RATE = 1000;

    @TempDir
    Path dir;

    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    static Path segment(Path file, LocalDateTime start, String event, int eventSecond) throws IOException {
        List<Channel> channels = List.of(new Channel(0, "APB-L", Channel.MICROVOLT, RATE, -3200, 3200, ChannelRole.EEG));
        try (EdfWriter w = EdfWriter.create(file, EdfFormat.BDF, EdfRecordingInfo.anonymous(start), channels, "HP:0Hz LP:0Hz", RATE)) {
            for (int s = 0; s < 60; s++) {
                float[][] block = new float[1][RATE];
                for (int i = 0; i < RATE; i++) {
                    block[0][i] = (float) (40 * Math.sin(2 * Math.PI * 10 * i / RATE));
                }
                w.write(new SampleBlock((long) s * RATE, 0, block));
                if (s == eventSecond) {
                    w.annotation(new Annotation((long) s * RATE, 0, event, Annotation.Kind.CLINICAL));
                }
            }
        }
        return file;
    }

    private static void waitFor(Display display, BooleanSupplier condition, String what) {
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

    private static int count(ImageData pixels, RGB colour, int x0, int x1) {
        int n = 0;
        for (int x = Math.max(0, x0); x < Math.min(pixels.width, x1); x++) {
            for (int y = 0; y < pixels.height; y++) {
                if (colour.equals(CanvasSnapshot.rgb(pixels, x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static final RGB WHITE = new RGB(255, 255, 255);
    private static final RGB BLACK = new RGB(0, 0, 0);

    /** Two segments 30 s apart (case time 60–90 s without recording), opened on canvases of the given colours. */
    private ReviewView openTwoSegments(RGB background, RGB foreground) throws Exception {
        Path one = segment(dir.resolve("case-001.bdf"), LocalDateTime.of(2026, 12, 5, 8, 0, 0), "EVENT Incision", 10);
        Path two = segment(dir.resolve("case-002.bdf"), LocalDateTime.of(2026, 12, 5, 8, 1, 30), "EVENT Closure", 20);
        Display display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1600, 1000);
        ReviewView view = new ReviewView(shell, new ReviewView.Services(null, null, Map.of(), Map.of()));
        for (var c : new org.eclipse.swt.widgets.Control[] {view.overviewCanvas(), view.tracesCanvas()}) {
            c.setBackground(new Color(background));
            c.setForeground(new Color(foreground));
        }
        shell.open();
        view.open(List.of(one, two), null);
        waitFor(display, view::isOpen, "the segments to open");
        return view;
    }

    @Test
    void onTheDarkThemeTheGapIsAQuietTintOfTheBackground() throws Exception {
        RGB dark = new RGB(0x1a, 0x1e, 0x23); // dark.css: Composite background and text colour
        RGB text = new RGB(0xd8, 0xde, 0xe9);
        ReviewView view = openTwoSegments(dark, text);
        RGB gap = OverviewCanvas.gap(dark, text);
        // 12 % of the way to the text colour: 0x1a + 0.12 × (0xd8 − 0x1a) = 48.8 → 49, and so on
        assertEquals(new RGB(49, 53, 59), gap);
        OverviewCanvas overview = view.overviewCanvas();
        ImageData o = CanvasSnapshot.repaintAndCapture(overview, overview::paintCount);
        assertEquals(gap, CanvasSnapshot.rgb(o, overview.xOf(75), o.height - OverviewCanvas.AXIS - 3), "the gap on the overview");
        TracesCanvas traces = view.tracesCanvas();
        view.moveCursor(75);
        ImageData t = CanvasSnapshot.repaintAndCapture(traces, traces::paintCount);
        assertTrue(count(t, gap, TracesCanvas.LEFT, t.width) > 1000, "the gap on the traces");
        assertEquals(0, count(t, new RGB(0xE4, 0xE4, 0xE4), 0, t.width), "not the light grey that glared on the dark theme");
    }

    @Test
    void twoSegmentsOpenOnOneCaseAxisWithTheGapShown() throws Exception {
        ReviewView view = openTwoSegments(WHITE, BLACK);
        RGB gapColour = OverviewCanvas.gap(WHITE, BLACK);
        assertEquals(new RGB(224, 224, 224), gapColour, "255 − 0.12 × 255 = 224.4: a light grey on the light theme");

        assertEquals(List.of(new CaseTimeline.Gap(60.0, 90.0)), view.timeline().gaps());
        assertEquals(150.0, view.overviewCanvas().overview().durationSeconds());
        assertEquals(List.of(10.0, 110.0), view.overviewCanvas().overview().markers(Kind.EVENT).stream().map(m -> m.seconds()).toList());
        assertTrue(view.statusText().contains("2 segments, 1 gaps"), view.statusText());

        OverviewCanvas overview = view.overviewCanvas();
        ImageData o = CanvasSnapshot.repaintAndCapture(overview, overview::paintCount);
        int yLow = o.height - OverviewCanvas.AXIS - 3;
        assertEquals(gapColour, CanvasSnapshot.rgb(o, overview.xOf(75), yLow), "the gap is grey on the overview");
        assertTrue(!gapColour.equals(CanvasSnapshot.rgb(o, overview.xOf(40), yLow)), "a recorded stretch is not");

        // inside the gap: no trace pixel at all; inside segment 2: the signal is drawn
        TracesCanvas traces = view.tracesCanvas();
        view.moveCursor(75);
        ImageData gap = CanvasSnapshot.repaintAndCapture(traces, traces::paintCount);
        assertEquals(0, count(gap, TracesCanvas.TRACE, TracesCanvas.LEFT, gap.width), "no signal drawn over the gap");
        assertTrue(count(gap, gapColour, TracesCanvas.LEFT, gap.width) > 1000, "the gap is shown");
        view.moveCursor(100);
        ImageData two2 = CanvasSnapshot.repaintAndCapture(traces, traces::paintCount);
        assertTrue(count(two2, TracesCanvas.TRACE, TracesCanvas.LEFT, two2.width) > 500, "segment 2 is drawn at 100 s");
        assertEquals(100.0, view.window().cursorSeconds());
    }
}
