package org.openionm.modality.eeg.ui;

import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.graphics.Device;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;

/**
 * One derivation's row of the density spectral array, kept between repaints: the spectra are drawn
 * once, and each new epoch scrolls the image left by its column and draws only that column, so a
 * repaint is a {@code drawImage} whatever the row's size (a full rebuild cost 44 ms at 1400 × 800,
 * over the 33-ms frame of the raw traces). Rebuilt only when the size, the column width or the case
 * changes.
 */
final class DsaRowImage {

    private static final PaletteData RGB = new PaletteData(0xFF0000, 0xFF00, 0xFF);
    /** Colour of the gap column between two acquisitions of a case: grey, unlike any power of the scale. */
    static final int GAP_RGB = 0x808080;

    private Image image;
    private int width;
    private int height;
    private int columnWidth;
    /** Case time of the newest epoch drawn; NaN when nothing is drawn. */
    private double newest = Double.NaN;
    private long rebuilds;

    /** The row's image, brought up to date with {@code cols} (the newest at the right edge). */
    Image update(Device device, List<EegModel.Column> cols, int width, int height) {
        int w = DsaCanvas.columnWidth(cols.size(), width);
        int fresh = newColumns(cols);
        if (image == null || width != this.width || height != this.height || w != columnWidth || fresh < 0
                || (long) fresh * w >= width) {
            rebuild(device, cols, width, height, w);
        } else if (fresh > 0) {
            append(device, cols, fresh);
        }
        return image;
    }

    /** Full rebuilds so far (tests: appending must not rebuild). */
    long rebuilds() {
        return rebuilds;
    }

    void dispose() {
        if (image != null) {
            image.dispose();
            image = null;
        }
    }

    /** Epochs after the newest drawn one, or −1 when that one is gone (a new case, or trimmed away unseen). */
    private int newColumns(List<EegModel.Column> cols) {
        if (Double.isNaN(newest)) {
            return cols.isEmpty() ? 0 : -1;
        }
        int n = 0;
        for (int i = cols.size() - 1; i >= 0; i--, n++) {
            double t = cols.get(i).timeSeconds();
            if (t == newest) {
                return n;
            }
            if (t < newest) {
                return -1;
            }
        }
        return -1;
    }

    private void rebuild(Device device, List<EegModel.Column> cols, int width, int height, int w) {
        dispose();
        this.width = width;
        this.height = height;
        this.columnWidth = w;
        int shown = Math.min(cols.size(), width / w);
        image = new Image(device, pixels(cols.subList(cols.size() - shown, cols.size()), width, height, w));
        newest = cols.isEmpty() ? Double.NaN : cols.get(cols.size() - 1).timeSeconds();
        rebuilds++;
    }

    private void append(Device device, List<EegModel.Column> cols, int fresh) {
        int dx = fresh * columnWidth;
        Image strip = new Image(device, pixels(cols.subList(cols.size() - fresh, cols.size()), dx, height, columnWidth));
        GC gc = new GC(image);
        try {
            gc.copyArea(dx, 0, width - dx, height, 0, 0); // scroll the kept epochs left
            gc.drawImage(strip, width - dx, 0);
        } finally {
            gc.dispose();
            strip.dispose();
        }
        newest = cols.get(cols.size() - 1).timeSeconds();
    }

    /** The columns right-aligned in an image {@code width} wide, {@code w} pixels each, 0 Hz at the bottom. */
    private static ImageData pixels(List<EegModel.Column> cols, int width, int height, int w) {
        ImageData data = new ImageData(width, height, 24, RGB);
        int x0 = width - cols.size() * w;
        int[] line = new int[width];
        for (int y = 0; y < height; y++) {
            double hz = DsaCanvas.MAX_HZ * (height - 1 - y) / Math.max(1, height - 1);
            for (int i = 0; i < cols.size(); i++) {
                EegModel.Column c = cols.get(i);
                int k = (int) Math.round(hz / c.binHz());
                int rgb = c.gap() ? GAP_RGB : k < c.psd().length ? DsaColors.rgb(c.psd()[k]) : 0;
                Arrays.fill(line, x0 + i * w, x0 + (i + 1) * w, rgb);
            }
            data.setPixels(0, y, width, line, 0);
        }
        return data;
    }
}
