package org.openionm.cases.ui;

import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Widget;

/** Driving widgets as a user would, without SWTBot: set, then send the event the widget would send. */
final class Ui {

    static final long TIMEOUT_MS = 10_000;

    private Ui() {
    }

    /** Runs the event loop until {@code condition} holds; fails after {@link #TIMEOUT_MS}. */
    static void spinUntil(BooleanSupplier condition, String what) {
        Display display = Display.getDefault();
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> {
                });
                display.sleep();
            }
        }
    }

    /** Lets pending asyncExec runnables run. */
    static void flush() {
        Display display = Display.getDefault();
        while (display.readAndDispatch()) {
            // drain
        }
    }

    static void type(Text text, String value) {
        text.setText(value); // fires Modify
    }

    static void choose(Combo combo, String item) {
        int i = combo.indexOf(item);
        if (i < 0) {
            throw new AssertionError("'" + item + "' is not offered: " + java.util.List.of(combo.getItems()));
        }
        combo.select(i);
        combo.notifyListeners(SWT.Selection, new Event());
    }

    static void click(Widget button) {
        button.notifyListeners(SWT.Selection, new Event());
    }

    /** Enter in a single-line text. */
    static void enter(Text text) {
        text.notifyListeners(SWT.DefaultSelection, new Event());
    }

    /** A key press as the display's filters and the widget see it. */
    static void key(Widget w, char character, int keyCode, int stateMask) {
        Event e = new Event();
        e.character = character;
        e.keyCode = keyCode;
        e.stateMask = stateMask;
        e.widget = w;
        w.notifyListeners(SWT.KeyDown, e);
    }

    static Shell shell(int width, int height) {
        Shell shell = new Shell(Display.getDefault());
        shell.setLayout(new org.eclipse.swt.layout.FillLayout());
        shell.setSize(width, height);
        return shell;
    }
}
