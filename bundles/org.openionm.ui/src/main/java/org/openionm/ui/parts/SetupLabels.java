package org.openionm.ui.parts;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/** Labels the Setup parts share, spanning their two-column grid, so both parts read alike in either theme. */
final class SetupLabels {

    private SetupLabels() {
    }

    /** A section title, styled by the themes' {@code .Heading} class. */
    static Label heading(Composite parent, String text) {
        Label label = wide(parent);
        label.setText(text);
        label.setData("org.eclipse.e4.ui.css.CssClassName", "Heading");
        return label;
    }

    /** A line across the part that wraps long text. */
    static Label wide(Composite parent) {
        Label label = new Label(parent, SWT.WRAP);
        label.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        return label;
    }
}
