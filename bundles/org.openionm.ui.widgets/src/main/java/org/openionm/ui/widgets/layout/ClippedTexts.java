package org.openionm.ui.widgets.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;

/**
 * Finds the texts a user sees cut (issue 16, item 11): every visible Label, CLabel and Button whose
 * preferred size (its whole text) is larger than the bounds it got, or which reaches past its parent's
 * client area (or that of a composite further up, short of a ScrolledComposite), and every table or tree
 * column header narrower than its text (in bold, as GTK draws headers). Measured by SWT itself
 * ({@code computeSize}, {@code textExtent}) on the real widgets, so the font and theme are the ones drawn.
 * One checker for the shell's walk and the modality and reading-room bundles' own layout tests.
 *
 * @since 0.4.0
 */
public final class ClippedTexts {

    /** Pixels a GTK column header needs besides its text (padding and the sort arrow's gap). */
    public static final int HEADER_PADDING = 8;

    /**
     * What one walk found.
     *
     * @param clipped one line per cut text: the text, its widget, where it lives and the sizes
     * @param measured how many texts were measured (a test checks it looked at something)
     */
    public record Report(List<String> clipped, int measured) {
    }

    private ClippedTexts() {
    }

    /** Walks {@code root}'s visible widget tree; {@code where} names the place a control lives in (e.g. its part). */
    public static Report find(Control root, Function<Control, String> where) {
        List<String> found = new ArrayList<>();
        int[] measured = new int[1];
        walk(root, found, measured, where);
        return new Report(List.copyOf(found), measured[0]);
    }

    /** Walks {@code root}'s visible widget tree, naming each cut text by its widget only. */
    public static Report find(Control root) {
        return find(root, c -> "?");
    }

    /**
     * Pixels {@code text} needs as a column header of {@code table} ({@link #HEADER_PADDING} included), in the
     * bold of the table's font: GTK's theme draws column headers bold, and a column sized from the plain font
     * cut "Latest (vs first)" by a character in the reading room.
     */
    public static int headerWidth(Control table, String text) {
        FontData[] plain = table.getFont().getFontData();
        for (FontData fd : plain) {
            fd.setStyle(fd.getStyle() | SWT.BOLD);
        }
        Font bold = new Font(table.getDisplay(), plain);
        GC gc = new GC(table);
        try {
            gc.setFont(bold);
            return gc.textExtent(text).x + HEADER_PADDING;
        } finally {
            gc.dispose();
            bold.dispose();
        }
    }

    private static void walk(Control control, List<String> found, int[] measured, Function<Control, String> where) {
        if (!control.isVisible()) {
            return;
        }
        String text = textOf(control);
        if (text != null && !text.isBlank()) {
            measured[0]++;
            Rectangle b = control.getBounds();
            boolean wraps = (control.getStyle() & SWT.WRAP) != 0;
            Point pref = wraps ? control.computeSize(b.width, SWT.DEFAULT) : control.computeSize(SWT.DEFAULT, SWT.DEFAULT);
            if ((!wraps && pref.x > b.width) || pref.y > b.height) {
                found.add(describe(control, text, where) + ": needs " + pref.x + "×" + pref.y + ", got " + b.width + "×" + b.height);
            } else {
                String past = pastAnAncestor(control);
                if (past != null) {
                    found.add(describe(control, text, where) + past);
                }
            }
        }
        if (control instanceof Table table && table.getHeaderVisible()) {
            for (TableColumn column : table.getColumns()) {
                header(found, control, column.getText(), column.getWidth(), where);
            }
        }
        if (control instanceof Tree tree && tree.getHeaderVisible()) {
            for (TreeColumn column : tree.getColumns()) {
                header(found, control, column.getText(), column.getWidth(), where);
            }
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                walk(child, found, measured, where);
            }
        }
    }

    /**
     * Where a control reaches past the client area of its parent or of a composite further up (a row below
     * a part's bottom edge), up to the shell; a ScrolledComposite's content is reachable, so the search stops there.
     */
    private static String pastAnAncestor(Control control) {
        Rectangle b = control.getBounds();
        for (Composite a = control.getParent(); a != null && !(a instanceof Shell) && !(a instanceof ScrolledComposite);
                a = a.getParent()) {
            Rectangle mapped = control.getDisplay().map(control.getParent(), a, b);
            Rectangle area = a.getClientArea();
            if (mapped.x + mapped.width > area.x + area.width || mapped.y + mapped.height > area.y + area.height) {
                return ": at " + mapped + " reaches past the client area " + area + " of "
                        + (a == control.getParent() ? "its parent" : "its ancestor " + a.getClass().getSimpleName());
            }
        }
        return null;
    }

    private static void header(List<String> found, Control table, String text, int width, Function<Control, String> where) {
        if (text == null || text.isBlank() || width == 0) {
            return; // a hidden column (width 0) shows nothing to cut
        }
        int needs = headerWidth(table, text);
        if (needs > width) {
            found.add(describe(table, text, where) + " column header: needs " + needs + ", got " + width);
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

    private static String describe(Control control, String text, Function<Control, String> where) {
        return control.getClass().getSimpleName() + " '" + text.replace('\n', ' ') + "' in " + where.apply(control);
    }
}
