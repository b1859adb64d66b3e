package org.openionm.ui.widgets.trace;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Pattern;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

/**
 * Draws N scrolling traces from a {@link TraceBuffer}: one row per trace with its label and
 * amplitude scale, min/max decimation per pixel column (no aliasing, no lost peaks), a break where
 * data is missing, a mark where a trace exceeds its row, and a time axis in case time (mm:ss).
 * Traces are rasterised into a {@link TraceRaster}; the picture is kept between frames, and a frame
 * scrolls it and rasterises only the columns that came in (a whole number of samples each), so its
 * cost follows the pixels that scrolled, not the sampling rate.
 * Colours come from the control's CSS-styled background and foreground (class {@code TraceCanvas}).
 * The mouse wheel over a trace changes that trace's scale.
 */
public class TraceCanvas extends Canvas {

    static final int LABEL_WIDTH = 110;
    static final int AXIS_HEIGHT = 22;
    /** Amber tick where a trace leaves its row: the display scale hides part of the signal. */
    static final int CLIP_RGB = 0xFFAA00;
    private static final double[] SCALES_UV = { 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000 };

    /** Label and amplitude scale (µV from row centre to row edge) of one trace. */
    public static final class Trace {
        final String label;
        double scaleUv;

        public Trace(String label, double scaleUv) {
            this.label = label;
            this.scaleUv = scaleUv;
        }

        public String label() {
            return label;
        }

        public double scaleUv() {
            return scaleUv;
        }
    }

    private final List<Trace> traces = new ArrayList<>();
    private TraceBuffer buffer;
    private double windowSeconds = 10;
    private float[] window = new float[0];
    private float[] min = new float[0];
    private float[] max = new float[0];
    private final TraceRaster raster = new TraceRaster();
    private ImageData image;
    /** The last frame's traces and grid (no text), kept so a frame only draws what scrolled in. */
    private Image kept;
    private Look keptLook;
    /** Absolute column index (sample index / samples per column) one past the kept image's last column. */
    private long keptColumnEnd;
    private long fullFrames;
    private long scrolledFrames;
    private long paintCount;
    private long lastPaintedNewest = -1;

    public TraceCanvas(Composite parent, int style) {
        super(parent, style | SWT.NO_BACKGROUND);
        setData("org.eclipse.e4.ui.css.CssClassName", "TraceCanvas");
        addListener(SWT.Paint, this::paint);
        addListener(SWT.MouseVerticalWheel, this::wheel);
        addListener(SWT.Dispose, e -> releaseKept());
    }

    private void releaseKept() {
        if (kept != null) {
            kept.dispose();
            kept = null;
        }
        keptLook = null;
        image = null;
    }

    /** Shows {@code buffer} with one trace per entry; {@code traces} must not exceed the buffer's channels. */
    public void setSource(TraceBuffer buffer, List<Trace> traces) {
        checkWidget();
        if (buffer != null && traces.size() > buffer.channelCount()) {
            throw new IllegalArgumentException(traces.size() + " traces but the buffer holds " + buffer.channelCount() + " channels");
        }
        this.buffer = buffer;
        this.traces.clear();
        this.traces.addAll(traces);
        // the old source's picture and scratch arrays go with it (bounded memory over a long case)
        releaseKept();
        window = new float[0];
        redraw();
    }

    public List<Trace> traces() {
        return List.copyOf(traces);
    }

