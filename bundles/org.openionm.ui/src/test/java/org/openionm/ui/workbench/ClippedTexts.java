package org.openionm.ui.workbench;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;

/**
 * Finds the texts a user sees cut (issue 16, item 11): every visible Label, CLabel and Button whose
 * preferred size (its whole text) is larger than the bounds it got, or which reaches past its parent's
 * client area, and every table or tree column header narrower than its text. Measured by SWT itself
 * ({@code computeSize}, {@code textExtent}) on the real widgets, so the font and theme are the ones drawn.
 */
final class ClippedTexts {

    /** Pixels a GTK column header needs besides its text (padding and the sort arrow's gap). */
    static final int HEADER_PADDING = 8;

    private ClippedTexts() {
    }

    /** Texts measured so far by {@link #find}, so a test can tell that it looked at something. */
    static int measured;

    static List<String> find(Control root) {
        List<String> found = new ArrayList<>();
        walk(root, found);
        return found;
    }

    private static void walk(Control control, List<String> found) {
        if (!control.isVisible()) {
            return;
        }
        String text = textOf(control);
        if (text != null && !text.isBlank()) {
            measured++;
            Rectangle b = control.getBounds();
            boolean wraps = (control.getStyle() & SWT.WRAP) != 0;
            Point pref = wraps ? control.computeSize(b.width, SWT.DEFAULT) : control.computeSize(SWT.DEFAULT, SWT.DEFAULT);
            if ((!wraps && pref.x > b.width) || pref.y > b.height) {
                found.add(describe(control, text) + ": needs " + pref.x + "×" + pref.y + ", got " + b.width + "×" + b.height);
            } else if (control.getParent() != null && !(control.getParent() instanceof org.eclipse.swt.widgets.Shell)) {
                Rectangle area = control.getParent().getClientArea();
                if (b.x + b.width > area.x + area.width || b.y + b.height > area.y + area.height) {
                    found.add(describe(control, text) + ": at " + b + " reaches past its parent's " + area);
                }
            }
        }
        if (control instanceof Table table && table.getHeaderVisible()) {
            GC gc = new GC(table);
            try {
                for (TableColumn column : table.getColumns()) {
                    header(found, control, column.getText(), column.getWidth(), gc);
                }
            } finally {
                gc.dispose();
            }
        }
        if (control instanceof Tree tree && tree.getHeaderVisible()) {
            GC gc = new GC(tree);
            try {
                for (TreeColumn column : tree.getColumns()) {
                    header(found, control, column.getText(), column.getWidth(), gc);
                }
            } finally {
                gc.dispose();
            }
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                walk(child, found);
            }
        }
    }

    private static void header(List<String> found, Control table, String text, int width, GC gc) {
        if (text == null || text.isBlank() || width == 0) {
            return; // a hidden column (width 0) shows nothing to cut
        }
        int needs = gc.textExtent(text).x + HEADER_PADDING;
        if (needs > width) {
            found.add(describe(table, text) + " column header: needs " + needs + ", got " + width);
        }
    }

    private static String textOf(Control control) {
        if (control instanceof Label label && (label.getStyle() & SWT.SEPARATOR) == 0) {
            return label.getText();
        }
        if (control instanceof CLabel label) {
            return label.getText();
        }
        if (control instanceof Button button) {
            return button.getText();
        }
        return null;
    }

    /** The text, the widget's class and the model element (part) it lives in. */
    static String describe(Control control, String text) {
        String where = "?";
        for (Control c = control; c != null; c = c.getParent()) {
            if (c.getData("modelElement") instanceof MUIElement element && element.getElementId() != null) {
                where = element.getElementId();
                break;
            }
        }
        return control.getClass().getSimpleName() + " '" + text.replace('\n', ' ') + "' in " + where;
    }
}
