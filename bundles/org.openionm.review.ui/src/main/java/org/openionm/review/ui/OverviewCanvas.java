package org.openionm.review.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.openionm.review.CaseOverview;
import org.openionm.review.CaseOverview.Kind;
import org.openionm.review.CaseOverview.Marker;
import org.openionm.review.ReviewWindow;
import org.openionm.ui.widgets.evoked.EvokedColors;

/**
 * The whole case on one axis: a lane of markers per kind (alarms raised in the OR, alarms of the
 * re-analysis, event-log entries, technical events, notes), a row per trend, the raw-trace window as
 * a band and the cursor as a line. A click anywhere moves the cursor there; a click within a few
 * pixels of a marker goes to the marker's exact time. Hovering a marker shows its text.
 */
public final class OverviewCanvas extends Canvas {

    static final int LEFT = 150;
    static final int RIGHT = 10;
    static final int LANE = 16;
    static final int AXIS = 18;
    /** A click this close to a marker (pixels) goes to the marker. */
    static final int SNAP_PX = 4;

    /** Marker colours by kind: red for the OR's alarms, orange for the re-analysis's, blue events, grey technical, green notes. */
    static final Map<Kind, RGB> COLOURS = new EnumMap<>(Map.of(Kind.ALARM, new RGB(0xD0, 0x10, 0x10), Kind.ANALYSIS_ALARM,
            new RGB(0xF0, 0x80, 0x00), Kind.EVENT, new RGB(0x10, 0x50, 0xD0), Kind.TECHNICAL, new RGB(0x80, 0x80, 0x80), Kind.NOTE,
            new RGB(0x10, 0x90, 0x30)));
    private static final Map<Kind, String> LANE_NAMES = new EnumMap<>(Map.of(Kind.ALARM, "Alarms (recorded)", Kind.ANALYSIS_ALARM,
            "Alarms (re-analysis)", Kind.EVENT, "Event log", Kind.TECHNICAL, "Technical", Kind.NOTE, "Notes"));
    static final RGB TREND = TracesCanvas.TRACE;
    /** Trend rows are never thinner than this; the rows that do not fit are counted. */
    static final int MIN_TREND_ROW = 18;
    static final RGB CURSOR = new RGB(0xC0, 0x00, 0xC0);
    static final RGB BAND = new RGB(0xFF, 0xE8, 0x90);
    /**
     * Case time between segments, without recording: a tint of the canvas's own background towards its
     * text colour, so it is a quiet band on the light and on the dark (OR) theme alike; a fixed light grey
     * glared on the dark one.
     */
    static RGB gap(RGB background, RGB foreground) {
        return EvokedColors.blend(background, foreground, 0.12);
    }

    /** The "no recording …" text on a gap: readable on {@link #gap}, quieter than the traces' labels. */
    static RGB gapText(RGB background, RGB foreground) {
        return EvokedColors.blend(background, foreground, 0.6);
    }

    private CaseOverview overview = CaseOverview.of(0, List.of());
    private ReviewWindow window = ReviewWindow.of(0);
    private DoubleConsumer onCursor = s -> { };
    private long paints;
    /** Told after a paint that drew an open case (the open probe, {@link ReviewDrawStats}). */
    private Runnable afterCasePainted = () -> { };
    /** Case time without recording between segments ({@code CaseTimeline.gaps()}): drawn as such, never as signal. */
    private List<org.openionm.review.CaseTimeline.Gap> gaps = List.of();

