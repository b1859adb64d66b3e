package org.openionm.review.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.ScreenNames;
import org.openionm.review.HandMeasurement;

/**
 * The averages current at the review cursor, one row each, with two measurement cursors on the
 * chosen row: a left click puts cursor 1 (the peak whose latency is read), a right click cursor 2
 * (the trough the amplitude is measured to). Both snap to samples ({@link HandMeasurement}).
 */
public final class AveragesCanvas extends Canvas {

    static final int LEFT = 150;
    static final int RIGHT = 10;
    static final int AXIS = 18;
    static final RGB TRACE = TracesCanvas.TRACE;
    /** Rows are never thinner than this; the averages that do not fit are counted under the list. */
    static final int MIN_ROW = 40;
    static final RGB CURSOR1 = new RGB(0xD0, 0x10, 0x10);
    static final RGB CURSOR2 = new RGB(0x10, 0x90, 0x30);

    private List<AverageTrace> averages = List.of();
    private String message = "";
    private int row = -1;
    private double cursor1Ms = Double.NaN;
    private double cursor2Ms = Double.NaN;
    private Consumer<HandMeasurement> onMeasure = m -> { };

    public AveragesCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        addListener(SWT.Paint, e -> paint(e.gc));
        addListener(SWT.MouseDown, this::click);
    }

    /** The averages to show; the cursors stay on the same site/channel when it is still shown. */
    public void setAverages(List<AverageTrace> averages, String message) {
        AverageTrace before = row >= 0 && row < this.averages.size() ? this.averages.get(row) : null;
        this.averages = averages;
        this.message = message;
        row = -1;
        if (before != null) {
            for (int i = 0; i < averages.size(); i++) {
                AverageTrace a = averages.get(i);
                if (a.modality().equals(before.modality()) && a.site().equals(before.site()) && a.channel().equals(before.channel())) {
                    row = i;
                }
            }
        }
        if (row < 0) {
            cursor1Ms = Double.NaN;
            cursor2Ms = Double.NaN;
        }
        redraw();
        fire();
    }

    /** Told the reading whenever a cursor moves (null when there is none). */
    public void onMeasure(Consumer<HandMeasurement> onMeasure) {
        this.onMeasure = onMeasure;
    }

    /** Places the cursors on row {@code row} (what the mouse does; tests call it with known latencies). */
    public void setCursors(int row, double cursor1Ms, double cursor2Ms) {
        this.row = row;
        this.cursor1Ms = cursor1Ms;
        this.cursor2Ms = cursor2Ms;
        redraw();
        fire();
    }

    /** The current reading, or null without a row and both cursors. */
    public HandMeasurement measurement() {
        if (row < 0 || row >= averages.size() || Double.isNaN(cursor1Ms)) {
            return null;
        }
        return HandMeasurement.read(averages.get(row), cursor1Ms, Double.isNaN(cursor2Ms) ? cursor1Ms : cursor2Ms);
    }

    private void fire() {
        onMeasure.accept(measurement());
    }

    int plotWidth() {
        return Math.max(1, getClientArea().width - LEFT - RIGHT);
    }

    int visibleRows() {
        return Math.min(averages.size(), Math.max(1, (getClientArea().height - AXIS) / MIN_ROW));
    }

    int rowHeight() {
        return averages.isEmpty() ? 0 : (getClientArea().height - AXIS) / visibleRows();
    }

    double maxMs() {
        double ms = 1;
        for (AverageTrace a : averages.subList(0, visibleRows())) {
            ms = Math.max(ms, (a.samplesUv().length - 1) * 1000 / a.samplingRateHz());
        }
        return ms;
    }

    private void click(Event e) {
        if (averages.isEmpty() || e.x < LEFT) {
            return;
        }
        int clicked = Math.min(visibleRows() - 1, e.y / Math.max(1, rowHeight()));
        double ms = (e.x - LEFT) * maxMs() / plotWidth();
        if (clicked != row) {
            row = clicked;
            cursor1Ms = Double.NaN;
            cursor2Ms = Double.NaN;
        }
        if (e.button == 1) {
            cursor1Ms = ms;
        } else if (e.button == 3) {
            cursor2Ms = ms;
        }
        redraw();
        fire();
    }

    private void paint(GC gc) {
        Rectangle r = getClientArea();
        gc.setBackground(getBackground());
        gc.fillRectangle(r);
        gc.setForeground(getForeground());
        if (averages.isEmpty()) {
            gc.drawText(message, 8, 8, true);
            return;
        }
        int w = plotWidth();
        int h = rowHeight();
        double maxMs = maxMs();
        for (int i = 0; i < visibleRows(); i++) {
            AverageTrace a = averages.get(i);
            int top = i * h;
            if (i == row) {
                gc.setBackground(new Color(TracesCanvas.SELECTED));
                gc.fillRectangle(0, top, LEFT - 4, h);
            }
            gc.setForeground(getForeground());
            gc.drawText(OverviewCanvas.shorten(ScreenNames.where(a.modality(), a.site(), "", ""), 22), 4, top + 1, true);
            gc.drawText(OverviewCanvas.shorten(a.channel(), 12) + String.format(Locale.ROOT, " n=%d", a.sweepsUsed()), 4, top + 14, true);
            if (h >= 44) {
                gc.drawText("done " + org.openionm.review.ReviewWindow.clock(a.timeSeconds()), 4, top + 27, true);
            }
            float peak = 0;
            for (float v : a.samplesUv()) {
                peak = Math.max(peak, Math.abs(v));
            }
            double perUv = peak == 0 ? 0 : (h / 2.0 - 2) / peak;
            int mid = top + h / 2;
            gc.setForeground(new Color(TRACE));
            int px = -1;
            int py = 0;
            for (int k = 0; k < a.samplesUv().length; k++) {
                int x = LEFT + (int) Math.round(k * 1000 / a.samplingRateHz() / maxMs * w);
                int y = mid - (int) Math.round(a.samplesUv()[k] * perUv); // positive up
                if (px >= 0) {
                    gc.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
            }
            if (i == row) {
                HandMeasurement m = measurement();
                if (m != null) {
                    drawCursor(gc, m.latencyMs(), maxMs, w, top, h, CURSOR1);
                    if (!Double.isNaN(cursor2Ms)) {
                        drawCursor(gc, m.secondMs(), maxMs, w, top, h, CURSOR2);
                    }
                }
            }
        }
        int y = r.height - AXIS;
        gc.setForeground(getForeground());
        gc.drawLine(LEFT, y, LEFT + w, y);
        if (visibleRows() < averages.size()) {
            gc.drawText("+" + (averages.size() - visibleRows()) + " more", 4, y + 2, true);
        }
        double step = TracesCanvas.niceStep(maxMs / 1000, w / 70.0) * 1000;
        for (double ms = 0; ms <= maxMs + 1e-9; ms += step) {
            int x = LEFT + (int) Math.round(ms / maxMs * w);
            gc.drawLine(x, y, x, y + 3);
            gc.drawText(TracesCanvas.number(Math.round(ms * 100) / 100.0) + " ms", x + 2, y + 2, true);
        }
    }

    private void drawCursor(GC gc, double ms, double maxMs, int w, int top, int h, RGB colour) {
        gc.setForeground(new Color(colour));
        int x = LEFT + (int) Math.round(ms / maxMs * w);
        gc.drawLine(x, top, x, top + h);
    }
}
