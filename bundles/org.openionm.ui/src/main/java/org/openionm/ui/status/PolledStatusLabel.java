package org.openionm.ui.status;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * A status-bar label that refreshes its text four times a second: cheap, coalesced, and never
 * driven by the acquisition thread.
 */
abstract class PolledStatusLabel {

    static final int REFRESH_MS = 250;

    private Label label;

    /** Creates the label; subclasses call this from their {@code @PostConstruct}. */
    protected void createLabel(Composite parent, String cssId, int widthChars) {
        Composite box = new Composite(parent, SWT.NONE);
        FillLayout layout = new FillLayout();
        layout.marginWidth = 14; // keeps neighbouring status fields apart
        box.setLayout(layout);
        label = new Label(box, SWT.NONE);
        label.setData("org.eclipse.e4.ui.css.id", cssId);
        label.setText(" ".repeat(widthChars));
        refresh();
    }

    /** Text to show now. */
    protected abstract String text();

    /** The label, for tests. */
    public Label label() {
        return label;
    }

    private void refresh() {
        if (label == null || label.isDisposed()) {
            return;
        }
        String text = text();
        if (!text.equals(label.getText())) {
            label.setText(text);
            label.getParent().getParent().layout(true, true);
        }
        label.getDisplay().timerExec(REFRESH_MS, this::refresh);
    }
}
