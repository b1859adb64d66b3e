package org.openionm.modality.eeg.ui;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.cases.CaseEvent;
import org.openionm.cases.CaseWorkbench;
import org.openionm.cases.EventType;
import org.openionm.processing.ProcessorHost;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The "EEG" tab of the Live perspective (contributed by this bundle's fragment.e4xmi): raw EEG (montage,
 * µV/mm, mm/s) on top, the density spectral array with SEF95 per derivation, the burst suppression ratio and left/right
 * asymmetry (pairwise brain symmetry index) trends below. Polls the model twice a second and redraws
 * only when results arrived.
 */
public class EegPart {

    public static final String ID = "org.openionm.modality.eeg.ui.part";
    /** Left derivations in warm, right in cool colours would need labels parsed; distinct system colours suffice. */
    private static final int[] COLOURS = { SWT.COLOR_RED, SWT.COLOR_CYAN, SWT.COLOR_YELLOW, SWT.COLOR_GREEN, SWT.COLOR_MAGENTA,
            SWT.COLOR_WHITE, SWT.COLOR_DARK_YELLOW, SWT.COLOR_GRAY };

    @Inject
    @Optional
    @Service
    ProcessorHost host;

    @Inject
    @Optional
    @Service
    AcquisitionEngine engine;

    @Inject
    @Optional
    @Service
    CaseWorkbench cases;

    private final CaseWorkbench.Listener clampMarks = new CaseWorkbench.Listener() {
        @Override
        public void eventLogged(CaseEvent event) {
            markIfClamp(event);
        }
    };

