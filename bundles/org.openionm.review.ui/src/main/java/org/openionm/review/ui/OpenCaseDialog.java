package org.openionm.review.ui;

import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.openionm.cases.CaseRecording;
import org.openionm.cases.CaseStore;
import org.openionm.cases.MonitoringCase;

/**
 * Chooses a case (searchable list, newest first, as in Setup ▸ Cases) and one of its recording
 * segments. Runs the display's event loop while open, so live traces go on behind it.
 */
final class OpenCaseDialog {

    /** The case and segment chosen. */
    record Choice(String caseId, CaseRecording recording) {
    }

    private final Shell parent;
    private final CaseStore store;
    private List<MonitoringCase> cases = List.of();
    private List<CaseRecording> recordings = List.of();
    private Choice choice;

    OpenCaseDialog(Shell parent, CaseStore store) {
        this.parent = parent;
        this.store = store;
    }

    /** The choice, or null when cancelled. */
    Choice open() {
        Shell shell = new Shell(parent, SWT.DIALOG_TRIM | SWT.APPLICATION_MODAL | SWT.RESIZE);
        shell.setText("Open a case for review");
        shell.setLayout(new GridLayout(2, true));
        Text search = new Text(shell, SWT.BORDER | SWT.SEARCH);
        search.setMessage("Case id, patient, MRN or procedure");
        search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        new Label(shell, SWT.NONE).setText("Cases");
        new Label(shell, SWT.NONE).setText("Recordings of the case");
        org.eclipse.swt.widgets.List caseList = new org.eclipse.swt.widgets.List(shell, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
        caseList.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        org.eclipse.swt.widgets.List segmentList = new org.eclipse.swt.widgets.List(shell, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
        segmentList.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Button ok = new Button(shell, SWT.PUSH);
        ok.setText("Review");
        ok.setEnabled(false);
        Button cancel = new Button(shell, SWT.PUSH);
        cancel.setText("Cancel");

        Runnable fill = () -> {
            cases = store.search(search.getText().strip(), 200);
            caseList.removeAll();
            for (MonitoringCase c : cases) {
                caseList.add(String.format(Locale.ROOT, "%s  %s · MRN %s  %s  %s", c.id(), c.patient().initials(), c.patient().mrn(),
                        c.details().procedure().type(), c.state()));
            }
            segmentList.removeAll();
            ok.setEnabled(false);
        };
        search.addListener(SWT.Modify, e -> fill.run());
        caseList.addListener(SWT.Selection, e -> {
            int i = caseList.getSelectionIndex();
            recordings = i < 0 ? List.of() : store.recordings(cases.get(i).id());
            segmentList.removeAll();
            for (CaseRecording r : recordings) {
                segmentList.add(String.format(Locale.ROOT, "%d  %s  %.0f s%s", r.segment(), r.file().getFileName(), r.seconds(),
                        r.recovered() ? "  (recovered)" : ""));
            }
            if (!recordings.isEmpty()) {
                segmentList.select(0);
            }
            ok.setEnabled(!recordings.isEmpty());
        });
        segmentList.addListener(SWT.Selection, e -> ok.setEnabled(segmentList.getSelectionIndex() >= 0));
        ok.addListener(SWT.Selection, e -> {
            choice = new Choice(cases.get(caseList.getSelectionIndex()).id(), recordings.get(segmentList.getSelectionIndex()));
            shell.close();
        });
        cancel.addListener(SWT.Selection, e -> shell.close());
        fill.run();
        shell.setSize(900, 500);
        shell.open();
        Display d = shell.getDisplay();
        while (!shell.isDisposed()) {
            if (!d.readAndDispatch()) {
                d.sleep();
            }
        }
        return choice;
    }
}
