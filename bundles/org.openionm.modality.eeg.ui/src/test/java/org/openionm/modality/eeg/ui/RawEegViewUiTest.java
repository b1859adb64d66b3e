package org.openionm.modality.eeg.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;

/** The raw EEG choices stay whole in the narrow EEG tab (about 460 px wide in Live at 1280 x 800). */
class RawEegViewUiTest {

    @Test
    void theTimeBaseChoiceIsInsideANarrowTab() {
        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        try {
            shell.setLayout(new FillLayout());
            RawEegView view = new RawEegView(shell, null);
            shell.setSize(460, 400);
            shell.layout(true, true);
            shell.open();
            while (display.readAndDispatch()) {
                // let the layout settle
            }
            Rectangle client = shell.getClientArea();
            Point corner = display.map(view.timeBaseChoice(), shell,
                    new Point(view.timeBaseChoice().getSize().x, view.timeBaseChoice().getSize().y));
            assertTrue(corner.x <= client.width, "time base choice ends at x=" + corner.x + " of " + client.width);
            Rectangle bar = view.bar().getBounds();
            assertTrue(corner.y <= bar.y + bar.height + 1, "the bar is tall enough for its wrapped line: " + bar + ", " + corner);
            assertTrue(view.canvas().getBounds().y >= bar.y + bar.height, "the traces start below the choices");
        } finally {
            shell.dispose();
        }
    }
}
