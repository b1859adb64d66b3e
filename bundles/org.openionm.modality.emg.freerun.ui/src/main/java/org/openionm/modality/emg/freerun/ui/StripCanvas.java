package org.openionm.modality.emg.freerun.ui;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.openionm.core.processing.DetectedEvent;
import org.openionm.ui.widgets.trace.MinMaxDecimator;
import org.openionm.ui.widgets.trace.TraceBuffer;

/**
 * One strip per free-run channel: the last {@link #WINDOW_SECONDS} of its raw signal (min/max per
 * pixel column, so no spike is lost), with the processor's findings marked over it — a coloured bar
 * and its kind along the top of the row, electrocautery as a grey band with "CAUTERY" — and an A-train
 * in progress as its bar from the onset to the newest sample ("A-train…"), closed at its end.
 */
final class StripCanvas extends Canvas {

    static final double WINDOW_SECONDS = 10;
    static final int LABEL_WIDTH = 90;

    private TraceBuffer buffer;
    private List<String> labels = List.of();
    private List<DetectedEvent> events = List.of();
    private java.util.Set<String> inCautery = java.util.Set.of();
    private List<FreeRunModel.ATrainMark> aTrains = List.of();
    private double scaleUv = 500;
    private long paints;
    private float[] window = new float[0];
    private float[] min = new float[0];
    private float[] max = new float[0];

    StripCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED);
        setData("org.eclipse.e4.ui.css.CssClassName", "TraceCanvas");
        addListener(SWT.Paint, e -> {
            paint(e.gc);
            paints++;
        });
    }

    /** Completed paints, for tests ({@code CanvasSnapshot.repaintAndCapture}). */
    long paintCount() {
        return paints;
    }

    void show(TraceBuffer source, List<String> channelLabels, List<DetectedEvent> findings, java.util.Set<String> cautery,
            List<FreeRunModel.ATrainMark> trainsInProgress) {
        aTrains = trainsInProgress;
        buffer = source;
        labels = List.copyOf(channelLabels);
        events = findings;
        inCautery = cautery;
        redraw();
    }

    /** The colour a finding is marked in: the same in both themes, chosen to be told apart. */
    static RGB colour(String kind) {
        return switch (kind) {
            case "A-train" -> new RGB(230, 40, 40);
            case "A-train cluster" -> new RGB(200, 60, 220);
            case "neurotonic" -> new RGB(245, 140, 20);
            case "burst" -> new RGB(220, 200, 30);
            case "spike" -> new RGB(40, 170, 230);
            default -> new RGB(128, 128, 128);
        };
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        gc.setBackground(getBackground());
        gc.fillRectangle(area);
        TraceBuffer b = buffer;
        if (b == null || labels.isEmpty() || area.width <= LABEL_WIDTH + 2) {
            gc.setForeground(getForeground());
            gc.drawText(labels.isEmpty() ? "No free-run EMG channel in this acquisition" : "No signal", LABEL_WIDTH, 8, true);
            return;
        }
        int columns = area.width - LABEL_WIDTH;
        double fs = b.samplingRateHz();
        int n = (int) Math.min(b.capacity(), Math.round(WINDOW_SECONDS * fs));
        int perColumn = Math.max(1, (int) Math.ceil((double) n / columns));
        n = perColumn * columns;
        long newest = b.newestIndex();
        long start = (newest / perColumn) * perColumn - n;
        if (window.length < n) {
            window = new float[n];
        }
        if (min.length < columns) {
            min = new float[columns];
            max = new float[columns];
        }
        double rowHeight = (double) area.height / labels.size();
        Color grid = new Color(blend(getBackground().getRGB(), getForeground().getRGB(), 0.2));
        try {
            for (int row = 0; row < labels.size() && row < b.channelCount(); row++) {
                int top = (int) Math.round(row * rowHeight);
                int bottom = (int) Math.round((row + 1) * rowHeight) - 1;
                double centre = (top + bottom) / 2.0;
                double pxPerUv = (bottom - top - 16) / 2.0 / scaleUv;
                markFindings(gc, row, top, bottom, start, n, fs, columns);
                gc.setForeground(grid);
                gc.drawLine(LABEL_WIDTH, bottom, area.width, bottom);
                b.copy(row, start, n, window);
                MinMaxDecimator.decimate(window, n, columns, min, max);
                gc.setForeground(getForeground());
                for (int c = 0; c < columns; c++) {
                    if (Float.isNaN(min[c])) {
                        continue;
                    }
                    int y1 = clamp((int) Math.round(centre - max[c] * pxPerUv), top + 14, bottom);
                    int y2 = clamp((int) Math.round(centre - min[c] * pxPerUv), top + 14, bottom);
                    gc.drawLine(LABEL_WIDTH + c, y1, LABEL_WIDTH + c, y2);
                }
                if (inCautery.contains(labels.get(row))) { // live: the stretch is listed once it has ended
                    Color c = new Color(colour("cautery"));
                    gc.setBackground(c);
                    gc.setAlpha(90);
                    gc.fillRectangle(area.width - 160, top, 160, bottom - top);
                    gc.setAlpha(255);
                    gc.setForeground(getForeground());
                    gc.drawText("CAUTERY · not judged", area.width - 155, top + 2, true);
                    c.dispose();
                }
                gc.setForeground(getForeground());
                gc.drawText(labels.get(row), 6, (int) centre - 16, true);
                gc.drawText("±" + (int) scaleUv + " µV", 6, (int) centre + 2, true);
            }
        } finally {
            grid.dispose();
        }
    }

    private void markFindings(GC gc, int row, int top, int bottom, long start, int n, double fs, int columns) {
        String label = labels.get(row);
        for (FreeRunModel.ATrainMark m : aTrains) {
            if (!m.channel().equals(label)) {
                continue;
            }
            double from = (m.onsetSeconds() * fs - start) / n * columns;
            double to = m.running() ? columns : (m.endSeconds() * fs - start) / n * columns;
            if (to < 0 || from > columns) {
                continue;
            }
            int x1 = LABEL_WIDTH + (int) Math.max(0, Math.floor(from));
            int x2 = LABEL_WIDTH + (int) Math.min(columns, Math.ceil(to));
            Color c = new Color(colour("A-train"));
            try {
                gc.setBackground(c);
                gc.fillRectangle(x1, top + 1, Math.max(3, x2 - x1), 5);
                gc.setForeground(c);
                gc.drawText(m.running() ? "A-train…" : "A-train", x1, top + 5, true);
            } finally {
                c.dispose();
            }
        }
        for (DetectedEvent e : events) {
            if (!e.channel().equals(label)) {
                continue;
            }
            double from = (e.timeSeconds() * fs - start) / n * columns;
            double to = (e.endSeconds() * fs - start) / n * columns;
            if (to < 0 || from > columns) {
                continue;
            }
            int x1 = LABEL_WIDTH + (int) Math.max(0, Math.floor(from));
            int x2 = LABEL_WIDTH + (int) Math.min(columns, Math.ceil(to));
            Color c = new Color(colour(e.kind()));
            try {
                if (e.kind().equals("cautery")) {
                    gc.setBackground(c);
                    gc.setAlpha(70);
                    gc.fillRectangle(x1, top, Math.max(2, x2 - x1), bottom - top);
                    gc.setAlpha(255);
                    gc.setForeground(c);
                    gc.drawText("CAUTERY", x1 + 3, top + 1, true);
                } else {
                    gc.setBackground(c);
                    gc.fillRectangle(x1, top + 1, Math.max(3, x2 - x1), 5);
                    gc.setForeground(c);
                    if (x2 - x1 > 30 || !e.kind().equals("spike")) {
                        gc.drawText(e.kind(), x1, top + 5, true);
                    }
                }
            } finally {
                c.dispose();
            }
        }
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static RGB blend(RGB a, RGB b, double t) {
        return new RGB((int) (a.red + (b.red - a.red) * t), (int) (a.green + (b.green - a.green) * t),
                (int) (a.blue + (b.blue - a.blue) * t));
    }
}
