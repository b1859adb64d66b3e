package org.openionm.cases.ui;

import java.util.Arrays;
import java.util.function.BiPredicate;

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

/**
 * The login dialog at start (username and password) and the lock dialog (the locked user's password
 * only). It cannot be dismissed — not by Escape, not by the window's close box — except by a password
 * that {@code check} accepts, or by Quit when {@code quittable} (login only: the lock never hides the
 * monitoring behind an exit). Modal, but the workbench's timers go on behind it, so live traces keep
 * running while it is open.
 */
final class PasswordDialog extends Dialog {

    static final String LOGIN_TITLE = "OpenIONM — log in";
    static final String LOCK_TITLE = "OpenIONM — locked";
    private static final int QUIT_ID = IDialogConstants.CLIENT_ID + 1;

    private final String title;
    private final String intro;
    private final String fixedUser;
    private final boolean quittable;
    private final BiPredicate<String, char[]> check;
    Text username;
    Text password;
    Label problem;
    private boolean quit;

    /**
     * @param fixedUser the user who must unlock (lock dialog), or null to ask for a username (login)
     * @param check username and password → accepted; the password array is wiped afterwards
     */
    PasswordDialog(Shell parent, String title, String intro, String fixedUser, boolean quittable,
            BiPredicate<String, char[]> check) {
        super(parent);
        this.title = title;
        this.intro = intro;
        this.fixedUser = fixedUser;
        this.quittable = quittable;
        this.check = check;
        setShellStyle(SWT.DIALOG_TRIM | SWT.APPLICATION_MODAL);
        setBlockOnOpen(true);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        Label text = new Label(area, SWT.WRAP);
        text.setText(intro);
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        d.widthHint = 420;
        text.setLayoutData(d);
        new Label(area, SWT.NONE).setText("Username");
        username = new Text(area, SWT.BORDER);
        username.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        if (fixedUser != null) {
            username.setText(fixedUser);
            username.setEditable(false);
        }
        new Label(area, SWT.NONE).setText("Password");
        password = new Text(area, SWT.BORDER | SWT.PASSWORD);
        password.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        problem = new Label(area, SWT.WRAP);
        problem.setForeground(problem.getDisplay().getSystemColor(SWT.COLOR_RED));
        problem.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        (fixedUser == null ? username : password).setFocus();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        if (quittable) {
            createButton(parent, QUIT_ID, "Quit OpenIONM", false);
        }
        createButton(parent, IDialogConstants.OK_ID, fixedUser == null ? "Log in" : "Unlock", true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == QUIT_ID) {
            quit = true;
            setReturnCode(CANCEL);
            close();
        } else {
            super.buttonPressed(buttonId);
        }
    }

    @Override
    protected void okPressed() {
        char[] secret = password.getTextChars();
        boolean ok;
        try {
            ok = check.test(username.getText().trim(), secret);
        } catch (RuntimeException e) {
            problem.setText(e.getMessage());
            return;
        } finally {
            Arrays.fill(secret, '\0');
        }
        if (ok) {
            super.okPressed();
        } else {
            problem.setText(fixedUser == null ? "Wrong username or password." : "Wrong password.");
            password.setText("");
            password.setFocus();
            problem.getParent().layout(true, true);
        }
    }

    @Override
    protected void handleShellCloseEvent() {
        // Escape and the close box: the dialog stays until a password is accepted (or Quit)
    }

    boolean quitChosen() {
        return quit;
    }
}
