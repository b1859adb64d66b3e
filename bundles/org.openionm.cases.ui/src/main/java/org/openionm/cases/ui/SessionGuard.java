package org.openionm.cases.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;
import org.openionm.cases.CaseWorkbench;
import org.openionm.cases.User;
import org.openionm.cases.UserSession;

/**
 * Who is at the keyboard, on the UI side: logs in at start (the demo technologist by itself where the
 * site allows the demo login, otherwise a login dialog), reports every key press and click to the
 * session, checks for inactivity once a second and, when the session locks, shows the lock dialog
 * until the user's password unlocks it. The session decides (limit, lock, password); this class only
 * asks it. Time comes from {@link #clock}, so tests move it instead of waiting.
 */
final class SessionGuard {

    static final int CHECK_MS = 1000;
    /** Mouse moves come in floods; one touch a second is enough for an inactivity limit of minutes. */
    static final Duration TOUCH_EVERY = Duration.ofSeconds(1);
    private static final int[] ACTIVITY = { SWT.KeyDown, SWT.MouseDown, SWT.MouseWheel, SWT.MouseMove };

    private final Display display;
    private final CaseWorkbench workbench;
    private final Supplier<Shell> parent;
    private final Runnable quit;
    Clock clock = Clock.systemUTC();
    private final Listener activity = this::activity;
    private Instant lastTouch = Instant.MIN;
    private PasswordDialog dialog;
    private boolean recoveryShown;
    private boolean started;

    /**
     * @param parent the workbench window's shell (dialogs are modal to it)
     * @param quit what Quit in the login dialog does (closes the workbench)
     */
    SessionGuard(Display display, CaseWorkbench workbench, Supplier<Shell> parent, Runnable quit) {
        this.display = display;
        this.workbench = workbench;
        this.parent = parent;
        this.quit = quit;
    }

    /** Installs the activity filter and the inactivity check, and logs in (once the database is open). UI thread. */
    void start() {
        if (started) {
            return;
        }
        started = true;
        for (int type : ACTIVITY) {
            display.addFilter(type, activity);
        }
        display.timerExec(CHECK_MS, this::tick);
        display.asyncExec(this::loginWhenReady);
    }

    void stop() {
        if (!display.isDisposed()) {
            for (int type : ACTIVITY) {
                display.removeFilter(type, activity);
            }
        }
        started = false;
    }

    private UserSession session() {
        return workbench.session();
    }

    private Instant now() {
        return clock.instant();
    }

    private void activity(Event e) {
        Instant now = now();
        if (e.type == SWT.MouseMove && now.isBefore(lastTouch.plus(TOUCH_EVERY))) {
            return;
        }
        lastTouch = now;
        if (session().user().isPresent() && !session().locked()) {
            session().touch(now);
        }
    }

    /** The database opens in the background; accounts live in it, so login waits for it. */
    private void loginWhenReady() {
        if (!started || display.isDisposed()) {
            return;
        }
        if (workbench.database().isEmpty()) {
            display.timerExec(250, this::loginWhenReady);
            return;
        }
        loginAtStart();
        showRecoveryOnce();
    }

    /** Demo login where the site allows it, otherwise the login dialog until someone logs in (or quits). */
    void loginAtStart() {
        if (session().user().isPresent()) {
            return;
        }
        try {
            session().loginDemo(now());
        } catch (IllegalStateException | UnsupportedOperationException e) {
            // the site turned the demo login off: a real login is needed
            loginWithPassword();
            return;
        }
        openDemoCase();
    }

    /** The demo workbench monitors its synthetic demo case (continued after a restart), recorded like any case. */
    private void openDemoCase() {
        if (workbench.currentCase().isPresent()) {
            return;
        }
        try {
            workbench.openDemoCase();
        } catch (RuntimeException e) {
            MessageDialog.openError(parent.get(), "Demo case", "The demo case could not be opened: " + e.getMessage());
        }
    }

    private void loginWithPassword() {
        dialog = new PasswordDialog(parent.get(), PasswordDialog.LOGIN_TITLE,
                "Log in to OpenIONM. Cases, events and settings changes are recorded under your name.", null, true,
                (user, password) -> session().login(user, password, now()).isPresent());
        try {
            dialog.open();
            if (dialog.quitChosen()) {
                quit.run();
            }
        } finally {
            dialog = null;
        }
    }

    /** What was recovered from interrupted recordings, shown once at start. */
    void showRecoveryOnce() {
        if (recoveryShown) {
            return;
        }
        recoveryShown = true;
        List<String> messages = workbench.recoveryMessages();
        if (!messages.isEmpty()) {
            MessageDialog.openInformation(parent.get(), "Recordings recovered",
                    "OpenIONM was not closed normally last time. These recordings were repaired and attached to their cases:\n\n• "
                            + String.join("\n• ", messages));
        }
    }

    private void tick() {
        if (!started || display.isDisposed()) {
            return;
        }
        checkIdle();
        display.timerExec(CHECK_MS, this::tick);
    }

    /** Locks the session when it has been idle too long, and shows the lock dialog while it is locked. UI thread. */
    void checkIdle() {
        if (dialog != null) {
            return; // a login or lock dialog is already open (this runs from its event loop too)
        }
        Optional<User> user = session().user();
        if (user.isEmpty()) {
            return;
        }
        if (!session().locked() && !session().lockIfIdle(now())) {
            return;
        }
        long minutes = session().inactivityLimit().toMinutes();
        dialog = new PasswordDialog(parent.get(), PasswordDialog.LOCK_TITLE, "Locked after " + minutes + " min without "
                + "activity. Monitoring and recording go on behind this window.\n" + user.get().signature()
                + ": enter your password to unlock.", user.get().username(), false,
                (name, password) -> session().unlock(password, now()));
        try {
            if (dialog.open() == Window.OK) {
                lastTouch = now();
            }
        } finally {
            dialog = null;
        }
    }

    /** The dialog shown now (login or lock), for tests. */
    PasswordDialog dialog() {
        return dialog;
    }
}
