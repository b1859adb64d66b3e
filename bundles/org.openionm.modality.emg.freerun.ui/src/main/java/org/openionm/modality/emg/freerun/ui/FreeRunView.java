package org.openionm.modality.emg.freerun.ui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.openionm.core.processing.DetectedEvent;
import org.openionm.ui.widgets.trace.TraceBuffer;

/**
 * The free-run EMG view's widgets: a row of big train-time counters (one per channel, coloured by the
 * preset: amber past "mild", red past the alarm threshold, grey with CAUTERY while it lasts), the strips
 * and the discharge list. It draws what {@link FreeRunModel} holds; {@link #refresh} is called by the
 * part's display timer.
 */
final class FreeRunView {

    static final RGB MILD = new RGB(240, 170, 0);
    static final RGB SEVERE = new RGB(220, 30, 30);
    static final RGB CAUTERY = new RGB(128, 128, 128);

    final Composite root;
    final Composite counters;
    final Composite toolbar;
    final StripCanvas strips;
    final Table list;
    private final Font big;
    /** The values' font where the big one does not fit every counter in one row (a narrow tab). */
    private final Font medium;
    private final List<Label[]> counterLabels = new ArrayList<>();
    private final Color mild;
    private final Color severe;
    private final Color cautery;
    private long shownRevision = -1;

