package org.openionm.ui.alarms;

import java.util.ArrayList;
import java.util.List;
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
 */
public final class DialogDriver {

    static final long BOUND_MS = 10_000;

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
        long deadline = System.currentTimeMillis() + BOUND_MS;
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
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
                return;
            }
            if (System.currentTimeMillis() < deadline) {
                display.timerExec(50, poll[0]);
            } else {
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