    public void setWindowSeconds(double seconds) {
        checkWidget();
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("display window must be positive, was " + seconds);
        }
        this.windowSeconds = seconds;
        redraw();
    }

    public double windowSeconds() {
        return windowSeconds;
    }

    public void setScale(int trace, double scaleUv) {
        traces.get(trace).scaleUv = scaleUv;
        redraw();
    }

    /** Frames painted so far (for tests and the frame-rate readout). */
    public long paintCount() {
        return paintCount;
    }

    /** Newest sample index shown by the last frame; -1 before any data was drawn. */
    public long lastPaintedNewestIndex() {
        return lastPaintedNewest;
    }

    private void wheel(Event e) {
        int trace = traceAt(e.y);
        if (trace < 0) {
            return;
        }
        double current = traces.get(trace).scaleUv;
        int i = 0;
        while (i < SCALES_UV.length - 1 && SCALES_UV[i] < current) {
            i++;
        }
        i = e.count > 0 ? Math.max(0, i - 1) : Math.min(SCALES_UV.length - 1, i + 1);
        setScale(trace, SCALES_UV[i]);
    }

    private int traceAt(int y) {
        Rectangle area = getClientArea();
        int plotHeight = area.height - AXIS_HEIGHT;
        if (traces.isEmpty() || y < 0 || y >= plotHeight) {
            return -1;
        }
        return Math.min(traces.size() - 1, y * traces.size() / Math.max(1, plotHeight));
    }

    private void paint(Event e) {
        GC gc = e.gc;
        Rectangle area = getClientArea();
        if (area.width <= 0 || area.height <= 0) {
            return;
        }
        int background = rgb(getBackground().getRGB());
        int foreground = rgb(getForeground().getRGB());
        int grid = rgb(blend(getBackground().getRGB(), getForeground().getRGB(), 0.18));
        Frame frame = layoutFrame(area);
        Look look = frame == null ? null : new Look(area.width, area.height, frame.source, frame.perColumn, frame.n,
                frame.decimate, gridStep(frame), scales(), background, foreground, grid);
        long columnEnd = frame == null ? 0 : (frame.start + frame.n) / frame.perColumn;
        long shift = columnEnd - keptColumnEnd;
        if (frame != null && frame.decimate && kept != null && look.equals(keptLook) && shift >= 0 && shift < frame.columns - 1) {
            scrollKept(frame, (int) shift);
            scrolledFrames++;
        } else {
            renderKept(area, frame, look, background, grid, foreground);
        }
        keptColumnEnd = columnEnd;
        drawKept(gc, area);
        gc.setForeground(getForeground());
        if (frame == null) {
            gc.drawText("No signal", LABEL_WIDTH + 8, 8, true);
        } else {
            drawText(gc, frame);
            lastPaintedNewest = frame.newest;
        }
        paintCount++;
    }

    /**
     * Puts the kept picture on screen as a pattern fill. SWT 3.135 on GTK reads the whole image back
     * into a new {@code ImageData} on every {@code GC.drawImage} only to learn its size: at 30 frames a
     * second that was the biggest allocation of the live display and made the heap grow. A pattern
     * wraps the image's Cairo surface as it is.
     */
    private void drawKept(GC gc, Rectangle area) {
        Pattern picture = new Pattern(getDisplay(), kept);
        try {
            gc.setBackgroundPattern(picture);
            gc.fillRectangle(area.x, area.y, area.width, area.height);
        } finally {
            gc.setBackgroundPattern(null);
            picture.dispose();
        }
    }

    /**
     * Everything the kept image depends on besides the data: while it stays the same, a frame only
     * scrolls the image and draws the columns that came in.
     */
    private record Look(int width, int height, TraceBuffer source, int perColumn, int n, boolean decimate, int gridStep,
            List<Double> scales, int background, int foreground, int grid) {
    }

    private List<Double> scales() {
        List<Double> scales = new ArrayList<>(traces.size());
        for (Trace trace : traces) {
            scales.add(trace.scaleUv);
        }
        return scales;
    }

    /** The whole picture from the buffer: after a resize, a new source, scale or time base, or a jump. */
    private void renderKept(Rectangle area, Frame frame, Look look, int background, int grid, int foreground) {
        raster.reset(area.width, area.height, background);
        if (frame != null) {
            rasterTraces(frame, 0, frame.columns, LABEL_WIDTH, grid, foreground);
        }
        if (kept != null) {
            kept.dispose();
        }
        kept = toImage(raster, area.width, area.height);
        keptLook = look;
        fullFrames++;
    }

    /**
     * Moves the kept plot {@code shift} columns to the left and draws only the new columns: the cost
     * of a frame follows the pixels that scrolled in, not the samples in the window.
     */
    private void scrollKept(Frame f, int shift) {
        if (shift == 0) {
            return;
        }
        // one column more on the left, so the first new column joins its neighbour as in a full frame
        int first = f.columns - shift - 1;
        int width = shift + 1;
        raster.reset(width, f.plotHeight, keptLook.background());
        rasterTraces(f, first, f.columns, -first, keptLook.grid(), keptLook.foreground());
        Image strip = toImage(raster, width, f.plotHeight);
        GC gc = new GC(kept);
        try {
            // SWT 3.135 GTK's copyArea on an image clears everything outside the copied rectangle to black
            // unless clipped to it: the label column and time-axis band went black after the first scroll
            // (white in the light theme before it)
            gc.setClipping(LABEL_WIDTH, 0, f.columns - shift, f.plotHeight);
            gc.copyArea(LABEL_WIDTH + shift, 0, f.columns - shift, f.plotHeight, LABEL_WIDTH, 0);
            gc.setClipping((Rectangle) null);
            gc.drawImage(strip, 1, 0, shift, f.plotHeight, LABEL_WIDTH + f.columns - shift, 0, shift, f.plotHeight);
        } finally {
            gc.dispose();
            strip.dispose();
        }
    }

    private Image toImage(TraceRaster source, int width, int height) {
        if (image == null || image.width != width || image.height != height) {
            image = new ImageData(width, height, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        }
        int[] pixels = source.pixels();
        for (int y = 0; y < height; y++) {
            image.setPixels(0, y, width, pixels, y * width);
        }
        return new Image(getDisplay(), image);
    }

    /** Frames drawn from scratch and frames that only scrolled the kept image, for tests and the bench. */
    long fullFrames() {
        return fullFrames;
    }

    long scrolledFrames() {
        return scrolledFrames;
    }

    /** Geometry of one frame: which samples map to which pixels. */
    private record Frame(TraceBuffer source, long newest, long start, int n, int perColumn, boolean decimate,
            int columns, int plotHeight, double rowHeight) {
    }

    private Frame layoutFrame(Rectangle area) {
        TraceBuffer source = buffer;
        int columns = area.width - LABEL_WIDTH;
        int plotHeight = area.height - AXIS_HEIGHT;
        if (source == null || traces.isEmpty() || columns < 2 || plotHeight < traces.size()) {
            return null;
        }
        int requested = Math.max(2, (int) Math.min(source.capacity(), Math.round(windowSeconds * source.samplingRateHz())));
        long newest = source.newestIndex();
        // Columns hold a whole number of samples and start on multiples of it, so a sample stays in
        // the same column group while the trace scrolls: no shimmer, no aliasing.
        int perColumn = Math.max(1, (int) Math.ceil((double) requested / columns));
        boolean decimate = requested >= columns;
        int n = decimate ? perColumn * columns : requested;
        long start = (newest / perColumn) * perColumn - n;
        return new Frame(source, newest, start, n, perColumn, decimate, columns, plotHeight,
                (double) plotHeight / traces.size());
    }

    /**
     * Rasterises columns [c0, c1) of the frame; column {@code c} lands on raster x {@code xOffset + c}.
     * Only the samples of those columns are read and decimated.
     */
    private void rasterTraces(Frame f, int c0, int c1, int xOffset, int grid, int foreground) {
        int count = c1 - c0;
        int n = f.decimate ? count * f.perColumn : f.n;
        long from = f.decimate ? f.start + (long) c0 * f.perColumn : f.start;
        ensureCapacity(n, f.columns);
        for (int t = 0; t < traces.size(); t++) {
            Trace trace = traces.get(t);
            int top = (int) Math.round(t * f.rowHeight);
            int bottom = (int) Math.round((t + 1) * f.rowHeight) - 1;
            double centre = (top + bottom) / 2.0;
            raster.horizontal((int) Math.round(centre), xOffset + c0, xOffset + c1 - 1, grid);
            raster.horizontal(bottom, xOffset + c0, xOffset + c1 - 1, grid);
            f.source.copy(t, from, n, window);
            if (f.decimate) {
                MinMaxDecimator.decimate(window, n, count, min, max);
                raster.trace(min, max, count, xOffset + c0, top, bottom, centre, (bottom - top) / 2.0 / trace.scaleUv,
                        foreground, CLIP_RGB);
            } else {
                interpolate(f.n, f.columns);
                raster.trace(min, max, f.columns, xOffset, top, bottom, centre, (bottom - top) / 2.0 / trace.scaleUv,
                        foreground, CLIP_RGB);
            }
        }
        for (long second : seconds(f, gridStep(f))) { // grid lines where the time labels go
            int x = xOfSample(f, second * f.source.samplingRateHz()) - LABEL_WIDTH;
            if (x >= c0 && x < c1) {
                raster.vertical(xOffset + x, 0, f.plotHeight - 1, 0, f.plotHeight - 1, grid);
            }
        }
    }

    /** Fewer samples than pixels: each column takes the linearly interpolated value at its position. */
    private void interpolate(int n, int columns) {
        for (int c = 0; c < columns; c++) {
            double position = (double) c * (n - 1) / (columns - 1);
            int i = (int) Math.floor(position);
            int j = Math.min(n - 1, i + 1);
            float v = (float) (window[i] + (window[j] - window[i]) * (position - i));
            min[c] = v; // NaN propagates: a gap stays a gap
            max[c] = v;
        }
    }

    private void drawText(GC gc, Frame f) {
        int lineHeight = gc.getFontMetrics().getHeight();
        List<String> labels = new ArrayList<>(traces.size());
        List<String> scaleTexts = new ArrayList<>(traces.size());
        for (Trace trace : traces) {
            labels.add(trace.label);
            scaleTexts.add("±" + formatScale(trace.scaleUv));
        }
        // at 32–64 channels a row is lower than two lines: scale, then alternate labels give way (issue 16)
        traceLabels = TraceLabelLayout.place(labels, scaleTexts, f.rowHeight, lineHeight, LABEL_WIDTH - 8,
                text -> gc.textExtent(text).x, 4);
        for (TraceLabelLayout.Placed p : traceLabels) {
            gc.drawText(p.text(), p.x(), p.y(), true);
        }
        int right = LABEL_WIDTH + f.columns;
        // the spacing follows the pixels a second gets, so labels never run into each other (issue 17:
        // "01:5201:53" at a 10-s window in a narrow part)
        labelWidth = gc.textExtent("00:00").x + LABEL_GAP;
        List<int[]> drawn = new java.util.ArrayList<>();
        int lastRight = Integer.MIN_VALUE;
        for (long s : seconds(f, gridStep(f))) {
            int x = xOfSample(f, s * f.source.samplingRateHz());
            String text = String.format("%02d:%02d", s / 60, s % 60);
            int width = gc.textExtent(text).x;
            // a cut label would misread as another time; one touching the previous would merge with it
            if (x + 2 + width <= right && x + 2 >= lastRight + LABEL_GAP) {
                gc.drawText(text, x + 2, f.plotHeight + 3, true);
                drawn.add(new int[] { x + 2, x + 2 + width });
                lastRight = x + 2 + width;
            }
        }
        timeLabels = List.copyOf(drawn);
    }

    /** Pixels kept free between two time labels. */
    static final int LABEL_GAP = 8;
    private static final int[] LABEL_STEPS = { 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600 };
    /** Width of a time label and its gap in pixels, as the last paint measured it (the raster is drawn before the text). */
    private int labelWidth = 48;

    private int gridStep(Frame f) {
        return labelStepSeconds(f.columns / (f.n / f.source.samplingRateHz()), labelWidth);
    }

    /** Trace labels and scales the last paint drew, for tests. */
    private List<TraceLabelLayout.Placed> traceLabels = List.of();

    List<TraceLabelLayout.Placed> lastTraceLabels() {
        return traceLabels;
    }

    /** Horizontal extents [from, to) of the time labels of the last paint, for tests. */
    private List<int[]> timeLabels = List.of();

    List<int[]> lastTimeLabels() {
        return timeLabels;
    }

    /** The smallest usual spacing (1, 2, 5, 10, 15, 30 s, …) that gives a label of {@code labelWidth} pixels room. */
    static int labelStepSeconds(double pixelsPerSecond, int labelWidth) {
        for (int step : LABEL_STEPS) {
            if (step * pixelsPerSecond >= labelWidth) {
                return step;
            }
        }
        return LABEL_STEPS[LABEL_STEPS.length - 1];
    }

    /** Whole seconds of case time inside the frame, every {@code step} seconds. */
    private static long[] seconds(Frame f, int step) {
        double rate = f.source.samplingRateHz();
        long first = (long) Math.ceil(Math.max(0, f.start) / rate / step) * step;
        long last = (long) Math.floor((f.start + f.n - 1) / rate);
        if (last < first) {
            return new long[0];
        }
        long[] result = new long[(int) ((last - first) / step) + 1];
        for (int i = 0; i < result.length; i++) {
            result[i] = first + (long) i * step;
        }
        return result;
    }

    private static int xOfSample(Frame f, double sampleIndex) {
        return LABEL_WIDTH + (int) Math.floor((sampleIndex - f.start) * f.columns / f.n);
    }

    private void ensureCapacity(int n, int columns) {
        if (window.length < n) {
            window = new float[n];
        }
        if (min.length < columns) {
            min = new float[columns];
            max = new float[columns];
        }
    }

    private static int rgb(RGB c) {
        return (c.red << 16) | (c.green << 8) | c.blue;
    }

    static String formatScale(double uv) {
        return uv >= 1000 ? String.format("%.0f mV", uv / 1000) : String.format("%.0f µV", uv);
    }

    private static RGB blend(RGB a, RGB b, double t) {
        return new RGB((int) (a.red + (b.red - a.red) * t), (int) (a.green + (b.green - a.green) * t),
                (int) (a.blue + (b.blue - a.blue) * t));
    }
}
