package org.openionm.modality.emg.freerun.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.openionm.ui.widgets.layout.ClippedTexts;
import org.openionm.ui.widgets.trace.TraceBuffer;

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

    /**
     * The four train-time counters of the demo montage (as at 1280×800 before the first train: "0.0 s" and
     * "Facial-1 · train time" were cut at the tab's edge) stand whole in one row: in the 460-px tab with
     * smaller values, names and thresholds wrapped; with the big values where the tab is wide.
     */
    @Test
    void fourTrainTimeCountersAreWholeInTheNarrowTab() {
        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        try {
            shell.setLayout(new FillLayout());
            shell.setSize(TAB_WIDTH_AT_1280, 700);
            FreeRunView view = new FreeRunView(shell);
            shell.open();
            FreeRunModel model = new FreeRunModel();
            List<String> channels = List.of("Facial-1", "Facial-2", "Vastus-L", "Vastus-R");
            for (String c : channels) {
                model.measurement(FreeRunViewTest.trainTime(c, c.equals("Vastus-R") ? 12.3 : 0, FreeRunViewTest.PRELL));
            }
            model.drain();
            view.refresh(model, new TraceBuffer(4, 1000, 12), channels);
            while (display.readAndDispatch()) {
                // the layout after the counters came
            }
            assertEquals(4, view.counterTexts().size());
            assertEquals(4, view.counterColumns(), "one row of counters, leaving the strips their height");
            int narrowFont = view.valueFontHeight();
            ClippedTexts.Report report = ClippedTexts.find(shell);
            assertTrue(report.measured() >= 12, "the counters' texts were measured: " + report.measured());
            assertEquals("", String.join("\n", report.clipped()), "texts cut at " + TAB_WIDTH_AT_1280 + " px");

            shell.setSize(1300, 700);
            while (display.readAndDispatch()) {
                // the relayout at the new width
            }
            assertEquals(4, view.counterColumns(), "side by side where they fit");
            assertTrue(view.valueFontHeight() > narrowFont, "the big values where they fit: " + view.valueFontHeight()
                    + " pt at 1300 px, " + narrowFont + " pt at " + TAB_WIDTH_AT_1280 + " px");
            assertEquals("", String.join("\n", ClippedTexts.find(shell).clipped()), "texts cut at 1300 px");
        } finally {
            shell.dispose();
        }
    }
}
