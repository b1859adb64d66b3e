package org.openionm.ui.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The test helper itself: a dialog that opens late (as the first dialog of a run did on a loaded
 * machine, past the former 10-s bound) is still answered, and a disarmed answer leaves a later
 * dialog of the same title alone.
 */
class DialogDriverUiTest {

    /** Later than the former bound: with it the poll had given up and the dialog waited for nobody. */
    private static final long LATE_MS = 11_000;
    /** Closes a dialog nobody answered, so that a failing run reports instead of hanging. */
    private static final int RESCUE_MS = 30_000;

    private Display display;
    private Shell shell;
    private Runnable rescue;

    @BeforeEach
    void open() {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setSize(300, 200);
        shell.open();
    }

    @AfterEach
    void close() {
        if (rescue != null) {
            display.timerExec(-1, rescue);
        }
        shell.dispose();
    }

    @Test
    void aDialogThatOpensLateIsStillAnswered() {
        AtomicReference<DialogDriver.Seen> seen = DialogDriver.answer(display, "Late question", "No", null);
        rescueAfter(RESCUE_MS);
        spinFor(LATE_MS); // the action is slow to open its dialog; the event loop runs meanwhile
        boolean answer = MessageDialog.openQuestion(shell, "Late question", "Still there?");
        assertNotNull(seen.get(), "a dialog that opened " + LATE_MS + " ms after arming was answered");
        assertTrue(seen.get().text().contains("Still there?"), seen.get().text());
        assertEquals(false, answer, "answered with the button asked for (No)");
    }

    @Test
    void aDisarmedAnswerLeavesALaterDialogAlone() {
        AtomicReference<DialogDriver.Seen> stale = DialogDriver.answer(display, "Same title", "No", null);
        DialogDriver.disarm(stale);
        AtomicReference<DialogDriver.Seen> current = DialogDriver.answer(display, "Same title", "Yes", null);
        rescueAfter(RESCUE_MS);
        boolean answer = MessageDialog.openQuestion(shell, "Same title", "Which answer?");
        assertNull(stale.get(), "the disarmed answer did not look");
        assertNotNull(current.get());
        assertEquals(true, answer, "the armed answer (Yes) was the one given");
    }

    private void rescueAfter(int ms) {
        Shell parent = shell;
        rescue = () -> {
            for (Shell s : display.getShells()) {
                if (!s.isDisposed() && s.getParent() == parent) {
                    s.close();
                }
            }
        };
        display.timerExec(ms, rescue);
    }

    private void spinFor(long ms) {
        long deadline = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < deadline) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
    }
}