    FreeRunView(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        toolbar = new Composite(root, SWT.NONE);
        toolbar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        toolbar.setLayout(new GridLayout(6, false));
        counters = new Composite(root, SWT.NONE);
        counters.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        counters.setLayout(new GridLayout(1, true));
        counters.addListener(SWT.Resize, e -> fitCounterColumns());
        FontData fd = parent.getDisplay().getSystemFont().getFontData()[0];
        big = new Font(parent.getDisplay(), fd.getName(), Math.max(22, fd.getHeight() * 3), SWT.BOLD);
        medium = new Font(parent.getDisplay(), fd.getName(), Math.max(14, fd.getHeight() * 2), SWT.BOLD);
        mild = new Color(MILD);
        severe = new Color(SEVERE);
        cautery = new Color(CAUTERY);
        strips = new StripCanvas(root);
        GridData sd = new GridData(SWT.FILL, SWT.FILL, true, true);
        sd.heightHint = 260;
        strips.setLayoutData(sd);
        list = new Table(root, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        GridData ld = new GridData(SWT.FILL, SWT.FILL, true, false);
        ld.heightHint = 150;
        list.setLayoutData(ld);
        list.setHeaderVisible(true);
        for (String[] c : new String[][] { { "Time", "90" }, { "Channel", "90" }, { "Kind", "120" }, { "Duration", "80" },
                { "Peak", "80" } }) {
            TableColumn col = new TableColumn(list, SWT.LEFT);
            col.setText(c[0]);
            col.setWidth(Integer.parseInt(c[1]));
        }
        root.addDisposeListener(e -> {
            big.dispose();
            medium.dispose();
            mild.dispose();
            severe.dispose();
            cautery.dispose();
        });
    }

    /** Shows the model (counters, list) and the signal; cheap when nothing changed. */
    void refresh(FreeRunModel model, TraceBuffer buffer, List<String> channels) {
        List<FreeRunModel.Counter> cs = model.counters();
        Set<String> inCautery = new HashSet<>();
        cs.stream().filter(FreeRunModel.Counter::cautery).forEach(c -> inCautery.add(c.channel()));
        List<DetectedEvent> events = model.events();
        strips.show(buffer, channels, events, inCautery, model.aTrainsInProgress());
        if (model.revision() == shownRevision) {
            return;
        }
        shownRevision = model.revision();
        updateCounters(cs);
        updateList(events);
    }

    /** The counter texts, for tests: channel, value, state. */
    List<String> counterTexts() {
        List<String> out = new ArrayList<>();
        for (Label[] l : counterLabels) {
            out.add(l[0].getText() + " " + l[1].getText() + " " + l[2].getText());
        }
        return out;
    }

    private void updateCounters(List<FreeRunModel.Counter> cs) {
        if (counterLabels.size() != cs.size()) {
            for (var c : counters.getChildren()) {
                c.dispose();
            }
            counterLabels.clear();
            ((GridLayout) counters.getLayout()).numColumns = Math.max(1, cs.size());
            for (int i = 0; i < cs.size(); i++) {
                Composite box = new Composite(counters, SWT.BORDER);
                box.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
                box.setLayout(new GridLayout(1, false));
                // name and thresholds wrap in a narrow box (four channels in the 460-px tab at 1280×800)
                Label name = new Label(box, SWT.WRAP);
                name.setLayoutData(wrapping());
                Label value = new Label(box, SWT.NONE);
                value.setFont(big);
                value.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
                Label state = new Label(box, SWT.WRAP);
                state.setLayoutData(wrapping());
                counterLabels.add(new Label[] { name, value, state });
            }
        }
        for (int i = 0; i < cs.size(); i++) {
            FreeRunModel.Counter c = cs.get(i);
            Label[] l = counterLabels.get(i);
            l[0].setText(c.channel() + " · train time");
            l[1].setText(c.text());
            String state = c.cautery() ? "CAUTERY: not counting"
                    : switch (c.level()) {
                        case SEVERE -> "ABOVE ALARM · " + c.thresholdsText();
                        case MILD -> "above mild · " + c.thresholdsText();
                        default -> c.thresholdsText();
                    };
            l[2].setText(state);
            l[1].setForeground(c.cautery() ? cautery : c.level() == FreeRunModel.Level.SEVERE ? severe
                    : c.level() == FreeRunModel.Level.MILD ? mild : null);
            l[1].setToolTipText("Cumulative A-train duration on " + c.channel() + " (" + c.thresholdsText() + ")");
        }
        fitCounterColumns();
        counters.layout(true, true);
        root.layout(true, true);
    }

    private static GridData wrapping() {
        GridData d = new GridData(SWT.FILL, SWT.TOP, true, false);
        d.widthHint = 1; // takes the box's width, wraps to it, never widens the box
        return d;
    }

    /**
     * Every counter in one row, with the big values where they fit and smaller ones where they do not (a
     * narrow tab at 1280×800); only when even those do not fit, as many side by side as fit and the rest
     * in further rows. A counter's value is never cut at the tab's edge, and the counters stay one row
     * high wherever they can, leaving the strips their height.
     */
    private void fitCounterColumns() {
        if (counterLabels.isEmpty()) {
            return;
        }
        GridLayout grid = (GridLayout) counters.getLayout();
        int available = counters.getClientArea().width - 2 * grid.marginWidth;
        fontChanged = false;
        int columns = 1;
        for (Font font : new Font[] { big, medium }) {
            columns = columnsThatFit(font, available, grid);
            if (columns >= counterLabels.size()) {
                break;
            }
        }
        if (columns != grid.numColumns || fontChanged) { // a new font needs a new height too
            grid.numColumns = columns;
            counters.layout(true, true);
            root.layout(true, true);
        }
    }

    private boolean fontChanged;

    /** Counters side by side with their values in {@code font} (set on them) within {@code available} pixels. */
    private int columnsThatFit(Font font, int available, GridLayout grid) {
        int widest = 0;
        for (Label[] l : counterLabels) {
            if (l[1].getFont() != font) {
                l[1].setFont(font);
                fontChanged = true;
            }
            Composite box = l[1].getParent();
            GridLayout boxGrid = (GridLayout) box.getLayout();
            int chrome = 2 * box.getBorderWidth() + 2 * boxGrid.marginWidth;
            widest = Math.max(widest, l[1].computeSize(SWT.DEFAULT, SWT.DEFAULT).x + chrome);
        }
        return Math.max(1, Math.min(counterLabels.size(), (available + grid.horizontalSpacing) / (widest + grid.horizontalSpacing)));
    }

    /** The values' font height in points (for tests: smaller in a narrow tab). */
    int valueFontHeight() {
        return counterLabels.isEmpty() ? 0 : counterLabels.get(0)[1].getFont().getFontData()[0].getHeight();
    }

    /** Counters side by side (for tests). */
    int counterColumns() {
        return ((GridLayout) counters.getLayout()).numColumns;
    }

    private void updateList(List<DetectedEvent> events) {
        list.setRedraw(false);
        try {
            list.removeAll();
            for (DetectedEvent e : events) {
                TableItem item = new TableItem(list, SWT.NONE);
                item.setText(new String[] { time(e.timeSeconds()), e.channel(), e.kind(),
                        String.format(Locale.ROOT, "%.3f s", e.durationSeconds()),
                        Double.isNaN(e.peakUv()) ? "" : Math.round(e.peakUv()) + " µV" });
            }
        } finally {
            list.setRedraw(true);
        }
    }

    static String time(double seconds) {
        long s = (long) Math.floor(seconds);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%01d", s / 3600, s / 60 % 60, s % 60,
                (long) Math.floor((seconds - s) * 10));
    }
}
