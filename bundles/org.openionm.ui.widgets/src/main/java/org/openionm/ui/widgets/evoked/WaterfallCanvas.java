package org.openionm.ui.widgets.evoked;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.ui.widgets.evoked.EvokedModel.Row;

/**
 * Stacked ("waterfall") evoked traces, one band per site/channel row of a tile. The newest trace is
 * on top of its band, where the eye lands first and where it stays as the stack grows; older ones
 * step down and fade, so a trend in shape or latency reads as a slant. The captured baseline is
 * overlaid, dashed in the baseline colour, on the newest trace; the processor's markers are ticks
 * labelled at their latency, above a negative peak and below a positive one. Negative is up (the
 * SSEP convention: N20 points up). A row's µV scale is fixed at its first trace so that a fall in
 * amplitude is seen, not auto-scaled away; the label column carries a µV scale bar, the bottom a ms
 * axis from the stimulus.
 */
public class WaterfallCanvas extends Canvas {

    public static final int LABEL_WIDTH = 92;
    public static final int AXIS_HEIGHT = 18;
    static final int RIGHT_MARGIN = 8;
    public static final int MARKER_HEIGHT = 8;
    private static final double[] NICE = { 1, 2, 5 };

    private List<Row> rows = List.of();
    /** Sweep length shown, ms, worked out when the rows change (not per sample drawn). */
    private double durationMs = 50;
    /** µV per half band, fixed per row once it has a trace. */
    private final Map<String, Double> scales = new HashMap<>();
    /** Scales of rows that have only a running average: follow it, fixed only by the first full average. */
    private final Map<String, Double> provisionalScales = new HashMap<>();
    private long paintCount;
    /** Where a dragged marker goes; null: markers stay where the processor put them. */
    private MarkerMover mover;
    /** The marker being dragged and where it is now, or null. */
    private Drag drag;
    private java.util.function.Consumer<String> moveFailed = message -> { };

    /** {@code x}: where the marker is drawn now; {@code grabX}: where the mouse went down. */
    private record Drag(String site, String channel, String component, int markerX, int grabX, int x) {
        boolean on(Row r, String markerComponent) {
            return r.site().equals(site) && r.channel().equals(channel) && markerComponent.equals(component);
        }
    }

    /** Pixels either side of a marker's tick that pick it up. */
    static final int GRAB_PX = 4;

    public WaterfallCanvas(Composite parent, int style) {
        super(parent, style | SWT.DOUBLE_BUFFERED);
        setData("org.eclipse.e4.ui.css.CssClassName", "EvokedCanvas");
        addListener(SWT.Paint, this::paint);
        addListener(SWT.MouseMove, this::hover);
        addListener(SWT.MouseVerticalWheel, this::wheel);
        addListener(SWT.MouseDown, this::grab);
        addListener(SWT.MouseUp, this::drop);
    }

    /**
     * Lets the user drag a marker of the newest trace along the time axis; on release the marker's
     * row, component and new latency go to {@code mover}, and a refusal's message to {@code failed}.
     */
    public void setMarkerMover(MarkerMover mover, java.util.function.Consumer<String> failed) {
        this.mover = mover;
        this.moveFailed = failed;
    }

    public void setRows(List<Row> rows) {
        checkWidget();
        this.rows = List.copyOf(rows);
        durationMs = longestMs(this.rows);
        for (Row r : this.rows) {
            AverageTrace first = r.baseline() != null ? r.baseline() : r.newest();
            if (first != null) {
                scales.computeIfAbsent(r.site() + "/" + r.channel(), k -> niceScale(first.samplesUv()));
            } else if (r.building() != null) {
                provisionalScales.put(r.site() + "/" + r.channel(), niceScale(r.building().samplesUv()));
            }
        }
        redraw();
    }

    public long paintCount() {
        return paintCount;
    }

    /** Sweep length shown, ms: the longest trace of the tile. */
    public double durationMs() {
        return durationMs;
    }

