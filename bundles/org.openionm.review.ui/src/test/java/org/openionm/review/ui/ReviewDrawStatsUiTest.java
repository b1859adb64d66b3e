package org.openionm.review.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.review.ReviewWindow;
import org.openionm.ui.widgets.trace.CanvasSnapshot;

/**
 * The seek → pixels probe of {@code bench review-ui}: a seek writes one line, after the paint that shows
 * it, with the window asked for and the channels, columns and rows painted; a repaint nobody asked for
 * writes nothing; the open is written once per open, saying whether it built the index. And the bench's
 * seek plan: every window length, seeded, the whole case only when it is longer than an hour.
 * No timing is asserted: only that the lines are there and say what was shown.
 */
class ReviewDrawStatsUiTest {

    @TempDir
    Path dir;

    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    @Test
    void aSeekIsWrittenOnceItsPaintHasFinishedWithTheWindowAskedFor() throws Exception {
        Path file = ReviewViewUiTest.recording(dir.resolve("seek.bdf")); // 600 s, 2 channels at 1 kHz
        Display display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1600, 1000);
        ReviewView view = new ReviewView(shell, new ReviewView.Services(null, null, Map.of(), Map.of()));
        assertNull(System.getProperty(ReviewDrawStats.PROPERTY));
        assertNull(view.drawStats(), "without " + ReviewDrawStats.PROPERTY + " nothing is measured");
        StringWriter text = new StringWriter();
        view.measureWith(new ReviewDrawStats(new PrintWriter(text)));
        shell.open();

        view.open(file, null);
        waitFor(display, () -> lines(text, "review-open").size() == 1, "the open's line");
        String[] open = lines(text, "review-open").get(0);
        assertEquals("index_built", open[3], "the first open of the file builds its index");
        assertEquals("600.0", open[4]);
        // the window the open shows (10 s at the start) is the first seek
        waitFor(display, () -> lines(text, "review-seek").size() == 1, "the first window's line");
        assertEquals("10.000", lines(text, "review-seek").get(0)[2]);

        view.show(new ReviewWindow(600, 250, 60));
        waitFor(display, () -> lines(text, "review-seek").size() == 2, "the seek's line");
        String[] seek = lines(text, "review-seek").get(1);
        assertEquals("60.000", seek[2], "the window asked for");
        assertTrue(Double.parseDouble(seek[3]) >= 0, "ms to painted: " + seek[3]);
        assertEquals("2", seek[4], "channels");
        assertEquals(String.valueOf(view.tracesCanvas().plotWidth()), seek[5], "columns: one envelope pair per pixel column");
        assertEquals("2", seek[6], "rows drawn");
        assertEquals(250.0, view.tracesCanvas().shownWindow().cursorSeconds());

        // a paint nobody asked for (an expose) is no seek
        CanvasSnapshot.repaintAndCapture(view.tracesCanvas(), view.tracesCanvas()::paintCount);
        assertEquals(2, lines(text, "review-seek").size());

        // the second open finds the index beside the file
        view.open(file, null);
        waitFor(display, () -> lines(text, "review-open").size() == 2, "the second open's line");
        assertEquals("cached_index", lines(text, "review-open").get(1)[3]);
    }

    @Test
    void theBenchSeeksEveryWindowLengthSeededAndTheWholeCaseOnlyWhenItIsLonger() {
        List<ReviewWindow> hour = ReviewSeekBench.plan(3600, 3, 7);
        assertEquals(List.of(10.0, 10.0, 10.0, 60.0, 60.0, 60.0, 600.0, 600.0, 600.0, 3600.0, 3600.0, 3600.0),
                hour.stream().map(ReviewWindow::spanSeconds).toList());
        assertEquals(hour, ReviewSeekBench.plan(3600, 3, 7), "the same seed, the same positions");
        assertNotEquals(hour, ReviewSeekBench.plan(3600, 3, 8));
        List<ReviewWindow> eight = ReviewSeekBench.plan(28_800, 2, 1);
        assertEquals(List.of(10.0, 10.0, 60.0, 60.0, 600.0, 600.0, 3600.0, 3600.0, 28_800.0, 28_800.0),
                eight.stream().map(ReviewWindow::spanSeconds).toList());
        assertTrue(eight.stream().allMatch(w -> w.cursorSeconds() >= 0 && w.cursorSeconds() <= 28_800 && w.durationSeconds() == 28_800));
        assertEquals(10, eight.stream().map(ReviewWindow::cursorSeconds).distinct().count(), "every seek goes somewhere else");
    }

    private static List<String[]> lines(StringWriter text, String kind) {
        return Arrays.stream(text.toString().split("\n")).map(l -> l.split(" ")).filter(f -> f[0].equals(kind)).toList();
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
}
