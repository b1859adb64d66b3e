package org.openionm.modality.ssep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openionm.core.processing.BaselineCandidate;
import org.openionm.core.processing.BaselineChoice;

/**
 * Issue 16, item 7, the dialog: it lists the processor's candidate averages of the chosen row with
 * time, amplitude, latency and agreement, ticks every average but the outlier, and Capture hands
 * exactly the ticked times with the user to the processor; nothing ticked, nothing to capture.
 */
class BaselineChoiceDialogUiTest {

    private Shell parent;

    @AfterEach
    void close() {
        if (parent != null) {
            parent.dispose();
        }
    }

    private static BaselineCandidate candidate(double t, double amp, String outlier) {
        return new BaselineCandidate(t, "tibial.right", "CPz-Fpz", "P37", "P37–N45", 37.8, amp, outlier);
    }

    @Test
    void theOutlierIsUntickedAndCaptureGivesTheTickedAveragesWithTheUser() {
        parent = new Shell(Display.getDefault());
        List<String> asked = new ArrayList<>();
        List<BaselineCandidate> tibial = List.of(candidate(3725, 3.1, ""), candidate(3821, 3.3, ""), candidate(3917, 3.2, ""),
                candidate(4013, 5.46, "the average at 4013.0 s reads 5.46 µV P37–N45, +71 % from the median 3.20 µV"));
        BaselineChoiceDialog dialog = new BaselineChoiceDialog(parent,
                List.of(new String[] { "median.left", "CP4-Fpz" }, new String[] { "tibial.right", "CPz-Fpz" }),
                (site, channel) -> {
                    asked.add(site + " " + channel);
                    return site.equals("tibial.right") ? tibial : List.of();
                }, "dr.jones");
        assertEquals(List.of("median.left CP4-Fpz"), asked, "the first row is listed first");
        assertEquals(0, dialog.table().getItemCount());
        assertFalse(dialog.captureButton().isEnabled(), "nothing to capture from");

        dialog.source().select(1);
        dialog.source().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        TableItem[] items = dialog.table().getItems();
        assertEquals(4, items.length);
        assertEquals("1:02:05", items[0].getText(0), "case time as the clock reads it");
        assertEquals("P37–N45", items[0].getText(1));
        assertEquals("3.10 µV", items[0].getText(2));
        assertEquals("37.80 ms", items[0].getText(3));
        assertEquals("agrees", items[0].getText(4));
        assertTrue(items[3].getText(4).startsWith("OUTLIER: the average at 4013.0 s reads 5.46 µV"), items[3].getText(4));
        assertEquals(List.of(true, true, true, false), List.of(items[0].getChecked(), items[1].getChecked(),
                items[2].getChecked(), items[3].getChecked()), "default: every average that is not an outlier");

        items[1].setChecked(false); // the user leaves one more out
        assertNull(dialog.result());
        dialog.captureButton().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        BaselineChoice choice = dialog.result();
        assertEquals(new BaselineChoice("tibial.right", "CPz-Fpz", List.of(3725.0, 3917.0), "dr.jones"), choice);
        assertTrue(dialog.shell().isDisposed(), "Capture closes the dialog");
    }

    @Test
    void withNothingTickedThereIsNothingToCapture() {
        parent = new Shell(Display.getDefault());
        BaselineChoiceDialog dialog = new BaselineChoiceDialog(parent, List.<String[]>of(new String[] { "tibial.right", "CPz-Fpz" }),
                (site, channel) -> List.of(candidate(100, 3.0, "")), "dr.jones");
        assertTrue(dialog.captureButton().isEnabled());
        dialog.table().getItem(0).setChecked(false);
        org.eclipse.swt.widgets.Event e = new org.eclipse.swt.widgets.Event();
        e.detail = SWT.CHECK;
        e.item = dialog.table().getItem(0);
        dialog.table().notifyListeners(SWT.Selection, e);
        assertFalse(dialog.captureButton().isEnabled(), "no average ticked: Capture is off");
        dialog.captureButton().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertNull(dialog.result());
        dialog.shell().dispose();
    }

    @Test
    void averagesThatCannotBeListedAreExplainedNotThrown() {
        parent = new Shell(Display.getDefault());
        BaselineChoiceDialog dialog = new BaselineChoiceDialog(parent, List.<String[]>of(new String[] { "tibial.right", "CPz-Fpz" }),
                (site, channel) -> {
                    throw new IllegalArgumentException("no SSEP average for " + site + " on " + channel);
                }, "dr.jones");
        assertEquals(0, dialog.table().getItemCount());
        assertEquals("The averages cannot be listed: no SSEP average for tibial.right on CPz-Fpz", dialog.noteText());
        assertFalse(dialog.captureButton().isEnabled());
        dialog.shell().dispose();
    }
}
