package org.openionm.ui.parts;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

/**
 * Lays a part's controls out once at their preferred size when the part is created. E4 creates a
 * part that is not on screen yet in a composite of no size; when its tab is first shown, GTK
 * allocates the children at the size they still have, and a table with rows at no height gets a
 * vertical scroll bar of negative length ("gtk_box_gadget_distribute: assertion 'size >= 0' failed
 * in GtkScrollbar", issue 15). With a first layout the tables have their real height by then.
 */
final class FirstLayout {

    private FirstLayout() {
    }

    static void atPreferredSize(Composite parent) {
        parent.setSize(parent.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        parent.layout(true, true);
    }
}
