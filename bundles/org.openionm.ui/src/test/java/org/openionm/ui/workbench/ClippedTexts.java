package org.openionm.ui.workbench;

import java.util.List;

import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.swt.widgets.Control;

/**
 * The shell's use of the shared checker ({@link org.openionm.ui.widgets.layout.ClippedTexts}): a cut text
 * is named with the model element (part) it lives in, and the texts measured are counted across calls.
 */
final class ClippedTexts {

    private ClippedTexts() {
    }

    /** Texts measured so far by {@link #find}, so a test can tell that it looked at something. */
    static int measured;

    static List<String> find(Control root) {
        org.openionm.ui.widgets.layout.ClippedTexts.Report report = org.openionm.ui.widgets.layout.ClippedTexts.find(root,
                ClippedTexts::where);
        measured += report.measured();
        return report.clipped();
    }

    /** The model element (part) a control lives in. */
    static String where(Control control) {
        for (Control c = control; c != null; c = c.getParent()) {
            if (c.getData("modelElement") instanceof MUIElement element && element.getElementId() != null) {
                return element.getElementId();
            }
        }
        return "?";
    }
}