    private final EegModel model = EegModel.shared();
    private RawEegView raw;
    private DsaCanvas dsa;
    private Chart bsr;
    private Chart asymmetry;
    private long shown = -1;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new FillLayout());
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        Composite rawBox = new Composite(sash, SWT.NONE);
        rawBox.setLayout(new FillLayout());
        raw = new RawEegView(rawBox, engine);
        dsa = new DsaCanvas(sash, model);
        Composite trends = new Composite(sash, SWT.NONE);
        trends.setLayout(new FillLayout(SWT.HORIZONTAL));
        bsr = chart(trends, "BSR (%)", "Burst suppression ratio (%) per derivation, over 60 s");
        asymmetry = chart(trends, "Asymmetry (pdBSI)", "Left/right asymmetry per homologous pair: pairwise-derived brain symmetry index");
        sash.setWeights(36, 34, 30); // the trends need height: their legends sit under the plots when narrow
        if (cases != null) {
            cases.addListener(clampMarks);
            // the open case's earlier clamps, if the database is open
            cases.currentCase().ifPresent(c -> cases.database().ifPresent(db -> db.events().events(c.id()).forEach(this::markIfClamp)));
        }
        refresh();
    }

    /** Narrower than this, a chart's legend goes under the plot: at its right it took half of a 230-px chart. */
    static final int LEGEND_RIGHT_MIN_WIDTH = 420;

    /**
     * A trend chart with a short title in the part's font (SWTChart's large bold titles were cut in the
     * Modalities stack, 460 px wide on a 1280-px screen), the long name as its tooltip.
     */
    private static Chart chart(Composite parent, String title, String tooltip) {
        Chart c = new Chart(parent, SWT.NONE);
        c.getTitle().setText(title);
        c.getTitle().setFont(parent.getFont());
        c.setToolTipText(tooltip);
        c.getAxisSet().getXAxis(0).getTitle().setText("case time (min)");
        c.getAxisSet().getXAxis(0).getTitle().setFont(parent.getFont());
        c.addListener(SWT.Resize, e -> {
            int position = c.getSize().x < LEGEND_RIGHT_MIN_WIDTH ? SWT.BOTTOM : SWT.RIGHT;
            if (c.getLegend().getPosition() != position) {
                c.getLegend().setPosition(position);
            }
        });
        c.getAxisSet().getYAxis(0).getTitle().setVisible(false);
        // readable in both themes: the part's own colours, not SWTChart's blue titles
        org.eclipse.swt.graphics.Color fg = parent.getForeground();
        c.setBackground(parent.getBackground());
        c.setBackgroundInPlotArea(parent.getBackground());
        c.getTitle().setForeground(fg);
        c.getAxisSet().getXAxis(0).getTitle().setForeground(fg);
        c.getAxisSet().getXAxis(0).getTick().setForeground(fg);
        c.getAxisSet().getYAxis(0).getTick().setForeground(fg);
        c.getLegend().setBackground(parent.getBackground());
        c.getLegend().setForeground(fg);
        return c;
    }

    private void markIfClamp(CaseEvent e) {
        if (e.type() == EventType.CLAMP_ON || e.type() == EventType.CLAMP_OFF) {
            model.mark(e.caseTimeSeconds(), e.type() == EventType.CLAMP_ON ? "clamp on" : "clamp off");
        }
    }

    /** The model the host feeds, for tests. */
    public EegModel model() {
        return model;
    }

    public DsaCanvas dsa() {
        return dsa;
    }

    private void refresh() {
        if (dsa.isDisposed()) {
            return;
        }
        long v = model.version();
        if (v != shown) {
            shown = v;
            dsa.redraw();
            show(bsr, model.series("/BSR"));
            show(asymmetry, model.series("/asymmetry"));
        }
        dsa.getDisplay().timerExec(500, this::refresh);
    }

    private void show(Chart chart, List<String> series) {
        for (String id : series) {
            String label = id.substring(0, id.lastIndexOf('/'));
            // one line per stretch of data: a continued case's gap is not bridged (issue 16)
            List<List<double[]>> runs = model.segments(id);
            ILineSeries<?> first = line(chart, label, null);
            for (int r = 0; r < Math.max(1, runs.size()); r++) {
                ILineSeries<?> s = r == 0 ? first : line(chart, segmentName(label, r), first);
                List<double[]> points = r < runs.size() ? runs.get(r) : List.of();
                double[] x = new double[points.size()];
                double[] y = new double[points.size()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = points.get(i)[0] / 60;
                    y[i] = points.get(i)[1];
                }
                s.setXSeries(x);
                s.setYSeries(y);
            }
            // runs of an earlier case (a fresh start since) show nothing
            for (int r = Math.max(1, runs.size()); chart.getSeriesSet().getSeries(segmentName(label, r)) != null; r++) {
                ISeries<?> old = chart.getSeriesSet().getSeries(segmentName(label, r));
                old.setXSeries(new double[0]);
                old.setYSeries(new double[0]);
            }
        }
        if (!series.isEmpty()) {
            chart.getAxisSet().adjustRange();
        }
        chart.redraw();
    }

    /** Name of a series' run after its {@code r}-th gap (not in the legend: the first run names it). */
    static String segmentName(String label, int r) {
        return label + " after gap " + r;
    }

    /** The chart's line series {@code name}, created when missing; a later run takes the colour of {@code first}. */
    private static ILineSeries<?> line(Chart chart, String name, ILineSeries<?> first) {
        ILineSeries<?> s = (ILineSeries<?>) chart.getSeriesSet().getSeries(name);
        if (s == null) {
            // colours by named series only: the runs after a gap share their first run's
            int n = (int) java.util.Arrays.stream(chart.getSeriesSet().getSeries()).filter(ISeries::isVisibleInLegend).count();
            s = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, name);
            s.setSymbolType(ILineSeries.PlotSymbolType.NONE);
            if (first == null) {
                s.setLineColor(chart.getDisplay().getSystemColor(COLOURS[n % COLOURS.length]));
            } else {
                s.setLineColor(first.getLineColor());
                s.setVisibleInLegend(false);
            }
        }
        return s;
    }

    @PreDestroy
    public void dispose() {
        raw.dispose();
        if (cases != null) {
            cases.removeListener(clampMarks);
        }

    }
}