    private static double longestMs(List<Row> rows) {
        double ms = 0;
        for (Row r : rows) {
            for (AverageTrace t : r.history()) {
                ms = Math.max(ms, 1000.0 * (t.samplesUv().length - 1) / t.samplingRateHz());
            }
            if (r.building() != null) {
                ms = Math.max(ms, 1000.0 * (r.building().samplesUv().length - 1) / r.building().samplingRateHz());
            }
        }
        return ms > 0 ? ms : 50;
    }

    /** Pixel column of {@code ms} after the stimulus, as the time axis labels it. */
    public int xOfMs(double ms) {
        return xOfMs(ms, getClientArea().width - LABEL_WIDTH - RIGHT_MARGIN);
    }

    private int xOfMs(double ms, int width) {
        return LABEL_WIDTH + (int) Math.round(ms / durationMs * (width - 1));
    }

    /** Latency in ms after the stimulus shown at pixel column {@code x} (inverse of {@link #xOfMs}). */
    public double msOfX(int x) {
        int width = getClientArea().width - LABEL_WIDTH - RIGHT_MARGIN;
        return (x - LABEL_WIDTH) * durationMs() / Math.max(1, width - 1);
    }

    /** Pixel row of the newest trace's zero line in band {@code row}. */
    public int zeroY(int row) {
        return bandTop(row) + (int) Math.round(bandHeight() * 0.4);
    }

    /** Pixels per µV in band {@code row}; positive values are drawn downwards. */
    public double pixelsPerUv(int row) {
        Double scale = scale(rows.get(row));
        return bandHeight() * 0.3 / (scale == null ? 10 : scale);
    }

    private int bandTop(int row) {
        return (int) Math.round(row * bandHeight());
    }

    private double bandHeight() {
        return (double) (getClientArea().height - AXIS_HEIGHT) / Math.max(1, rows.size());
    }

    /** Vertical step between stacked traces: the stack fills the lower part of the band. */
    private double step(Row r) {
        return r.history().size() <= 1 ? 0 : bandHeight() * 0.45 / (r.history().size() - 1);
    }

    private void paint(Event e) {
        GC gc = e.gc;
        Rectangle area = getClientArea();
        RGB bg = getBackground().getRGB();
        RGB fg = getForeground().getRGB();
        gc.setAntialias(SWT.OFF); // crisp one-pixel traces, exact colours
        gc.setBackground(getBackground());
        gc.fillRectangle(area);
        paintCount++;
        if (rows.isEmpty() || area.width <= LABEL_WIDTH + RIGHT_MARGIN + 10) {
            gc.setForeground(getForeground());
            gc.drawText("Waiting for data", 4, 4, true);
            return;
        }
        Color grid = new Color(EvokedColors.blend(bg, fg, 0.15));
        Color text = getForeground();
        gc.setForeground(grid);
        drawTimeAxis(gc, area, text);
        for (int i = 0; i < rows.size(); i++) {
            drawRow(gc, i, bg, fg);
        }
    }

    private void drawTimeAxis(GC gc, Rectangle area, Color text) {
        double dur = durationMs();
        double stepMs = axisStep(dur, xOfMs(dur) - xOfMs(0));
        int bottom = area.height - AXIS_HEIGHT;
        Color grid = gc.getForeground();
        for (double ms = 0; ms <= dur + 1e-9; ms += stepMs) {
            int x = xOfMs(ms);
            gc.setForeground(grid);
            gc.drawLine(x, 0, x, bottom + 3);
            gc.setForeground(text);
            String label = ms + stepMs > dur + 1e-9 ? fmt(ms) + " ms" : fmt(ms);
            int w = gc.textExtent(label).x;
            gc.drawText(label, Math.min(x - w / 2, area.width - w - 1), bottom + 3, true);
        }
        gc.setForeground(grid);
        gc.drawLine(LABEL_WIDTH, bottom, xOfMs(dur), bottom);
    }

