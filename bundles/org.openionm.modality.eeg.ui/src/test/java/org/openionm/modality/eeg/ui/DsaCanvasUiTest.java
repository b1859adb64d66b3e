package org.openionm.modality.eeg.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.Provenance;
import org.openionm.ui.widgets.trace.CanvasSnapshot;

/** The density spectral array draws what the spectra say: where the power is, and the SEF95 line. */
class DsaCanvasUiTest {

    private static final Provenance P = new Provenance("eeg test", Map.of());
    private Display display;
    private Shell shell;

    @BeforeEach
    void open() {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(504, 240);
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    @Test
    void theWaitingTextWrapsInsideANarrowCanvas() {
        // the EEG tab is about 460 px wide in Live at 1280×800 (RawEegViewUiTest); the canvas gets no more
        shell.setSize(460, 240);
        DsaCanvas canvas = new DsaCanvas(shell, new EegModel());
        shell.open();
        CanvasSnapshot.repaintAndCapture(canvas, canvas::paintCount);
        java.util.List<String> lines = canvas.waitingLines;
        assertTrue(lines.size() > 1, "wrapped: " + lines);
        assertEquals(DsaCanvas.WAITING, String.join(" ", lines), "every word drawn, in order");
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(canvas);
        try {
            for (String line : lines) {
                int width = gc.textExtent(line).x;
                assertTrue(8 + width <= canvas.getClientArea().width, "'" + line + "' (" + width + " px) inside "
                        + canvas.getClientArea().width + " px");
            }
        } finally {
            gc.dispose();
        }
    }

    @Test
    void wrappingBreaksAtSpacesWithinTheWidth() {
        // 10 px a character: at most 9 characters a line in 90 px, 10 in 100 px; a longer word stays whole
        java.util.function.ToIntFunction<String> tenPx = t -> 10 * t.length();
        assertEquals(java.util.List.of("Waiting", "for EEG", "epochs: a", "density"),
                DsaCanvas.wrap("Waiting for EEG epochs: a density", 90, tenPx));
        assertEquals(java.util.List.of("abcdefghijkl", "x"), DsaCanvas.wrap("abcdefghijkl x", 100, tenPx));
    }

    @Test
    void powerShowsAtItsFrequencyAndTimeWithTheSef95Line() {
        EegModel model = new EegModel();
        // 400 epochs of 2 s: alpha (10 Hz) for the first 200, then delta (2 Hz); bins of 0.5 Hz up to 30 Hz
        for (int e = 0; e < 400; e++) {
            double t = 2 * (e + 1);
            float[] psd = new float[61];
            java.util.Arrays.fill(psd, 0.01f);
            int peak = e < 200 ? 20 : 4;
            for (int k = peak - 2; k <= peak + 2; k++) {
                psd[k] = 300;
            }
            model.accept(new AverageTrace(t, "eeg", "spectrum", "C3-Cz", psd, 2, 1, 0, P));
            model.accept(Measurement.quantity(t, "eeg", "", "C3-Cz", "SEF95", e < 200 ? 11 : 3, "Hz", P));
        }
        model.mark(400.5, "clamp on"); // drawn at epoch 200, the first ending after it
        assertEquals(400, model.columns("C3-Cz").size());
        assertEquals(11, model.columns("C3-Cz").get(0).sef95());
        DsaCanvas canvas = new DsaCanvas(shell, model);
        shell.open();
        ImageData img = CanvasSnapshot.repaintAndCapture(canvas, canvas::paintCount);
        int width = canvas.getClientArea().width - DsaCanvas.LABEL_WIDTH; // 400 px: one per epoch
        int height = canvas.getClientArea().height - 2;
        int x0 = DsaCanvas.LABEL_WIDTH + width - 400;
        int y10 = (int) Math.round((height - 1) * (1 - 10 / DsaCanvas.MAX_HZ));
        int y2 = (int) Math.round((height - 1) * (1 - 2 / DsaCanvas.MAX_HZ));
        int y25 = (int) Math.round((height - 1) * (1 - 25 / DsaCanvas.MAX_HZ));
        assertHot(CanvasSnapshot.rgb(img, x0 + 100, y10), "alpha epochs at 10 Hz");
        assertCold(CanvasSnapshot.rgb(img, x0 + 300, y10), "delta epochs at 10 Hz");
        assertHot(CanvasSnapshot.rgb(img, x0 + 300, y2), "delta epochs at 2 Hz");
        assertCold(CanvasSnapshot.rgb(img, x0 + 100, y25), "nothing at 25 Hz");
        int ySef = (int) Math.round((height - 1) * (1 - 3 / DsaCanvas.MAX_HZ));
        RGB mark = CanvasSnapshot.rgb(img, x0 + 200, y25 + 20);
        assertTrue(mark.red > 200 && mark.green < 60 && mark.blue > 200, "magenta clamp mark at epoch 200: " + mark);
        RGB line = CanvasSnapshot.rgb(img, x0 + 350, ySef);
        assertTrue(line.red > 220 && line.green > 220 && line.blue > 220, "white SEF95 line at 3 Hz: " + line);
    }

    @Test
    void newEpochsAreAppendedToTheKeptImageExactlyAsAFullRedrawDrawsThem() {
        EegModel model = new EegModel();
        for (int e = 0; e < 400; e++) { // more than the 400-px rows hold, so the image scrolls
            addEpoch(model, e, 4, 3);
        }
        DsaCanvas canvas = new DsaCanvas(shell, model);
        shell.open();
        CanvasSnapshot.repaintAndCapture(canvas, canvas::paintCount);
        assertEquals(1, canvas.rowRebuilds());
        for (int e = 400; e < 430; e++) { // 30 new epochs of beta (20 Hz)
            addEpoch(model, e, 40, 21);
        }
        ImageData appended = CanvasSnapshot.repaintAndCapture(canvas, canvas::paintCount);
        assertEquals(1, canvas.rowRebuilds(), "new epochs are appended, the row's image is not rebuilt");

        Shell other = new Shell(display);
        other.setLayout(new FillLayout());
        other.setSize(shell.getSize());
        try {
            DsaCanvas fresh = new DsaCanvas(other, model);
            other.open();
            ImageData rebuilt = CanvasSnapshot.repaintAndCapture(fresh, fresh::paintCount);
            assertEquals(canvas.getClientArea(), fresh.getClientArea());
            int height = canvas.getClientArea().height - 2;
            int right = canvas.getClientArea().width - 1;
            int y20 = DsaCanvas.yOf(20, 0, height);
            int y2 = DsaCanvas.yOf(2, 0, height);
            assertHot(CanvasSnapshot.rgb(appended, right - 15, y20), "a beta epoch at 20 Hz");
            assertCold(CanvasSnapshot.rgb(appended, right - 15, y2), "a beta epoch at 2 Hz");
            assertHot(CanvasSnapshot.rgb(appended, right - 45, y2), "the delta epoch before them at 2 Hz");
            int differing = 0;
            for (int x = DsaCanvas.LABEL_WIDTH; x <= right; x++) {
                for (int y = 0; y < height; y++) {
                    if (!CanvasSnapshot.rgb(appended, x, y).equals(CanvasSnapshot.rgb(rebuilt, x, y))) {
                        differing++;
                    }
                }
            }
            assertEquals(0, differing, "pixels of the appended DSA that differ from one drawn from scratch");
        } finally {
            other.dispose();
        }
    }

    @Test
    void frequencyAxisHasTicksEveryTenHertz() {
        EegModel model = new EegModel();
        for (int e = 0; e < 10; e++) {
            addEpoch(model, e, 4, 3);
        }
        DsaCanvas canvas = new DsaCanvas(shell, model);
        shell.open();
        ImageData img = CanvasSnapshot.repaintAndCapture(canvas, canvas::paintCount);
        int height = canvas.getClientArea().height - 2;
        int x = DsaCanvas.LABEL_WIDTH - 2;
        for (double hz : new double[] { 0, 10, 20, 30 }) {
            RGB tick = CanvasSnapshot.rgb(img, x, DsaCanvas.yOf(hz, 0, height));
            assertTrue(tick.red > 100 && tick.red == tick.green && tick.green == tick.blue, hz + " Hz tick is grey: " + tick);
        }
        assertEquals(new RGB(0, 0, 0), CanvasSnapshot.rgb(img, x, DsaCanvas.yOf(15, 0, height)), "no tick at 15 Hz");
    }

    /** Epoch {@code e} (2 s each): power 300 µV²/Hz at bins {@code peakBin} ± 2 (0.5 Hz each), the given SEF95. */
    private static void addEpoch(EegModel model, int e, int peakBin, double sef95) {
        double t = 2 * (e + 1);
        float[] psd = new float[61];
        java.util.Arrays.fill(psd, 0.01f);
        for (int k = peakBin - 2; k <= peakBin + 2; k++) {
            psd[k] = 300;
        }
        model.accept(new AverageTrace(t, "eeg", "spectrum", "C3-Cz", psd, 2, 1, 0, P));
        model.accept(Measurement.quantity(t, "eeg", "", "C3-Cz", "SEF95", sef95, "Hz", P));
    }

    @Test
    void colourScaleRunsFromBlueToRed() {
        int low = DsaColors.rgb(0.01);
        int high = DsaColors.rgb(1000);
        assertEquals(0x000040, low, "-20 dB is below the scale: dark blue");
        assertEquals(0xC80000, high, "+30 dB is above it: red");
    }

    private static void assertHot(RGB c, String what) {
        assertTrue(c.red > 150 && c.blue < 100, what + ": " + c);
    }

    private static void assertCold(RGB c, String what) {
        assertTrue(c.red < 60 && c.blue > 40, what + ": " + c);
    }
}
