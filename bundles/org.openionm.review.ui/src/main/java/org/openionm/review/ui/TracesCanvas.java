package org.openionm.review.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.openionm.review.Envelope;
import org.openionm.review.ReviewWindow;

/**
 * Raw traces of the review window, drawn from the envelope index: one vertical min–max line per
 * pixel column, so a spike is never lost at any zoom. Each trace has its own scale (± µV of half a
 * row); clicking a trace's label selects it for the scale buttons. A click in the traces moves the
 * cursor; the mouse wheel pages, with Ctrl it zooms.
 */
public final class TracesCanvas extends Canvas {

    static final int LEFT = 150;
    static final int RIGHT = 10;
    static final int AXIS = 18;
    /** A mid blue that reads on the dark operating-room theme and on the light one. */
    static final RGB TRACE = new RGB(0x3A, 0x8E, 0xE6);
    static final RGB SELECTED = new RGB(0xFF, 0xF4, 0xC8);
    /** Rows are never thinner than this: with more traces than fit, Shift + wheel scrolls through them. */
    static final int MIN_ROW = 34;

    private String[] labels = new String[0];
    private Envelope[] envelopes = new Envelope[0];
    private double[] scalesUv = new double[0];
    private int selected = -1;
    private int firstTrace;
    private ReviewWindow window = ReviewWindow.of(0);
    private String message = "";
    private DoubleConsumer onCursor = s -> { };
    private IntConsumer onSelect = i -> { };
    private IntConsumer onWheel = pages -> { };
    private IntConsumer onZoom = steps -> { };
    private long paints;
    /** Case time without recording between segments ({@code CaseTimeline.gaps()}): drawn as such, never as signal. */
    private List<org.openionm.review.CaseTimeline.Gap> gaps = List.of();

