package org.openionm.modality.emg.freerun.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.openionm.ui.widgets.layout.ClippedTexts;

/**
 * Issue 16, item 11: the "Waiting for free-run EMG …" header and the sound controls are whole in the tab's
 * width at 1280×800 (the Modalities stack, about 460 px) — the header wraps instead of being cut.
 */
class FreeRunHeaderUiTest {

    /** The Modalities stack's width in Live at 1280×800 (as measured for the EEG tab beside it). */
    private static final int TAB_WIDTH_AT_1280 = 460;

    @Test
    void theWaitingHeaderWrapsInTheNarrowTab() {
        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        try {
            shell.setLayout(new FillLayout());
            FreeRunPart part = new FreeRunPart();
            part.create(shell);
            shell.setSize(TAB_WIDTH_AT_1280, 600);
            shell.open();
            long deadline = System.currentTimeMillis() + 5000;
            while (System.currentTimeMillis() < deadline && !part.header().getText().startsWith("Waiting for free-run EMG")) {
                if (!display.readAndDispatch()) {
                    display.sleep();
                }
            }
            while (display.readAndDispatch()) {
                // the relayout after the text
            }
            assertEquals("Waiting for free-run EMG · A-trains, neurotonic discharges, bursts, spikes · sound: not installed",
                    part.header().getText());
            assertTrue(part.header().getSize().x < part.header().computeSize(-1, -1).x,
                    "the tab is narrower than the header's one line, so this tests the wrap: " + part.header().getSize());
            ClippedTexts.Report report = ClippedTexts.find(shell);
            assertTrue(report.measured() >= 3, "texts measured: " + report.measured());
            assertEquals("", String.join("\n", report.clipped()), "texts cut at " + TAB_WIDTH_AT_1280 + " px");
        } finally {
            shell.dispose();
        }
    }
}
