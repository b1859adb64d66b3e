package org.openionm.ui.alarms;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Answers the next modal dialog with a given title as a user would: reads what it says, optionally
 * types into its text field, presses a button. The dialog is the real one (it runs its own event
 * loop); this polls for it from a timer. A dialog that does not come within the bound is reported
 * (null), and one with another title is closed so the test cannot hang.
 * <p>
 * The bound is generous because it only matters for a dialog that comes late: on a loaded machine
 * the first dialog of a run took longer than the former 10 s to open, and a dialog that opens after
 * the poll gave up is never answered. A dialog that never comes still fails the test at once (the
 * action that should have opened it returns, and the test finds nothing seen). A test that expects
 * no dialog {@link #disarm disarms} its answer, so it cannot answer a later test's dialog.
 */
public final class DialogDriver {

    static final long BOUND_MS = 60_000;

    /** Armed answers still polling; an answer leaves when it answered, gave up or was disarmed. */
    private static final Set<AtomicReference<Seen>> ARMED = ConcurrentHashMap.newKeySet();

    /** What the dialog showed. */
    public record Seen(String title, List<String> labels, List<String> buttons) {
        public String text() {
            return String.join("\n", labels);
        }
    }

    private DialogDriver() {
    }

    /** Arms the answer; call before the action that opens the dialog, read the result after it returned. */
    public static AtomicReference<Seen> answer(Display display, String title, String button, String typed) {
        AtomicReference<Seen> seen = new AtomicReference<>();
        ARMED.add(seen);
        long deadline = System.currentTimeMillis() + BOUND_MS;
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            if (!ARMED.contains(seen) || display.isDisposed()) {
                return;
            }
            for (Shell s : display.getShells()) {
                if (s.isDisposed() || !s.isVisible() || s.getParent() == null) {
                    continue;
                }
                if (!title.equals(s.getText())) {
                    continue;
                }
                List<String> labels = new ArrayList<>();
                List<Button> buttons = new ArrayList<>();
                collect(s, labels, buttons);
                seen.set(new Seen(s.getText(), labels, buttons.stream().map(Button::getText).toList()));
                if (typed != null) {
                    Text field = firstText(s);
                    if (field != null) {
                        field.setText(typed);
                    }
                }
                buttons.stream().filter(b -> b.getText().replace("&", "").equals(button)).findFirst()
                        .ifPresentOrElse(b -> b.notifyListeners(SWT.Selection, new Event()), s::close);
                ARMED.remove(seen);
                return;
            }
            if (System.currentTimeMillis() < deadline) {
                display.timerExec(50, poll[0]);
            } else {
                ARMED.remove(seen);
                for (Shell s : display.getShells()) { // never hang on an unexpected dialog
                    if (!s.isDisposed() && s.getParent() != null && s.isVisible()) {
                        s.close();
                    }
                }
            }
        };
        display.timerExec(50, poll[0]);
        return seen;
    }

    /**
     * Stops an answer that is still waiting: after an action that must not ask has returned, its
     * dialog can no longer come, and the poll must not answer a dialog of a later test.
     */
    public static void disarm(AtomicReference<Seen> answer) {
        ARMED.remove(answer);
    }

    private static void collect(Composite parent, List<String> labels, List<Button> buttons) {
        for (Control c : parent.getChildren()) {
            if (c instanceof Label l) {
                labels.add(l.getText());
            } else if (c instanceof Button b) {
                buttons.add(b);
            }
            if (c instanceof Composite composite) {
                collect(composite, labels, buttons);
            }
        }
    }

    private static Text firstText(Composite parent) {
        for (Control c : parent.getChildren()) {
            if (c instanceof Text t) {
                return t;
            }
            if (c instanceof Composite composite) {
                Text t = firstText(composite);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }
}
