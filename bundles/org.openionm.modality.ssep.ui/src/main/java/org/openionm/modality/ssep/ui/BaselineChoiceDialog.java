package org.openionm.modality.ssep.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.openionm.core.processing.BaselineCandidate;
import org.openionm.core.processing.BaselineChoice;

/**
 * Issue 16, item 7: the user picks which recent averages of a site and channel form its baseline.
 * The processor lists its independent averages (time, amplitude, latency, outlier); every average
 * that is not an outlier is ticked by default; OK gives the choice, with the user, for the
 * processor ({@code ProcessorHost.captureBaseline}), which records it in the baseline's provenance.
 */
public final class BaselineChoiceDialog {

    public static final String TITLE = "Baseline from chosen averages";
    public static final String CAPTURE = "Capture baseline";

    private final Shell shell;
    private final Combo source;
    private final Table table;
    private final Label note;
    private final Button capture;
    private final List<String[]> pairs;
    private final BiFunction<String, String, List<BaselineCandidate>> lister;
    private final String user;
    private List<BaselineCandidate> shown = List.of();
    private BaselineChoice result;

    /**
     * @param pairs  site and channel of every row shown (the first is listed first)
     * @param lister the processor's candidates of a site and channel
     * @param user   who chooses: the logged-in clinician
     */
    public BaselineChoiceDialog(Shell parent, List<String[]> pairs, BiFunction<String, String, List<BaselineCandidate>> lister,
            String user) {
        this.pairs = List.copyOf(pairs);
        this.lister = lister;
        this.user = user;
        shell = new Shell(parent, SWT.DIALOG_TRIM | SWT.APPLICATION_MODAL | SWT.RESIZE);
        shell.setText(TITLE);
        shell.setLayout(new GridLayout(1, false));
        source = new Combo(shell, SWT.READ_ONLY);
        source.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        SsepRules rules = new SsepRules();
        for (String[] p : this.pairs) {
            source.add(rules.tileTitle(p[0]).replaceAll("\\s+", " ") + " — " + p[1]);
        }
        source.addListener(SWT.Selection, e -> load(source.getSelectionIndex()));
        Label help = new Label(shell, SWT.WRAP);
        help.setText("Independent averages (a whole window apart), oldest first. Ticked: every average that is not"
                + " an outlier. The baseline is the mean of the ticked ones; the choice and your name go into its provenance.");
        help.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        table = new Table(shell, SWT.CHECK | SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
        tableData.heightHint = 160;
        table.setLayoutData(tableData);
        for (String column : new String[] { "Completed", "Component", "Amplitude", "Latency", "Agreement" }) {
            new TableColumn(table, SWT.LEFT).setText(column);
        }
        table.addListener(SWT.Selection, e -> {
            if (e.detail == SWT.CHECK) {
                updateButton();
            }
        });
        note = new Label(shell, SWT.WRAP);
        note.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Composite buttons = new Composite(shell, SWT.NONE);
        buttons.setLayout(new GridLayout(2, true));
        buttons.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        capture = new Button(buttons, SWT.PUSH);
        capture.setText(CAPTURE);
        capture.addListener(SWT.Selection, e -> accept());
        Button cancel = new Button(buttons, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.addListener(SWT.Selection, e -> shell.close());
        shell.setDefaultButton(cancel); // Enter by reflex does not replace a baseline
        if (!this.pairs.isEmpty()) {
            source.select(0);
            load(0);
        } else {
            note.setText("No SSEP average yet: nothing to choose from.");
            updateButton();
        }
        shell.setSize(720, 380);
    }

    private void load(int index) {
        table.removeAll();
        String[] pair = pairs.get(index);
        String problem = "";
        try {
            shown = lister.apply(pair[0], pair[1]);
        } catch (RuntimeException e) { // e.g. no average yet in a continued acquisition, or processing busy
            shown = List.of();
            problem = String.valueOf(e.getMessage());
        }
        for (BaselineCandidate c : shown) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { clock(c.timeSeconds()), c.definition(),
                    String.format(Locale.ROOT, "%.2f µV", c.amplitudeUv()), String.format(Locale.ROOT, "%.2f ms", c.latencyMs()),
                    c.isOutlier() ? "OUTLIER: " + c.outlier() : "agrees" });
            item.setChecked(!c.isOutlier());
        }
        for (TableColumn column : table.getColumns()) {
            column.pack();
        }
        note.setText(!problem.isEmpty() ? "The averages cannot be listed: " + problem
                : shown.isEmpty() ? "No completed average with the component on this channel yet." : "");
        updateButton();
    }

    private void updateButton() {
        capture.setEnabled(!checkedTimes().isEmpty());
    }

    private List<Double> checkedTimes() {
        List<Double> times = new ArrayList<>();
        TableItem[] items = table.getItems();
        for (int i = 0; i < items.length && i < shown.size(); i++) {
            if (items[i].getChecked()) {
                times.add(shown.get(i).timeSeconds());
            }
        }
        return times;
    }

    private void accept() {
        List<Double> times = checkedTimes();
        if (times.isEmpty()) {
            return;
        }
        String[] pair = pairs.get(source.getSelectionIndex());
        result = new BaselineChoice(pair[0], pair[1], times, user);
        shell.close();
    }

    /** Opens the dialog and waits; the choice, or empty when cancelled. */
    public Optional<BaselineChoice> open() {
        shell.open();
        Display display = shell.getDisplay();
        while (!shell.isDisposed()) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
        return Optional.ofNullable(result);
    }

    /** The choice made so far (tests), null until the user captured. */
    public BaselineChoice result() {
        return result;
    }

    public Shell shell() { return shell; }

    public Table table() { return table; }

    public Combo source() { return source; }

    public Button captureButton() { return capture; }

    /** What the dialog says below the table (why nothing is listed), for tests. */
    public String noteText() { return note.getText(); }

    /** Case time as the clock reads it: h:mm:ss. */
    static String clock(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