    private void drawRow(GC gc, int i, RGB bg, RGB fg) {
        Row r = rows.get(i);
        int top = bandTop(i);
        noteBounds.remove(i);
        // a trace larger than its band stays in it (the scale bar tells the reader; the wheel rescales)
        gc.setClipping(0, top, getClientArea().width, bandTop(i + 1) - top);
        int zero = zeroY(i);
        double ppu = pixelsPerUv(i);
        List<AverageTrace> history = r.history();
        double step = step(r);
        gc.setForeground(new Color(EvokedColors.blend(bg, fg, 0.15)));
        if (i > 0) {
            gc.drawLine(0, top, getClientArea().width, top);
        }
        // oldest first, so the newest is drawn over them
        for (int k = history.size() - 1; k >= 1; k--) {
            double fade = 0.65 - 0.35 * (k - 1) / Math.max(1, history.size() - 2);
            gc.setForeground(new Color(EvokedColors.blend(bg, fg, fade)));
            drawTrace(gc, history.get(k), zero + (int) Math.round(k * step), ppu);
        }
        if (!history.isEmpty()) {
            gc.setForeground(getForeground());
            gc.setLineWidth(1);
            drawTrace(gc, history.get(0), zero, ppu);
        } else if (r.building() != null) {
            // incomplete: dimmed and dotted, with its count in the band, so it is never read as a result
            gc.setForeground(new Color(EvokedColors.blend(bg, fg, 0.6)));
            gc.setLineStyle(SWT.LINE_DOT);
            drawTrace(gc, r.building(), zero, ppu);
            gc.setLineStyle(SWT.LINE_SOLID);
        }
        if (r.baseline() != null) {
            gc.setForeground(new Color(EvokedColors.baseline(bg)));
            gc.setLineStyle(SWT.LINE_DASH);
            drawTrace(gc, r.baseline(), zero, ppu);
            gc.setLineStyle(SWT.LINE_SOLID);
        }
        if (history.isEmpty() && r.building() != null) {
            // after the baseline, so the note keeps clear of both lines
            gc.setForeground(new Color(EvokedColors.blend(bg, fg, 0.6)));
            drawNote(gc, i, r, top, zero, ppu);
        }
        drawMarkers(gc, r, top, zero, ppu, bg);
        drawLabels(gc, r, top, zero, ppu, bg);
        gc.setClipping((Rectangle) null);
    }

    /** Where each row's running-average note was drawn at the last paint (absent: not drawn). */
    private final Map<Integer, Rectangle> noteBounds = new HashMap<>();

    /** The running-average note of band {@code row} as last painted, or null when none was drawn. */
    Rectangle noteBounds(int row) {
        return noteBounds.get(row);
    }

    /**
     * The running-average note ("averaging: n 120 / 500 (incomplete, not measured)") in the band, above
     * the lines where they leave room under the band's top, else below them; shorter when the full note
     * does not fit, and left out when no form fits (narrow tiles at 1280×800: the label column still
     * says "n 120 / 500" and the tooltip spells it out). Never over the trace or the baseline.
     */
    private void drawNote(GC gc, int i, Row r, int top, int zero, double ppu) {
        int bottom = bandTop(i + 1);
        int h = gc.getFontMetrics().getHeight();
        int right = getClientArea().width - 4;
        for (String note : notes(r.building())) {
            int w = gc.textExtent(note).x;
            int x = right - w;
            if (x < LABEL_WIDTH) {
                continue;
            }
            int[] span = verticalSpan(r, x, x + w, zero, ppu);
            int y;
            if (span == null || span[0] - 1 - h >= top + 1) {
                y = top + 1;
            } else if (span[1] + 2 + h <= bottom - 1) {
                y = span[1] + 2;
            } else {
                continue;
            }
            gc.drawText(note, x, y, true);
            noteBounds.put(i, new Rectangle(x, y, w, h));
            return;
        }
    }

