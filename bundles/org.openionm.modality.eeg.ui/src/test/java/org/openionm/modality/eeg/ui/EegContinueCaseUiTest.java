package org.openionm.modality.eeg.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
import org.openionm.core.processing.TrendPoint;
import org.openionm.ui.widgets.trace.CanvasSnapshot;

/**
 * Issue 16, item 1, EEG tab: an acquisition that continues the case keeps the density spectral array
 * and the trends; the gap shows as a grey column the SEF95 line does not cross, and trend lines are
 * cut there. A fresh start empties them.
 */
class EegContinueCaseUiTest {

    private static final Provenance P = new Provenance("eeg test", Map.of());
    private Shell shell;

    @BeforeEach
    void open() {
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        shell.setSize(504, 240);
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    @Test
    void theGapIsAGreyColumnTheSef95LineDoesNotCrossAndTrendsBreakThere() {
        EegModel model = new EegModel();
        for (int e = 0; e < 60; e++) {
            epoch(model, 2 * (e + 1));
        }
        model.acquisitionContinued(500, 380); // the first acquisition ended at 120 s
        for (int e = 0; e < 60; e++) {
            epoch(model, 500 + 2 * (e + 1));
        }
        List<EegModel.Column> cols = model.columns("C3-Cz");
        assertEquals(121, cols.size(), "60 epochs, the gap, 60 epochs: nothing forgotten");
        assertTrue(cols.get(60).gap() && cols.get(60).timeSeconds() == 500 && Double.isNaN(cols.get(60).sef95()), "gap: " + cols.get(60));
        assertEquals(List.of(500.0), model.gaps());
        List<List<double[]>> runs = model.segments("C3-Cz/BSR");
        assertEquals(2, runs.size(), "one run of the trend before the gap, one after");
        assertEquals(60, runs.get(0).size());
        assertEquals(120, runs.get(0).get(59)[0]);
        assertEquals(502, runs.get(1).get(0)[0]);

        DsaCanvas canvas = new DsaCanvas(shell, model);
        shell.open();
        ImageData img = CanvasSnapshot.repaintAndCapture(canvas, canvas::paintCount);
        int width = canvas.getClientArea().width - DsaCanvas.LABEL_WIDTH; // 400 px
        int height = canvas.getClientArea().height - 2;
        int w = DsaCanvas.columnWidth(121, width); // 3 px a column
        assertEquals(3, w);
        int x0 = DsaCanvas.LABEL_WIDTH + width - 121 * w;
        int gapX = x0 + 60 * w + w / 2;
        for (double hz : new double[] { 1, 2, 3, 10, 25 }) {
            RGB c = CanvasSnapshot.rgb(img, gapX, DsaCanvas.yOf(hz, 0, height));
            assertEquals(new RGB(0x80, 0x80, 0x80), c, "the gap column is grey at " + hz + " Hz, the SEF95 line (3 Hz) not across it");
        }
        RGB before = CanvasSnapshot.rgb(img, x0 + 55 * w + w / 2, DsaCanvas.yOf(3, 0, height));
        RGB after = CanvasSnapshot.rgb(img, x0 + 65 * w + w / 2, DsaCanvas.yOf(3, 0, height));
        assertTrue(before.red > 220 && before.green > 220 && before.blue > 220, "SEF95 line before the gap: " + before);
        assertTrue(after.red > 220 && after.green > 220 && after.blue > 220, "SEF95 line after the gap: " + after);

        model.acquisitionStarted(); // a fresh start
        assertEquals(List.of(), model.derivations());
        assertEquals(List.of(), model.gaps());
        assertEquals(List.of(), model.segments("C3-Cz/BSR"));
    }

    /** An epoch ending at {@code t}: delta power (2 Hz), SEF95 3 Hz, BSR 0 %. */
    private static void epoch(EegModel model, double t) {
        float[] psd = new float[61];
        java.util.Arrays.fill(psd, 0.01f);
        for (int k = 2; k <= 6; k++) {
            psd[k] = 300;
        }
        model.accept(new AverageTrace(t, "eeg", "spectrum", "C3-Cz", psd, 2, 1, 0, P));
        model.accept(Measurement.quantity(t, "eeg", "", "C3-Cz", "SEF95", 3, "Hz", P));
        model.accept(new TrendPoint(t, "eeg", "C3-Cz/BSR", 0, "%"));
    }
}
