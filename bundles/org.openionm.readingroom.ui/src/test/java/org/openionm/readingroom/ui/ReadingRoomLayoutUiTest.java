package org.openionm.readingroom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openionm.ui.widgets.layout.ClippedTexts;

/**
 * Issue 16, item 11: the reading room (not connected, as it opens) cuts no text at the width its perspective
 * gets in a 1280×800 window — column headers ("Case time") and the "attributed to you at the OR" note whole.
 */
@ExtendWith(NoGtkCriticals.class)
class ReadingRoomLayoutUiTest {

    @Test
    void noTextIsCutAt1280() {
        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        try {
            shell.setLayout(new FillLayout());
            new ReadingRoomView(shell, new DeskSettings("", "dr-ui", "", false));
            shell.setSize(1280, 700); // the window less its toolbar and status bar
            shell.open();
            shell.layout(true, true);
            while (display.readAndDispatch()) {
                // let the layout settle
            }
            ClippedTexts.Report report = ClippedTexts.find(shell);
            assertTrue(report.measured() >= 5, "texts measured: " + report.measured());
            assertEquals("", String.join("\n", report.clipped()), "texts cut at 1280 px");
        } finally {
            shell.dispose();
        }
    }
}