    /** The note in its full and its shorter forms, longest first. */
    static List<String> notes(AverageTrace building) {
        return List.of("averaging: " + building(building) + " (incomplete, not measured)",
                building(building) + ", incomplete", "incomplete");
    }

    /**
     * Lowest and highest pixel row of the running average and the baseline between columns {@code x0} and
     * {@code x1}, or null when neither has a point there.
     */
    private int[] verticalSpan(Row r, int x0, int x1, int zero, double ppu) {
        int[] span = null;
        int width = getClientArea().width - LABEL_WIDTH - RIGHT_MARGIN;
        for (AverageTrace t : r.baseline() == null ? List.of(r.building()) : List.of(r.building(), r.baseline())) {
            float[] v = t.samplesUv();
            int px = Integer.MIN_VALUE;
            int py = 0;
            for (int s = 0; s < v.length; s++) {
                if (!Float.isFinite(v[s])) {
                    continue;
                }
                int x = xOfMs(1000.0 * s / t.samplingRateHz(), width);
                int y = zero + (int) Math.round(v[s] * ppu);
                // the line from the previous point is drawn too: both ends count when it crosses the columns
                int from = px == Integer.MIN_VALUE ? x : px;
                if (x >= x0 && from <= x1) {
                    int lo = px == Integer.MIN_VALUE ? y : Math.min(y, py);
                    int hi = px == Integer.MIN_VALUE ? y : Math.max(y, py);
                    span = span == null ? new int[] { lo, hi } : new int[] { Math.min(span[0], lo), Math.max(span[1], hi) };
                }
                px = x;
                py = y;
            }
        }
        return span;
    }

    private void drawTrace(GC gc, AverageTrace t, int zero, double ppu) {
        float[] v = t.samplesUv();
        int[] points = new int[v.length * 2];
        int n = 0;
        int width = getClientArea().width - LABEL_WIDTH - RIGHT_MARGIN; // once per trace, not per sample
        for (int s = 0; s < v.length; s++) {
            if (!Float.isFinite(v[s])) {
                continue;
            }
            points[n++] = xOfMs(1000.0 * s / t.samplingRateHz(), width);
            points[n++] = zero + (int) Math.round(v[s] * ppu); // negative up
        }
        if (n >= 4) {
            gc.drawPolyline(n == points.length ? points : java.util.Arrays.copyOf(points, n));
        }
    }

    private void drawMarkers(GC gc, Row r, int top, int zero, double ppu, RGB bg) {
        AverageTrace newest = r.newest();
        if (newest == null) {
            return;
        }
        Color marker = new Color(EvokedColors.marker(bg));
        gc.setForeground(marker);
        for (Measurement m : r.markers()) {
            if (!Double.isFinite(m.latencyMs())) {
                continue;
            }
            boolean dragged = drag != null && drag.on(r, m.component());
            double ms = dragged ? msOfX(drag.x()) : m.latencyMs();
            int x = dragged ? drag.x() : xOfMs(ms);
            int y = zero + (int) Math.round(valueAt(newest, ms) * ppu);
            if (dragged) { // where it will land, with the latency it will be measured at
                gc.setLineStyle(SWT.LINE_DOT);
                gc.drawLine(x, top, x, zero + (int) Math.round(bandHeight() * 0.6));
                gc.setLineStyle(SWT.LINE_SOLID);
                gc.drawText(String.format(Locale.ROOT, "%.1f ms", ms), x + 3, top + 1, true);
            }
            int h = gc.getFontMetrics().getHeight();
            String label = labeller.apply(m.component());
            int w = gc.textExtent(label).x;
            if (valueAt(newest, ms) > 0) {
                // a positive peak points down (negative up): its tick and label go below it, so the
                // pairs measured together (N20–P25, P37–N45) do not print over each other
                int tipY = y + 3;
                gc.drawLine(x, tipY, x, tipY + MARKER_HEIGHT);
                int bottom = bandTop(rows.indexOf(r) + 1);
                if (tipY + MARKER_HEIGHT + h > bottom) {
                    gc.drawText(label, x + 3, Math.min(bottom - h, tipY), true);
                } else {
                    gc.drawText(label, x - w / 2, tipY + MARKER_HEIGHT, true);
                }
                continue;
            }
            int tipY = y - 3;
            gc.drawLine(x, tipY, x, tipY - MARKER_HEIGHT);
            // beside the tick when there is no room above it inside the band
            int labelY = tipY - MARKER_HEIGHT - h;
            if (labelY < top) {
                gc.drawText(label, x + 3, Math.max(top, tipY - MARKER_HEIGHT), true);
            } else {
                gc.drawText(label, x - w / 2, labelY, true);
            }
        }
    }