    public OverviewCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        addListener(SWT.Paint, e -> paint(e.gc));
        addListener(SWT.MouseDown, this::click);
        addListener(SWT.MouseMove, this::hover);
    }

    public void setOverview(CaseOverview overview) {
        this.overview = overview;
        redraw();
    }

    public CaseOverview overview() {
        return overview;
    }

    public void setWindow(ReviewWindow window) {
        this.window = window;
        redraw();
    }

    /** Told the case time a click chose. */
    public void onCursor(DoubleConsumer onCursor) {
        this.onCursor = onCursor;
    }

    /** The gaps between a case's segments (empty for one recording). */
    public void setGaps(List<org.openionm.review.CaseTimeline.Gap> gaps) {
        this.gaps = List.copyOf(gaps);
        redraw();
    }

    public long paintCount() {
        return paints;
    }

    /** The kinds that have a lane now: those with markers, in the enum's order. */
    List<Kind> lanes() {
        List<Kind> kinds = new ArrayList<>();
        for (Kind k : Kind.values()) {
            if (!overview.markers(k).isEmpty()) {
                kinds.add(k);
            }
        }
        return kinds;
    }

    int plotWidth() {
        return Math.max(1, getClientArea().width - LEFT - RIGHT);
    }

    /** The pixel column of a case time. */
    public int xOf(double seconds) {
        return LEFT + overview.xOf(seconds, plotWidth());
    }

    /** The middle row of a kind's lane, or -1 when the kind has no lane. */
    public int laneY(Kind kind) {
        int i = lanes().indexOf(kind);
        return i < 0 ? -1 : i * LANE + LANE / 2;
    }

    private void click(Event e) {
        if (e.button != 1 || overview.durationSeconds() <= 0) {
            return;
        }
        double seconds = overview.secondsAt(e.x - LEFT, plotWidth());
        Marker near = markerAt(e.x, e.y);
        onCursor.accept(near != null ? near.seconds() : seconds);
    }

    private void hover(Event e) {
        Marker m = markerAt(e.x, e.y);
        String tip = m == null ? null : ReviewWindow.clock(m.seconds()) + "  " + m.label();
        if (!java.util.Objects.equals(tip, getToolTipText())) {
            setToolTipText(tip);
        }
    }

    /** The marker of the lane under (x, y) within {@link #SNAP_PX}, or null. */
    private Marker markerAt(int x, int y) {
        List<Kind> lanes = lanes();
        int lane = y / LANE;
        if (lane >= lanes.size()) {
            return null;
        }
        double secondsPerPixel = overview.durationSeconds() / plotWidth();
        Marker best = null;
        for (Marker m : overview.markers(lanes.get(lane))) {
            int d = Math.abs(xOf(m.seconds()) - x);
            if (d <= SNAP_PX && (best == null || d < Math.abs(xOf(best.seconds()) - x))) {
                best = m;
            }
        }
        return best == null ? null : overview.nearestMarker(best.seconds(), secondsPerPixel / 2);
    }

    private void paint(GC gc) {
        paints++;
        Rectangle r = getClientArea();
        gc.setBackground(getBackground());
        gc.fillRectangle(r);
        if (overview.durationSeconds() <= 0) {
            gc.setForeground(getForeground());
            gc.drawText("No recording is open: open a case or an EDF+/BDF file above.", 8, 8, true);
            return;
        }
        int w = plotWidth();
        List<Kind> lanes = lanes();
        int trendsTop = lanes.size() * LANE;
        int bottom = r.height - AXIS;
        // the raw-trace window
        int x0 = xOf(window.startSeconds());
        int x1 = Math.max(x0 + 2, xOf(window.endSeconds()));
        Color band = new Color(BAND);
        gc.setBackground(band);
        gc.fillRectangle(x0, 0, x1 - x0, bottom);
        drawGaps(gc, w, bottom);
        gc.setForeground(getForeground());
        for (int i = 0; i < lanes.size(); i++) {
            Kind k = lanes.get(i);
            gc.drawText(LANE_NAMES.get(k), 4, i * LANE + 1, true);
            Color c = new Color(COLOURS.get(k));
            gc.setBackground(c);
            for (Marker m : overview.markers(k)) {
                gc.fillRectangle(xOf(m.seconds()) - 1, i * LANE + 2, 3, LANE - 4);
            }
            gc.setForeground(getForeground());
        }
        gc.setForeground(new Color(new RGB(0xB0, 0xB0, 0xB0)));
        gc.drawLine(LEFT, trendsTop, LEFT + w, trendsTop);
        List<CaseOverview.Series> rows = overview.series();
        if (rows.isEmpty()) {
            gc.setForeground(getForeground());
            gc.drawText("No trends yet: \"Analyse\" re-runs the installed modality processors on the recording.", LEFT + 4,
                    trendsTop + 4, true);
        } else {
            int fit = Math.max(1, Math.min(rows.size(), (bottom - trendsTop) / MIN_TREND_ROW));
            int rowHeight = (bottom - trendsTop) / fit;
            for (int i = 0; i < fit; i++) {
                drawSeries(gc, rows.get(i), trendsTop + i * rowHeight, rowHeight);
            }
            if (fit < rows.size()) {
                gc.setForeground(getForeground());
                gc.drawText("+" + (rows.size() - fit) + " more trends", 4, bottom + 2, true);
            }
        }
        drawAxis(gc, bottom, w);
        gc.setForeground(new Color(CURSOR));
        gc.setLineWidth(2);
        int cx = xOf(window.cursorSeconds());
        gc.drawLine(cx, 0, cx, bottom);
        gc.setLineWidth(1);
        afterCasePainted.run();
    }

    /** {@code r} runs at the end of every paint that drew an open case. */
    void afterCasePainted(Runnable r) {
        afterCasePainted = r;
    }

    private void drawSeries(GC gc, CaseOverview.Series s, int top, int height) {
        gc.setForeground(getForeground());
        String unit = org.openionm.core.processing.Units.display(s.unit());
        gc.drawText(shorten(s.screenName(), 22) + " " + unit, 4, top + 1, true);
        double[] range = s.range();
        if (Double.isNaN(range[0])) {
            return;
        }
        double lo = range[0];
        double hi = range[1] == lo ? lo + 1 : range[1];
        if (height >= 30) {
            gc.drawText(String.format(java.util.Locale.ROOT, "%.3g – %.3g", range[0], range[1]), 4, top + 15, true);
        }
        int pad = 3;
        gc.setForeground(new Color(TREND));
        int px = -1;
        int py = -1;
        for (int i = 0; i < s.times().length; i++) {
            double v = s.values()[i];
            if (!Double.isFinite(v)) {
                px = -1;
                continue;
            }
            int x = xOf(s.times()[i]);
            int y = top + height - pad - (int) Math.round((v - lo) / (hi - lo) * (height - 2 * pad));
            if (px >= 0) {
                gc.drawLine(px, py, x, y);
            } else {
                gc.drawPoint(x, y);
            }
            px = x;
            py = y;
        }
    }

    /** Grey bands with "no recording" where the case had no segment. */
    private void drawGaps(GC gc, int w, int bottom) {
        paintGaps(gc, gaps, this::xOf, LEFT, LEFT + w, bottom, getBackground().getRGB(), getForeground().getRGB());
    }

    /**
     * Grey bands with "no recording hh:mm:ss–hh:mm:ss" over the gaps between segments, between {@code left}
     * and {@code right}; {@code xOf} maps case time to x. The overview and the traces draw gaps alike, in
     * colours derived from the canvas's themed {@code background} and {@code foreground}.
     */
    static void paintGaps(GC gc, List<org.openionm.review.CaseTimeline.Gap> gaps, java.util.function.DoubleToIntFunction xOf,
            int left, int right, int bottom, RGB background, RGB foreground) {
        if (gaps.isEmpty()) {
            return;
        }
        gc.setBackground(new Color(gap(background, foreground)));
        gc.setForeground(new Color(gapText(background, foreground)));
        for (org.openionm.review.CaseTimeline.Gap g : gaps) {
            int x0 = Math.max(left, xOf.applyAsInt(g.startSeconds()));
            int x1 = Math.min(right, xOf.applyAsInt(g.endSeconds()));
            if (x1 <= x0) {
                continue;
            }
            gc.fillRectangle(x0, 0, Math.max(1, x1 - x0), bottom);
            String text = "no recording " + org.openionm.review.ReviewWindow.clock(g.startSeconds()) + "–"
                    + org.openionm.review.ReviewWindow.clock(g.endSeconds());
            if (gc.textExtent(text).x < x1 - x0 - 4) {
                gc.drawText(text, x0 + 3, 2, true);
            }
        }
    }

    private void drawAxis(GC gc, int y, int w) {
        gc.setForeground(getForeground());
        gc.drawLine(LEFT, y, LEFT + w, y);
        double step = TracesCanvas.niceStep(overview.durationSeconds(), w / 90.0);
        for (double t = 0; t <= overview.durationSeconds() + 1e-9; t += step) {
            int x = xOf(t);
            gc.drawLine(x, y, x, y + 3);
            String label = TracesCanvas.timeLabel(t, step);
            if (x + 2 + gc.textExtent(label).x <= LEFT + w + RIGHT) { // the last label would be cut at the edge
                gc.drawText(label, x + 2, y + 2, true);
            }
        }
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
