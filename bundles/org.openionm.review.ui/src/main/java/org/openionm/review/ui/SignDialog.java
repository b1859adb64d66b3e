package org.openionm.review.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.openionm.cases.ReportSignature;

/**
 * Asks for both components of the electronic signature (user id and password, 21 CFR 11.200: every
 * signing, whatever session is open), states what the signature means, and for an amendment the
 * reason. Only collects: the case store checks them.
 */
public final class SignDialog {

    /** What was typed; the password array is the caller's to clear. */
    public record Answer(String username, char[] password, String reason) {
    }

    private final Shell shell;
    private final Text user;
    private final Text password;
    private final Text reason;
    private final Button sign;
    private Answer answer;

    /** Builds the dialog (not yet shown); {@code amendment} adds the reason field. */
    public SignDialog(Shell parent, String caseId, String suggestedUser, boolean amendment) {
        shell = new Shell(parent, SWT.DIALOG_TRIM | SWT.APPLICATION_MODAL);
        shell.setText(amendment ? "Amend the signed report of case " + caseId : "Sign the report of case " + caseId);
        shell.setLayout(new GridLayout(2, false));
        Label meaning = new Label(shell, SWT.WRAP);
        meaning.setText("By signing you state that you have " + ReportSignature.INTERPRETED_AND_APPROVED + " this report"
                + (amendment ? " as amended" : "") + ". Your printed name, the date and time and this meaning are printed "
                + "on the report and kept in the audit trail. Enter your user name and password again.");
        GridData wide = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        wide.widthHint = 460;
        meaning.setLayoutData(wide);
        new Label(shell, SWT.NONE).setText("User name");
        user = new Text(shell, SWT.BORDER);
        user.setText(suggestedUser == null ? "" : suggestedUser);
        user.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(shell, SWT.NONE).setText("Password");
        password = new Text(shell, SWT.BORDER | SWT.PASSWORD);
        password.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        if (amendment) {
            new Label(shell, SWT.NONE).setText("Reason for the amendment");
            reason = new Text(shell, SWT.BORDER);
            reason.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        } else {
            reason = null;
        }
        Button cancel = new Button(shell, SWT.PUSH);
        cancel.setText("Cancel");
        sign = new Button(shell, SWT.PUSH);
        sign.setText(amendment ? "Sign amendment" : "Sign: " + ReportSignature.INTERPRETED_AND_APPROVED);
        sign.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false));
        shell.setDefaultButton(sign);
        Runnable enable = () -> sign.setEnabled(!user.getText().isBlank() && !password.getText().isEmpty()
                && (reason == null || !reason.getText().isBlank()));
        user.addListener(SWT.Modify, e -> enable.run());
        password.addListener(SWT.Modify, e -> enable.run());
        if (reason != null) {
            reason.addListener(SWT.Modify, e -> enable.run());
        }
        enable.run();
        cancel.addListener(SWT.Selection, e -> shell.close());
        sign.addListener(SWT.Selection, e -> {
            answer = new Answer(user.getText().strip(), password.getText().toCharArray(), reason == null ? null : reason.getText().strip());
            password.setText("");
            shell.close();
        });
        shell.pack();
        (user.getText().isEmpty() ? user : password).setFocus();
    }

    /** Shows the dialog and runs the event loop until it is closed; null when cancelled. */
    public Answer open() {
        shell.open();
        Display d = shell.getDisplay();
        while (!shell.isDisposed()) {
            if (!d.readAndDispatch()) {
                d.sleep();
            }
        }
        return answer;
    }

    public Shell shell() {
        return shell;
    }

    /** For the UI test: type into the fields and press the sign button as a user would. */
    Answer fillAndSign(String username, String pw, String why) {
        user.setText(username);
        password.setText(pw);
        if (reason != null && why != null) {
            reason.setText(why);
        }
        if (!sign.isEnabled()) {
            return null;
        }
        sign.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        return answer;
    }
}