    private void drawLabels(GC gc, Row r, int top, int zero, double ppu, RGB bg) {
        gc.setForeground(getForeground());
        int line = gc.getFontMetrics().getHeight();
        gc.drawText(r.label(), 4, top + 2, true);
        AverageTrace newest = r.newest();
        if (newest != null) {
            gc.drawText(sweeps(newest), 4, top + 2 + line, true);
        } else if (r.building() != null) {
            gc.drawText(building(r.building()), 4, top + 2 + line, true);
        }
        Double scale = scale(r);
        if (scale != null) {
            // scale bar at the zero line, its value under the row's labels
            int bar = (int) Math.round(scale * ppu);
            int x = LABEL_WIDTH - 8;
            gc.drawLine(x, zero - bar, x, zero);
            gc.drawLine(x - 3, zero - bar, x, zero - bar);
            gc.drawLine(x - 3, zero, x, zero);
            if (bandHeight() >= 3 * line + 4) { // else the tooltip gives it
                gc.drawText(fmt(scale) + " µV", 4, top + 2 + 2 * line, true);
            }
        }
    }

    private java.util.function.Function<String, String> labeller = c -> c;

    /** How a component's marker is labelled (the modality's rules). */
    public void setMarkerLabels(java.util.function.Function<String, String> labeller) {
        this.labeller = labeller;
    }

    /** Mouse wheel over a row: one 1-2-5 step more or less sensitive, for that row only. */
    private void wheel(Event e) {
        if (rows.isEmpty()) {
            return;
        }
        Row r = rows.get(rowAt(e.y));
        String key = r.site() + "/" + r.channel();
        Double scale = scales.get(key);
        if (scale != null) {
            scales.put(key, e.count > 0 ? floorNice(scale * 0.99) : niceScale(new float[] { (float) (scale * 1.01) }));
            redraw();
        }
    }

    private int rowAt(int y) {
        return (int) Math.min(rows.size() - 1, Math.max(0, y / Math.max(1, bandHeight())));
    }

    /** The marker of the newest trace within {@link #GRAB_PX} of (x, y), or null. */
    private Drag markerAt(int x, int y) {
        if (rows.isEmpty() || mover == null) {
            return null;
        }
        Row r = rows.get(rowAt(y));
        for (Measurement m : r.markers()) {
            if (Double.isFinite(m.latencyMs()) && Math.abs(xOfMs(m.latencyMs()) - x) <= GRAB_PX) {
                int markerX = xOfMs(m.latencyMs());
                return new Drag(r.site(), r.channel(), m.component(), markerX, x, markerX);
            }
        }
        return null;
    }

    private void grab(Event e) {
        if (e.button == 1) {
            drag = markerAt(e.x, e.y);
        }
    }

