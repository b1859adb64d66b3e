package org.openionm.modality.eeg.ui;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * Density spectral array: one row per derivation, case time to the right (one pixel column per
 * epoch, the newest at the right edge), 0–{@link #MAX_HZ} Hz upwards, power as colour
 * ({@link DsaColors}), the SEF95 as a white line over it. Drawn into an image of exactly the row's
 * size, so the cost is one pass over the visible pixels per repaint, whatever the case length.
 */
public final class DsaCanvas extends Canvas {

    public static final double MAX_HZ = 30;
    static final int LABEL_WIDTH = 70;

    private final EegModel model;
    private long paints;

    public DsaCanvas(Composite parent, EegModel model) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        this.model = model;
        addPaintListener(e -> paint(e.gc));
    }

    /** Completed paints, for tests ({@code CanvasSnapshot.repaintAndCapture}). */
    public long paintCount() {
        return paints;
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.fillRectangle(area);
        List<String> derivations = model.derivations();
        if (derivations.isEmpty() || area.width <= LABEL_WIDTH + 2) {
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_GRAY));
            gc.drawText("Waiting for EEG epochs: a density spectral array per derivation appears with the first", 8, 8, true);
            paints++;
            return;
        }
        int rowHeight = Math.max(8, area.height / derivations.size());
        int width = area.width - LABEL_WIDTH;
        for (int r = 0; r < derivations.size(); r++) {
            int top = r * rowHeight;
            List<EegModel.Column> cols = model.columns(derivations.get(r));
            drawRow(gc, cols, LABEL_WIDTH, top, width, rowHeight - 2);
            drawMarks(gc, cols, LABEL_WIDTH, top, width, rowHeight - 2, r == 0);
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
            gc.drawText(derivations.get(r), 4, top + 2, true);
            if (!cols.isEmpty() && !Double.isNaN(cols.get(cols.size() - 1).sef95())) {
                gc.drawText(String.format("SEF95 %.1f", cols.get(cols.size() - 1).sef95()), 4, top + 18, true);
            }
        }
        paints++;
    }

    /** Pixels per epoch: one once the case fills the width, up to 6 while it is short (a few minutes). */
    static int columnWidth(int columns, int width) {
        return Math.max(1, Math.min(6, width / Math.max(1, columns)));
    }

    /** Case events (clamp on/off) as magenta lines at the first epoch ending after them. */
    private void drawMarks(GC gc, List<EegModel.Column> cols, int left, int top, int width, int height, boolean labels) {
        if (cols.isEmpty()) {
            return;
        }
        int w = columnWidth(cols.size(), width);
        int first = Math.max(0, cols.size() - width / w);
        int x0 = width - (cols.size() - first) * w;
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_MAGENTA));
        gc.setLineWidth(2);
        for (EegModel.Mark m : model.marks()) {
            for (int i = first; i < cols.size(); i++) {
                if (cols.get(i).timeSeconds() >= m.timeSeconds()) {
                    int x = left + x0 + (i - first) * w;
                    gc.drawLine(x, top, x, top + height - 1);
                    if (labels) {
                        gc.drawText(m.label(), x + 3, top + 2, true);
                    }
                    break;
                }
            }
        }
        gc.setLineWidth(1);
    }

    private void drawRow(GC gc, List<EegModel.Column> cols, int left, int top, int width, int height) {
        if (cols.isEmpty() || height < 2) {
            return;
        }
        int w = columnWidth(cols.size(), width);
        int first = Math.max(0, cols.size() - width / w); // the newest at the right
        int shown = cols.size() - first;
        ImageData data = new ImageData(width, height, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        int x0 = width - shown * w;
        int[] line = new int[width];
        for (int y = 0; y < height; y++) {
            double hz = MAX_HZ * (height - 1 - y) / (height - 1);
            for (int i = 0; i < shown; i++) {
                EegModel.Column c = cols.get(first + i);
                int k = (int) Math.round(hz / c.binHz());
                java.util.Arrays.fill(line, x0 + i * w, x0 + (i + 1) * w, k < c.psd().length ? DsaColors.rgb(c.psd()[k]) : 0);
            }
            data.setPixels(0, y, width, line, 0);
        }
        Image image = new Image(getDisplay(), data);
        try {
            gc.drawImage(image, left, top);
        } finally {
            image.dispose();
        }
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.setLineWidth(2);
        int prevX = -1;
        int prevY = -1;
        for (int i = 0; i < shown; i++) {
            double sef = cols.get(first + i).sef95();
            if (Double.isNaN(sef)) {
                prevX = -1;
                continue;
            }
            int x = left + x0 + i * w + w / 2;
            int y = top + (int) Math.round((height - 1) * (1 - Math.min(sef, MAX_HZ) / MAX_HZ));
            if (prevX >= 0) {
                gc.drawLine(prevX, prevY, x, y);
            }
            prevX = x;
            prevY = y;
        }
        gc.setLineWidth(1);
    }
}
