package org.openionm.ui.about;

import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.osgi.framework.FrameworkUtil;

/** About OpenIONM: version, runtime, and the installed amplifier drivers and modalities. */
public class AboutDialog extends Dialog {

    private final List<InstalledComponents.Entry> entries;
    private Table table;

    public AboutDialog(Shell parent, List<InstalledComponents.Entry> entries) {
        super(parent);
        this.entries = List.copyOf(entries);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("About OpenIONM");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(1, false));
        Label title = new Label(area, SWT.NONE);
        title.setText("OpenIONM " + FrameworkUtil.getBundle(AboutDialog.class).getVersion()
                + " — open intraoperative neuromonitoring workbench");
        Label status = new Label(area, SWT.WRAP);
        status.setText("NOT FOR CLINICAL USE. OpenIONM has no regulatory clearance as a medical device; use it for"
                + " research, teaching and development only, never to make decisions about a patient.");
        status.setData("org.eclipse.e4.ui.css.CssClassName", "Heading");
        GridData statusData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        statusData.widthHint = 760;
        status.setLayoutData(statusData);
        Label runtime = new Label(area, SWT.NONE);
        runtime.setText("Java " + System.getProperty("java.version") + ", SWT " + SWT.getPlatform() + " " + SWT.getVersion());
        Label installed = new Label(area, SWT.NONE);
        long drivers = entries.stream().filter(e -> e.kind().equals(InstalledComponents.DRIVER)).count();
        long modalities = entries.size() - drivers;
        installed.setText("Installed: " + count(drivers, "amplifier driver") + ", " + count(modalities, "modality plugin")
                + (modalities == 0 ? " (no SSEP/MEP/EMG/EEG processing in this installation)" : ""));
        table = new Table(area, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        for (String heading : new String[] { "Kind", "Name", "Id", "Bundle", "Version" }) {
            new TableColumn(table, SWT.LEFT).setText(heading);
        }
        for (InstalledComponents.Entry e : entries) {
            new TableItem(table, SWT.NONE).setText(new String[] { e.kind(), e.name(), e.id(), e.bundle(), e.version() });
        }
        for (TableColumn column : table.getColumns()) {
            column.pack();
        }
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.heightHint = 160;
        data.widthHint = 760;
        table.setLayoutData(data);
        return area;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    /** The table's rows, for tests. */
    Table table() {
        return table;
    }
}