    private void drop(Event e) {
        Drag d = drag;
        drag = null;
        if (d == null || e.button != 1) {
            return;
        }
        redraw();
        if (e.x == d.grabX()) {
            return; // a click, not a move
        }
        try {
            mover.move(d.site(), d.channel(), d.component(), msOfX(draggedX(d, e.x)));
        } catch (RuntimeException refused) {
            moveFailed.accept("Cannot move " + d.component() + " on " + d.channel() + ": " + refused.getMessage());
        }
    }

    /** The marker moves with the mouse from where it was grabbed, and stays on the time axis. */
    private int draggedX(Drag d, int mouseX) {
        return Math.max(LABEL_WIDTH, Math.min(xOfMs(durationMs()), d.markerX() + mouseX - d.grabX()));
    }

    private void hover(Event e) {
        if (rows.isEmpty()) {
            return;
        }
        if (drag != null) {
            drag = new Drag(drag.site(), drag.channel(), drag.component(), drag.markerX(), drag.grabX(), draggedX(drag, e.x));
            redraw();
            return;
        }
        setCursor(markerAt(e.x, e.y) != null ? getDisplay().getSystemCursor(SWT.CURSOR_SIZEWE) : null);
        Row r = rows.get(rowAt(e.y));
        Double scale = scales.get(r.site() + "/" + r.channel());
        String tip = EvokedText.describe(r) + (scale == null ? "" : "\nscale bar: " + fmt(scale) + " µV (mouse wheel changes it)");
        if (!tip.equals(getToolTipText())) {
            setToolTipText(tip);
        }
    }

    /** The smallest 1-2-5 step (5 ms and up) whose labels stay at least 40 px apart. */
    static double axisStep(double durationMs, int pixels) {
        for (double step : new double[] { 5, 10, 20, 50, 100, 200, 500 }) {
            if (pixels * step / durationMs >= 40) {
                return step;
            }
        }
        return 1000;
    }

    /** Linear interpolation of the trace at {@code ms}, for placing a marker on it. */
    static double valueAt(AverageTrace t, double ms) {
        float[] v = t.samplesUv();
        double pos = ms * t.samplingRateHz() / 1000;
        int i = (int) Math.floor(pos);
        if (i < 0 || i >= v.length - 1) {
            return i >= 0 && i < v.length ? v[i] : 0;
        }
        double a = v[i];
        double b = v[i + 1];
        double value = a + (b - a) * (pos - i);
        return Double.isFinite(value) ? value : 0;
    }

    /** "n 120 / 500": a running average's sweeps against the full average's. */
    static String building(AverageTrace t) {
        return "n " + t.sweepsUsed() + " / " + t.provenance().settings().getOrDefault("sweeps.target", "?");
    }

    private Double scale(Row r) {
        String key = r.site() + "/" + r.channel();
        Double fixed = scales.get(key);
        return fixed != null ? fixed : provisionalScales.get(key);
    }

    static String sweeps(AverageTrace t) {
        // compact for the label column; the tooltip spells it out
        return t.sweepsUsed() == 1 && t.sweepsRejected() == 0 ? "1 trial"
                : t.sweepsUsed() + (t.sweepsRejected() > 0 ? " / " + t.sweepsRejected() + " rej" : " sw");
    }

    /** A 1-2-5 step near the largest excursion, so the first trace spans about the band's upper 30 %. */
    static double niceScale(float[] v) {
        double max = 0;
        for (float x : v) {
            if (Float.isFinite(x)) {
                max = Math.max(max, Math.abs(x));
            }
        }
        if (max <= 0) {
            return 1;
        }
        double decade = Math.pow(10, Math.floor(Math.log10(max)));
        for (double n : NICE) {
            if (n * decade >= max) {
                return n * decade;
            }
        }
        return 10 * decade;
    }

    /** The largest 1-2-5 value not above {@code x}. */
    static double floorNice(double x) {
        double decade = Math.pow(10, Math.floor(Math.log10(x)));
        for (double n : new double[] { 5, 2, 1 }) {
            if (n * decade <= x) {
                return n * decade;
            }
        }
        return decade;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
