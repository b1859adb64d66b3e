package org.openionm.ui.widgets.evoked;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.IAxis.Position;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ILineSeries.PlotSymbolType;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.LineStyle;
import org.eclipse.swtchart.Range;
import org.openionm.ui.widgets.evoked.EvokedModel.Series;
import org.openionm.ui.widgets.evoked.EvokedRules.Axis;

/**
 * Amplitude (left axis, µV) and latency (right axis, ms) over case time (minutes), exactly the
 * points the processor published; once a baseline is captured, its value as a dashed line in the
 * baseline colour and the alarm threshold (e.g. −50 % amplitude) as a dotted line in the alarm
 * colour. Colours follow the CSS-styled background and foreground (class {@code EvokedChart}).
 */
public class TrendChart extends Chart {

    public static final String BASELINE_SUFFIX = " baseline";
    /** Suffix (with the segment number) of the lines after the first gap of a continued case. @since 0.4.0 */
    public static final String SEGMENT_SUFFIX = " after gap ";
    public static final String THRESHOLD_SUFFIX = " alarm";
    private int latencyAxis = -1;
    private RGB themedFor;
    private RGB traceColour;

    public TrendChart(Composite parent, int style) {
        super(parent, style);
        setData("org.eclipse.e4.ui.css.CssClassName", "EvokedChart");
        getTitle().setVisible(false);
        getLegend().setVisible(false);
        // units go in the summary line above the chart: axis titles would take a third of a small tile
        getAxisSet().getXAxis(0).getTitle().setVisible(false);
        // …but case time's unit rides on its tick labels, the one unit the summary does not give
        getAxisSet().getXAxis(0).getTick().setFormat(new java.text.DecimalFormat("0.#' min'"));
        getAxisSet().getYAxis(0).getTitle().setText("µV");
        getAxisSet().getYAxis(0).getTitle().setVisible(false);
    }

    /** Colour of amplitude series: the waterfall's CSS trace colour, so a tile reads as one. */
    public void setTraceColour(RGB colour) {
        this.traceColour = colour;
    }

    /** Id of the data series for {@code s}; its baseline and threshold lines add the suffixes. */
    public static String seriesId(Series s) {
        return s.target().label() + (s.target().axis() == Axis.LATENCY ? " (ms)" : "");
    }

    public void show(List<Series> series) {
        checkWidget();
        applyTheme();
        RGB bg = getBackground().getRGB();
        Set<String> wanted = new HashSet<>();
        // the whole case from 0, with room after the newest point so it is not drawn on the frame
        double minT = 0;
        double maxT = 0;
        for (Series s : series) {
            double[] t = s.times();
            if (t.length > 0) {
                maxT = Math.max(maxT, t[t.length - 1] / 60);
            }
        }
        maxT = Math.max(1, maxT * 1.05);
        for (Series s : series) {
            int yAxis = s.target().axis() == Axis.LATENCY ? latencyAxis() : 0;
            String id = seriesId(s);
            RGB colour = s.target().axis() == Axis.LATENCY ? EvokedColors.marker(bg)
                    : traceColour != null ? traceColour : getForeground().getRGB();
            double[] minutes = s.times();
            for (int i = 0; i < minutes.length; i++) {
                minutes[i] /= 60;
            }
            double[] values = s.values();
            int[] breaks = s.breaks();
            // one line per stretch with data: nothing is drawn across a gap of a continued case
            for (int k = 0, from = 0; k <= breaks.length; k++) {
                int to = k < breaks.length ? breaks[k] : minutes.length;
                String segment = k == 0 ? id : id + SEGMENT_SUFFIX + k;
                line(segment, yAxis, java.util.Arrays.copyOfRange(minutes, from, to),
                        java.util.Arrays.copyOfRange(values, from, to), colour, LineStyle.SOLID, PlotSymbolType.CIRCLE);
                wanted.add(segment);
                from = to;
            }
            if (Double.isFinite(s.baseline())) {
                line(id + BASELINE_SUFFIX, yAxis, new double[] { minT, maxT }, new double[] { s.baseline(), s.baseline() },
                        EvokedColors.baseline(bg), LineStyle.DASH, PlotSymbolType.NONE);
                wanted.add(id + BASELINE_SUFFIX);
            }
            if (Double.isFinite(s.threshold())) {
                line(id + THRESHOLD_SUFFIX, yAxis, new double[] { minT, maxT }, new double[] { s.threshold(), s.threshold() },
                        EvokedColors.threshold(bg), LineStyle.DOT, PlotSymbolType.NONE);
                wanted.add(id + THRESHOLD_SUFFIX);
            }
        }
        for (ISeries<?> existing : getSeriesSet().getSeries()) {
            if (!wanted.contains(existing.getId())) {
                getSeriesSet().deleteSeries(existing.getId());
            }
        }
        getAxisSet().adjustRange();
        getAxisSet().getXAxis(0).setRange(new Range(minT, maxT));
        includeZero(getAxisSet().getYAxis(0));
        if (latencyAxis >= 0) {
            widen(getAxisSet().getYAxis(latencyAxis));
        }
        redraw();
    }

    /** Amplitude starts at zero: a fall to half must look like half. */
    private static void includeZero(IAxis axis) {
        Range r = axis.getRange();
        axis.setRange(new Range(Math.min(0, r.lower), r.upper + 0.1 * Math.abs(r.upper - Math.min(0, r.lower))));
    }

    /** Latency ±20 % around its values: a tight auto-range would make 0.3 ms look like a collapse. */
    private static void widen(IAxis axis) {
        Range r = axis.getRange();
        axis.setRange(new Range(r.lower * 0.8, r.upper * 1.2));
    }

    private int latencyAxis() {
        if (latencyAxis < 0) {
            latencyAxis = getAxisSet().createYAxis();
            IAxis axis = getAxisSet().getYAxis(latencyAxis);
            axis.setPosition(Position.Secondary);
            axis.getTitle().setText("ms");
            axis.getTitle().setVisible(false);
            themedFor = null;
            applyTheme();
        }
        return latencyAxis;
    }

    private void line(String id, int yAxis, double[] x, double[] y, RGB colour, LineStyle style, PlotSymbolType symbol) {
        @SuppressWarnings("unchecked")
        ILineSeries<Object> s = (ILineSeries<Object>) getSeriesSet().getSeries(id);
        if (s == null) {
            s = (ILineSeries<Object>) getSeriesSet().createSeries(SeriesType.LINE, id);
        }
        s.setYAxisId(yAxis);
        s.setXSeries(x);
        s.setYSeries(y);
        Color c = new Color(colour);
        s.setLineColor(c);
        s.setSymbolColor(c);
        s.setLineStyle(style);
        s.setSymbolType(symbol);
        s.setSymbolSize(2);
        s.setAntialias(SWT.ON);
    }

    /** Applies the CSS-styled colours to the plot, axes and grid (again after a theme switch). */
    public void applyTheme() {
        RGB bg = getBackground().getRGB();
        if (bg.equals(themedFor)) {
            return;
        }
        themedFor = bg;
        Color fg = getForeground();
        Color grid = new Color(EvokedColors.blend(bg, fg.getRGB(), 0.18));
        setBackgroundInPlotArea(getBackground());
        for (IAxis axis : getAxisSet().getAxes()) {
            axis.getTick().setForeground(fg);
            axis.getTitle().setForeground(fg);
            axis.getGrid().setForeground(grid);
            axis.getGrid().setStyle(LineStyle.DOT);
        }
    }
}
