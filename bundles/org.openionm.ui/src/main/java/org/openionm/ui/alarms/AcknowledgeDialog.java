package org.openionm.ui.alarms;

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
import org.eclipse.swt.widgets.Text;
import org.openionm.alarm.Alarm;
import org.openionm.alarm.AlarmText;

/**
 * Acknowledging is a clinical statement ("I have seen this"), so the dialog names every alarm it
 * acknowledges — one, or all of them for "Acknowledge all" — and who it will be attributed to, and
 * takes an optional note. Nothing is acknowledged unless the user presses Acknowledge.
 */
public final class AcknowledgeDialog extends Dialog {

    public static final String TITLE_ONE = "Acknowledge alarm";
    public static final String TITLE_ALL = "Acknowledge all alarms";
    public static final String ACKNOWLEDGE = "Acknowledge";

    private final List<Alarm> alarms;
    private final Actor actor;
    private final boolean all;
    private Text note;
    private String noteText = "";

    public AcknowledgeDialog(Shell parent, List<Alarm> alarms, Actor actor, boolean all) {
        super(parent);
        if (alarms.isEmpty()) {
            throw new IllegalArgumentException("nothing to acknowledge");
        }
        this.alarms = List.copyOf(alarms);
        this.actor = actor;
        this.all = all;
    }

    /** The line that names an alarm in the dialogs: finding, state and when it was raised. */
    public static String line(Alarm a) {
        return AlarmText.banner(a) + "   (raised " + AlarmText.clock(a.raisedSeconds()) + ")";
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(all ? TITLE_ALL : TITLE_ONE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(1, false));
        label(area, all ? "Acknowledge these " + alarms.size() + " alarms?" : "Acknowledge this alarm?");
        for (Alarm a : alarms) {
            Label l = label(area, "  \u2022 " + line(a));
            l.setToolTipText(AlarmText.details(a));
        }
        label(area, "Attributed to: " + actor.describe());
        label(area, "Note (optional), e.g. what was done:");
        note = new Text(area, SWT.BORDER | SWT.SINGLE);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 520;
        note.setLayoutData(data);
        return area;
    }

    private static Label label(Composite parent, String text) {
        Label l = new Label(parent, SWT.WRAP);
        l.setText(text);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 620;
        l.setLayoutData(data);
        return l;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, ACKNOWLEDGE, false);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, true);
    }

    @Override
    protected void okPressed() {
        noteText = note.getText().trim();
        super.okPressed();
    }

    /** The note entered, empty when none; valid after OK. */
    public String note() {
        return noteText;
    }

    /** The note the log gets: where it was acknowledged, and what was typed. */
    public String logNote(String where) {
        return noteText.isEmpty() ? where : where + ": " + noteText;
    }
}