    public TracesCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        addListener(SWT.Paint, e -> paint(e.gc));
        addListener(SWT.MouseDown, this::click);
        addListener(SWT.MouseVerticalWheel, e -> {
            int steps = e.count > 0 ? -1 : 1;
            if ((e.stateMask & SWT.SHIFT) != 0) {
                firstTrace = Math.max(0, Math.min(envelopes.length - visibleRows(), firstTrace + steps));
                redraw();
            } else if ((e.stateMask & SWT.MOD1) != 0) {
                onZoom.accept(steps);
            } else {
                onWheel.accept(steps);
            }
            e.doit = false;
        });
    }

    /** What to draw: a label, envelope and scale (± µV of half a row) per trace, over {@code window}. */
    public void show(String[] labels, Envelope[] envelopes, double[] scalesUv, ReviewWindow window) {
        this.labels = labels;
        this.envelopes = envelopes;
        this.scalesUv = scalesUv;
        this.window = window;
        this.message = "";
        redraw();
    }

    /** A line instead of traces ("Indexing … 40 %", a read error). */
    public void showMessage(String message) {
        this.message = message;
        this.envelopes = new Envelope[0];
        redraw();
    }

    public void setSelected(int trace) {
        selected = trace;
        redraw();
    }

    public int selected() {
        return selected;
    }

    public void onCursor(DoubleConsumer onCursor) {
        this.onCursor = onCursor;
    }

    public void onSelect(IntConsumer onSelect) {
        this.onSelect = onSelect;
    }

    /** Told +1 (forward) or −1 (back) pages for the mouse wheel. */
    public void onWheel(IntConsumer onWheel) {
        this.onWheel = onWheel;
    }

    /** Told +1 (zoom out) or −1 (zoom in) for Ctrl + wheel. */
    public void onZoom(IntConsumer onZoom) {
        this.onZoom = onZoom;
    }

    /** The gaps between a case's segments (empty for one recording). */
    public void setGaps(List<org.openionm.review.CaseTimeline.Gap> gaps) {
        this.gaps = List.copyOf(gaps);
        redraw();
    }

    public long paintCount() {
        return paints;
    }

    /** The pixel columns the envelopes are read for. */
    public int plotWidth() {
        return Math.max(1, getClientArea().width - LEFT - RIGHT);
    }

    /** How many traces are drawn: all that fit at {@link #MIN_ROW} pixels or more. */
    int visibleRows() {
        int fit = Math.max(1, (getClientArea().height - AXIS) / MIN_ROW);
        return Math.min(envelopes.length, fit);
    }

    int rowHeight() {
        return envelopes.length == 0 ? 0 : (getClientArea().height - AXIS) / visibleRows();
    }

    private void click(Event e) {
        if (e.button != 1 || envelopes.length == 0) {
            return;
        }
        if (e.x < LEFT) {
            int row = firstTrace + e.y / Math.max(1, rowHeight());
            if (row < Math.min(envelopes.length, firstTrace + visibleRows())) {
                selected = row;
                onSelect.accept(row);
                redraw();
            }
            return;
        }
        onCursor.accept(window.secondsAt(e.x - LEFT, plotWidth()));
    }

    private void paint(GC gc) {
        paints++;
        Rectangle r = getClientArea();
        gc.setBackground(getBackground());
        gc.fillRectangle(r);
        gc.setForeground(getForeground());
        if (envelopes.length == 0) {
            gc.drawText(message.isEmpty() ? "No recording is open." : message, 8, 8, true);
            return;
        }
        int w = plotWidth();
        int h = rowHeight();
        Color trace = new Color(TRACE);
        drawGaps(gc, w, r.height - AXIS);
        firstTrace = Math.max(0, Math.min(firstTrace, envelopes.length - visibleRows()));
        for (int s = firstTrace; s < firstTrace + visibleRows(); s++) {
            int top = (s - firstTrace) * h;
            if (s == selected) {
                gc.setBackground(new Color(SELECTED));
                gc.fillRectangle(0, top, LEFT - 4, h);
            }
            gc.setForeground(getForeground());
            gc.drawText(OverviewCanvas.shorten(labels[s], 18), 4, top + 1, true);
            gc.drawText(String.format(Locale.ROOT, "±%s µV", number(scalesUv[s])), 4, top + 15, true);
            gc.setForeground(new Color(new RGB(0xD0, 0xD0, 0xD0)));
            gc.drawLine(LEFT, top + h / 2, LEFT + w, top + h / 2);
            drawEnvelope(gc, envelopes[s], scalesUv[s], top, h, w, trace);
        }
        drawAxis(gc, r.height - AXIS, w);
        if (visibleRows() < envelopes.length) {
            gc.setForeground(getForeground());
            gc.drawText(String.format(Locale.ROOT, "%d–%d of %d ⇧+wheel", firstTrace + 1, firstTrace + visibleRows(), envelopes.length),
                    4, r.height - AXIS + 2, true);
        }
        gc.setForeground(new Color(OverviewCanvas.CURSOR));
        int cx = LEFT + window.xOf(window.cursorSeconds(), w);
        gc.drawLine(cx, 0, cx, r.height - AXIS);
    }

    private void drawEnvelope(GC gc, Envelope e, double scaleUv, int top, int h, int w, Color colour) {
        gc.setForeground(colour);
        int columns = e.columns();
        int mid = top + h / 2;
        double perUv = (h / 2.0) / scaleUv;
        int prevLo = Integer.MIN_VALUE;
        int prevHi = Integer.MIN_VALUE;
        for (int c = 0; c < columns; c++) {
            float lo = e.min()[c];
            float hi = e.max()[c];
            if (Float.isNaN(lo) || Float.isNaN(hi)) {
                prevLo = Integer.MIN_VALUE;
                continue;
            }
            int x = LEFT + (int) ((long) c * w / Math.max(1, columns));
            int yHi = clamp(mid - (int) Math.round(hi * perUv), top, top + h - 1);
            int yLo = clamp(mid - (int) Math.round(lo * perUv), top, top + h - 1);
            // join to the previous column so a steep slope stays one line
            if (prevLo != Integer.MIN_VALUE) {
                yHi = Math.min(yHi, prevLo);
                yLo = Math.max(yLo, prevHi);
            }
            gc.drawLine(x, yHi, x, yLo);
            prevLo = clamp(mid - (int) Math.round(lo * perUv), top, top + h - 1);
            prevHi = clamp(mid - (int) Math.round(hi * perUv), top, top + h - 1);
        }
    }

    /** Grey bands with "no recording" where the case had no segment. */
    private void drawGaps(GC gc, int w, int bottom) {
        OverviewCanvas.paintGaps(gc, gaps, s -> LEFT + window.xOf(s, w), LEFT, LEFT + w, bottom, getBackground().getRGB(),
                getForeground().getRGB());
    }

    private void drawAxis(GC gc, int y, int w) {
        gc.setForeground(getForeground());
        gc.drawLine(LEFT, y, LEFT + w, y);
        double start = window.startSeconds();
        double span = window.endSeconds() - start;
        if (span <= 0) {
            return;
        }
        double step = niceStep(span, w / 90.0);
        for (double t = Math.ceil(start / step) * step; t <= start + span + 1e-9; t += step) {
            int x = LEFT + window.xOf(t, w);
            gc.drawLine(x, y, x, y + 3);
            String label = timeLabel(t, step);
            if (x + 2 + gc.textExtent(label).x <= LEFT + w + RIGHT) { // the last label would be cut at the edge
                gc.drawText(label, x + 2, y + 2, true);
            }
        }
    }

    /** The smallest of 1-2-5 × 10ⁿ s, or whole minutes/hours, giving at most {@code maxLabels} labels over {@code span}. */
    static double niceStep(double span, double maxLabels) {
        double[] steps = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200};
        for (double s : steps) {
            if (span / s <= Math.max(1, maxLabels)) {
                return s;
            }
        }
        return 14_400;
    }

    /** "1:02:03" for whole seconds, with tenths or hundredths when the step needs them. */
    static String timeLabel(double t, double step) {
        long whole = (long) Math.floor(t + 1e-9);
        String base = String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60);
        if (step >= 1) {
            return base;
        }
        int digits = step >= 0.1 ? 1 : 2;
        double frac = t - whole;
        return base + String.format(Locale.ROOT, "%." + digits + "f", frac).substring(1);
    }

    static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
