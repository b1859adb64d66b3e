package org.openionm.cases.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Login at start and the inactivity lock, with the session's time moved by the test (no waiting):
 * the dialogs are modal, so what a user would do in them is scheduled on the event loop before they open.
 */
class SessionGuardUiTest {

    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    private final TestCaseWorkbench service = new TestCaseWorkbench();
    private final Display display = Display.getDefault();
    private Shell window;
    private SessionGuard guard;
    private Instant now = T0;
    private int quits;
    private final List<String> seen = new ArrayList<>();
    private Throwable failure;

    @AfterEach
    void close() {
        if (guard != null) {
            guard.stop();
        }
        for (Shell s : display.getShells()) {
            s.dispose();
        }
    }

    private void open() {
        window = Ui.shell(800, 600);
        Text somewhere = new Text(window, SWT.BORDER);
        somewhere.setText("a field of the workbench");
        window.open();
        guard = new SessionGuard(display, service, () -> window, () -> quits++);
        guard.clock = new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
    }

    /** Runs {@code step} on the dialog once it is open (bounded wait); it returns true when done with it. */
    private void whenDialogOpens(Predicate<PasswordDialog> step) {
        long deadline = System.currentTimeMillis() + Ui.TIMEOUT_MS;
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            PasswordDialog d = guard.dialog();
            try {
                if (d != null && d.getShell() != null && d.getShell().isVisible() && step.test(d)) {
                    return;
                }
            } catch (Throwable t) {
                failure = t;
                d.getShell().dispose();
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                failure = new AssertionError("the dialog did not open or close as expected; seen: " + seen);
                if (d != null && d.getShell() != null) {
                    d.getShell().dispose();
                }
                return;
            }
            display.timerExec(50, poll[0]);
        };
        display.timerExec(50, poll[0]);
    }

    private static Button button(Composite parent, String text) {
        for (Control c : parent.getChildren()) {
            if (c instanceof Button b && b.getText().equals(text)) {
                return b;
            }
            if (c instanceof Composite comp) {
                Button found = button(comp, text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void theDemoTechnologistIsLoggedInByItselfWhereTheSiteAllowsIt() {
        open();
        guard.loginAtStart();
        assertEquals(TestCaseWorkbench.DEMO, service.session.user().orElseThrow());
        assertNull(guard.dialog());
        assertEquals(1, service.demoCasesOpened, "the demo login opens the demo case");
    }

    @Test
    void otherwiseTheLoginDialogAsksUntilAPasswordIsRight() {
        service.session.demoAllowed = false;
        open();
        whenDialogOpens(d -> {
            assertEquals(PasswordDialog.LOGIN_TITLE, d.getShell().getText());
            if (seen.isEmpty()) {
                d.username.setText("jroe");
                d.password.setText("wrong");
                Ui.click(button(d.getShell(), "Log in"));
                assertEquals("Wrong username or password.", d.problem.getText());
                assertTrue(d.getShell().isVisible(), "a wrong password does not close it");
                d.getShell().close(); // the window's close box (and Escape) do not dismiss it either
                assertTrue(d.getShell() != null && d.getShell().isVisible());
                seen.add("refused");
                return false;
            }
            d.password.setText(TestCaseWorkbench.JANE_PASSWORD);
            Ui.click(button(d.getShell(), "Log in"));
            seen.add("accepted");
            return true;
        });
        guard.loginAtStart(); // blocks in the dialog until the steps above log in
        assertNull(failure);
        assertEquals(List.of("refused", "accepted"), seen);
        assertEquals(TestCaseWorkbench.JANE, service.session.user().orElseThrow());
        assertEquals(0, quits);
        assertEquals(0, service.demoCasesOpened, "a real login opens no case by itself");
    }

    @Test
    void quitInTheLoginDialogQuits() {
        service.session.demoAllowed = false;
        open();
        whenDialogOpens(d -> {
            Ui.click(button(d.getShell(), "Quit OpenIONM"));
            return true;
        });
        guard.loginAtStart();
        assertNull(failure);
        assertEquals(1, quits);
        assertTrue(service.session.user().isEmpty());
    }

    @Test
    void activityKeepsTheSessionOpenAndIdlenessLocksItUntilThePasswordUnlocks() {
        service.session.demoAllowed = false;
        open();
        service.session.login("jroe", TestCaseWorkbench.JANE_PASSWORD.toCharArray(), T0);
        guard.start();

        now = T0.plus(Duration.ofMinutes(5));
        Text field = (Text) window.getChildren()[0];
        Ui.key(field, 'x', 'x', 0); // a key press anywhere in the workbench is activity
        assertEquals(List.of(now), service.session.touches);

        now = T0.plus(Duration.ofMinutes(14));
        guard.checkIdle();
        assertFalse(service.session.locked(), "9 min after the last key press: not idle yet");
        assertNull(guard.dialog());

        now = T0.plus(Duration.ofMinutes(15));
        whenDialogOpens(d -> {
            assertEquals(PasswordDialog.LOCK_TITLE, d.getShell().getText());
            assertTrue(service.session.locked());
            assertEquals("jroe", d.username.getText());
            assertFalse(d.username.getEditable(), "only the locked user can unlock");
            assertEquals(null, button(d.getShell(), "Quit OpenIONM"), "no quitting from the lock");
            if (seen.isEmpty()) {
                d.password.setText("guess");
                Ui.click(button(d.getShell(), "Unlock"));
                assertEquals("Wrong password.", d.problem.getText());
                assertTrue(service.session.locked());
                seen.add("refused");
                return false;
            }
            d.password.setText(TestCaseWorkbench.JANE_PASSWORD);
            Ui.click(button(d.getShell(), "Unlock"));
            seen.add("unlocked");
            return true;
        });
        guard.checkIdle(); // 10 min after the last activity: locks and blocks in the lock dialog
        assertNull(failure);
        assertEquals(List.of("refused", "unlocked"), seen);
        assertFalse(service.session.locked());
        assertEquals(TestCaseWorkbench.JANE, service.session.actor());
    }

    @Test
    void recoveredRecordingsAreReportedOnce() {
        service.recovery = List.of("C0007 segment 2: repaired (record count 1804, partial last record dropped), 30 min 4 s");
        open();
        List<String> shown = new ArrayList<>();
        Runnable[] poll = new Runnable[1];
        long deadline = System.currentTimeMillis() + Ui.TIMEOUT_MS;
        poll[0] = () -> {
            for (Shell s : display.getShells()) {
                if (s.getText().equals("Recordings recovered") && s.isVisible()) {
                    shown.add(texts(s));
                    Ui.click(button(s, IDialogConstants.OK_LABEL));
                    return;
                }
            }
            if (System.currentTimeMillis() < deadline) {
                display.timerExec(50, poll[0]);
            }
        };
        display.timerExec(50, poll[0]);
        guard.showRecoveryOnce();
        guard.showRecoveryOnce();
        assertEquals(1, shown.size());
        assertTrue(shown.get(0).contains("C0007 segment 2: repaired (record count 1804"), shown.get(0));
    }

    private static String texts(Composite parent) {
        StringBuilder sb = new StringBuilder();
        for (Control c : parent.getChildren()) {
            if (c instanceof org.eclipse.swt.widgets.Label l) {
                sb.append(l.getText()).append('\n');
            } else if (c instanceof Composite comp) {
                sb.append(texts(comp));
            }
        }
        return sb.toString();
    }
}
