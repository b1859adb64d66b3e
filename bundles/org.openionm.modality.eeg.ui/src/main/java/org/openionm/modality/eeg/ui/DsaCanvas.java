package org.openionm.modality.eeg.ui;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * Density spectral array: one row per derivation, case time to the right (one pixel column per
 * epoch, the newest at the right edge), 0–{@link #MAX_HZ} Hz upwards with Hz ticks, power as colour
 * ({@link DsaColors}), the SEF95 as a white line over it. Each row's image is kept ({@link DsaRowImage})
 * and only the new epochs' columns are drawn, so a repaint costs a {@code drawImage} per row plus the
 * SEF95 line and labels, whatever the case length and canvas size.
 */
public final class DsaCanvas extends Canvas {

    public static final double MAX_HZ = 30;
    static final int LABEL_WIDTH = 104;
    /** Tick marks of the frequency axis, drawn left of each row. */
    static final int TICK_LENGTH = 5;

    static final String WAITING = "Waiting for EEG epochs: a density spectral array per derivation appears with the first";

    private final EegModel model;
    /** The lines the waiting text was last drawn in (tests). */
    List<String> waitingLines = List.of();
    private final Map<String, DsaRowImage> rows = new HashMap<>();
    private long paints;

    public DsaCanvas(Composite parent, EegModel model) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        this.model = model;
        addPaintListener(e -> paint(e.gc));
        addDisposeListener(e -> {
            rows.values().forEach(DsaRowImage::dispose);
            rows.clear();
        });
    }

    /**
     * {@code text} in lines no wider than {@code width} by {@code measure}, broken at spaces; a single word
     * wider than that stays whole on its own line.
     */
    static List<String> wrap(String text, int width, java.util.function.ToIntFunction<String> measure) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (line.isEmpty() || measure.applyAsInt(longer) <= width) {
                line.setLength(0);
                line.append(longer);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Completed paints, for tests ({@code CanvasSnapshot.repaintAndCapture}). */
    public long paintCount() {
        return paints;
    }

    /** Full rebuilds of all rows' images so far (tests: a new epoch must not rebuild). */
    long rowRebuilds() {
        return rows.values().stream().mapToLong(DsaRowImage::rebuilds).sum();
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.fillRectangle(area);
        List<String> derivations = model.derivations();
        rows.entrySet().removeIf(e -> { // a derivation gone with a new case
            if (derivations.contains(e.getKey())) {
                return false;
            }
            e.getValue().dispose();
            return true;
        });
        if (derivations.isEmpty() || area.width <= LABEL_WIDTH + 2) {
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_GRAY));
            // wrapped to the canvas's width: one line was cut in the narrow EEG tab at 1280×800 (issue 16)
            waitingLines = wrap(WAITING, area.width - 16, t -> gc.textExtent(t).x);
            int lineHeight = gc.getFontMetrics().getHeight();
            for (int i = 0; i < waitingLines.size(); i++) {
                gc.drawText(waitingLines.get(i), 8, 8 + i * lineHeight, true);
            }
            paints++;
            return;
        }
        int rowHeight = Math.max(8, area.height / derivations.size());
        int width = area.width - LABEL_WIDTH;
        for (int r = 0; r < derivations.size(); r++) {
            int top = r * rowHeight;
            List<EegModel.Column> cols = model.columns(derivations.get(r));
            drawRow(gc, derivations.get(r), cols, LABEL_WIDTH, top, width, rowHeight - 2);
            drawMarks(gc, cols, LABEL_WIDTH, top, width, rowHeight - 2, r == 0);
            drawFrequencyAxis(gc, top, rowHeight - 2);
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

    /** Frequencies with a tick on a row {@code height} pixels high: every 10 Hz, or only 0 and 30 Hz when labels would touch. */
    static double[] ticksHz(int height, int fontHeight) {
        return height / 3 >= fontHeight ? new double[] { 0, 10, 20, 30 } : new double[] { 0, MAX_HZ };
    }

    /** The y of a frequency within a row. */
    static int yOf(double hz, int top, int height) {
        return top + (int) Math.round((height - 1) * (1 - Math.min(hz, MAX_HZ) / MAX_HZ));
    }

    private void drawFrequencyAxis(GC gc, int top, int height) {
        if (height < 2) {
            return;
        }
        int fontHeight = gc.getFontMetrics().getHeight();
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_GRAY));
        int right = LABEL_WIDTH - 1;
        for (double hz : ticksHz(height, fontHeight)) {
            int y = yOf(hz, top, height);
            gc.drawLine(right - TICK_LENGTH + 1, y, right, y);
            String label = hz == MAX_HZ ? String.format("%.0f Hz", hz) : String.format("%.0f", hz);
            int textWidth = gc.textExtent(label).x;
            // centred on the tick, kept inside the row
            int ty = Math.max(top, Math.min(top + height - fontHeight, y - fontHeight / 2));
            gc.drawText(label, right - TICK_LENGTH - 2 - textWidth, ty, true);
        }
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
            if (first > 0 && m.timeSeconds() <= cols.get(first - 1).timeSeconds()) {
                continue; // its epoch has scrolled out of the row: not at the left edge
            }
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

    private void drawRow(GC gc, String derivation, List<EegModel.Column> cols, int left, int top, int width, int height) {
        if (cols.isEmpty() || height < 2) {
            return;
        }
        Image image = rows.computeIfAbsent(derivation, d -> new DsaRowImage()).update(getDisplay(), cols, width, height);
        gc.drawImage(image, left, top);
        int w = columnWidth(cols.size(), width);
        int first = Math.max(0, cols.size() - width / w); // the newest at the right
        int shown = cols.size() - first;
        int x0 = width - shown * w;
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.setLineWidth(2);
        // one polyline per run of measured epochs: a few calls per row instead of one per column
        int[] points = new int[2 * shown];
        int n = 0;
        for (int i = 0; i <= shown; i++) {
            double sef = i < shown ? cols.get(first + i).sef95() : Double.NaN;
            if (Double.isNaN(sef)) {
                if (n >= 4) {
                    gc.drawPolyline(Arrays.copyOf(points, n));
                }
                n = 0;
                continue;
            }
            points[n++] = left + x0 + i * w + w / 2;
            points[n++] = yOf(sef, top, height);
        }
        gc.setLineWidth(1);
    }
}
