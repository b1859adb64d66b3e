package org.openionm.modality.emg.triggered.ui;

import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * The t-EMG tab's content: the ramp control (a ramp site of the running program, Start/Stop ramp),
 * the site table (level, side, threshold, muscle, band on its alarm colour, time) and the latest
 * response of every muscle. It redraws from the {@link TemgModel} when its revision moved
 * ({@link #refresh}, called by the part's timer and by tests).
 */
public final class TemgView extends Composite {

    /** IEC 60601-1-8 colours for the bands with an alarm; green where the threshold is reassuring. */
    static final RGB HIGH = new RGB(0xE0, 0x30, 0x30);
    static final RGB MEDIUM = new RGB(0xF5, 0xC8, 0x1B);
    static final RGB LOW = new RGB(0x4F, 0xC3, 0xF7);
    static final RGB NONE = new RGB(0x8B, 0xD1, 0x7C);

    private final TemgModel model;
    private final RampControl ramps;
    private final Combo site;
    private final Button start;
    private final Button stop;
    private final Label status;
    private final Table table;
    private final Canvas responses;
    private long shownRevision = -1;
    private List<String> shownSites = List.of();

    public TemgView(Composite parent, TemgModel model, RampControl ramps) {
        super(parent, SWT.NONE);
        this.model = model;
        this.ramps = ramps;
        setLayout(new GridLayout(1, false));

        Composite bar = new Composite(this, SWT.NONE);
        bar.setLayout(new GridLayout(5, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(bar, SWT.NONE).setText("Ramp at");
        site = new Combo(bar, SWT.READ_ONLY);
        site.setLayoutData(new GridData(160, SWT.DEFAULT));
        start = new Button(bar, SWT.PUSH);
        start.setText("Start ramp");
        start.setToolTipText("Ramp the current at the chosen site from its start intensity; it stops at the first CMAP");
        start.addListener(SWT.Selection, e -> act(true));
        stop = new Button(bar, SWT.PUSH);
        stop.setText("Stop ramp");
        stop.addListener(SWT.Selection, e -> act(false));
        status = new Label(bar, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        table = new Table(this, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
        tableData.heightHint = 180;
        table.setLayoutData(tableData);
        for (String[] c : new String[][] { { "Level", "70" }, { "Side", "60" }, { "Threshold", "90" }, { "Muscle", "100" },
                { "Band", "200" }, { "Time", "80" } }) {
            TableColumn col = new TableColumn(table, SWT.LEFT);
            col.setText(c[0]);
            col.setWidth(Integer.parseInt(c[1]));
        }

        responses = new Canvas(this, SWT.DOUBLE_BUFFERED);
        GridData responseData = new GridData(SWT.FILL, SWT.FILL, true, true);
        responseData.heightHint = 220;
        responses.setLayoutData(responseData);
        responses.addPaintListener(e -> paintResponses(e.gc, responses.getClientArea()));
        refresh();
    }

    private void act(boolean starting) {
        String chosen = site.getText();
        if (chosen.isEmpty()) {
            status.setText("No ramp site: start an acquisition whose program has ramp sites");
            return;
        }
        try {
            if (starting) {
                ramps.startRamp(chosen);
                status.setText("Ramp started at " + chosen);
            } else {
                ramps.stopRamp(chosen);
                status.setText("Ramp stopped at " + chosen);
            }
        } catch (RuntimeException e) {
            status.setText("Cannot " + (starting ? "start" : "stop") + " the ramp at " + chosen + ": " + e.getMessage());
        }
        status.getParent().layout();
    }

    /** Redraws what changed: the ramp sites and, when the model moved, the table and the responses. */
    public void refresh() {
        if (isDisposed()) {
            return;
        }
        List<String> sites = ramps.rampSites();
        if (!sites.equals(shownSites)) {
            String chosen = site.getText();
            shownSites = sites;
            site.setItems(sites.toArray(String[]::new));
            int keep = sites.indexOf(chosen);
            site.select(keep >= 0 ? keep : 0);
            start.setEnabled(!sites.isEmpty());
            stop.setEnabled(!sites.isEmpty());
        }
        long revision = model.revision();
        if (revision == shownRevision) {
            return;
        }
        shownRevision = revision;
        List<TemgModel.SiteRow> rows = model.rows();
        table.setItemCount(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            TemgModel.SiteRow r = rows.get(i);
            TableItem item = table.getItem(i);
            item.setText(new String[] { r.level(), r.side(), num(r.thresholdMa()) + " " + r.unit(), r.muscle(),
                    r.band() == TemgModel.Band.NONE ? r.reading() : r.band() + ": " + r.reading(), clock(r.timeSeconds()) });
            item.setBackground(4, new Color(colour(r.band())));
        }
        responses.redraw();
    }

    static RGB colour(TemgModel.Band band) {
        return switch (band) {
            case HIGH -> HIGH;
            case MEDIUM -> MEDIUM;
            case LOW -> LOW;
            case NONE -> NONE;
        };
    }

    private void paintResponses(GC gc, Rectangle area) {
        List<TemgModel.Response> list = model.responses();
        if (list.isEmpty()) {
            gc.drawText("Latest responses per muscle appear with the first ramp stimulus", 8, 8, true);
            return;
        }
        int n = list.size();
        int w = Math.max(1, area.width / n);
        for (int k = 0; k < n; k++) {
            TemgModel.Response r = list.get(k);
            int x0 = area.x + k * w;
            int top = area.y + 22;
            int h = Math.max(10, area.height - 30);
            gc.drawText(r.muscle() + "  " + num(r.p2pUv()) + " µV" + (r.present() ? " CMAP" : ""), x0 + 6, area.y + 2, true);
            gc.drawText(r.site(), x0 + 6, area.y + area.height - 16, true);
            float[] v = r.traceUv();
            if (v.length < 2) {
                continue;
            }
            // scale: at least ±250 µV, so noise stays small and a 100 µV criterion is visibly small
            double range = Math.max(250, r.p2pUv() / 2 * 1.2);
            int mid = top + h / 2;
            int[] poly = new int[2 * v.length];
            for (int i = 0; i < v.length; i++) {
                poly[2 * i] = x0 + 4 + (int) ((long) i * (w - 8) / (v.length - 1));
                poly[2 * i + 1] = mid - (int) Math.round(v[i] / range * (h / 2.0 - 14));
            }
            gc.drawPolyline(poly);
        }
    }

    /** The table, for tests. */
    Table table() {
        return table;
    }

    Combo siteCombo() {
        return site;
    }

    Button startButton() {
        return start;
    }

    String statusText() {
        return status.getText();
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String clock(double seconds) {
        long s = (long) Math.floor(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
