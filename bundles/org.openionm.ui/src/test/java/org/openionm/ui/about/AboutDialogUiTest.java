package org.openionm.ui.about;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 16, item 11: About says "not for clinical use" until a regulatory status exists. */
class AboutDialogUiTest {

    private Shell parent;
    private AboutDialog dialog;

    @AfterEach
    void close() {
        if (dialog != null) {
            dialog.close();
        }
        parent.dispose();
    }

    private static void labels(Composite c, List<String> out) {
        for (Control child : c.getChildren()) {
            if (child instanceof Label l) {
                out.add(l.getText());
            } else if (child instanceof Composite k) {
                labels(k, out);
            }
        }
    }

    @Test
    void aboutSaysNotForClinicalUse() {
        parent = new Shell(Display.getDefault());
        dialog = new AboutDialog(parent, List.of(new InstalledComponents.Entry(InstalledComponents.DRIVER, "Simulator",
                "simulator", "org.openionm.driver.simulator", "0.4.0")));
        dialog.setBlockOnOpen(false);
        dialog.open();
        List<String> texts = new ArrayList<>();
        labels(dialog.getShell(), texts);
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("NOT FOR CLINICAL USE.") && t.contains("no regulatory clearance")),
                "the statement is on the dialog: " + texts);
        assertTrue(texts.contains("Installed: 1 amplifier driver, 0 modality plugins (no SSEP/MEP/EMG/EEG processing in this installation)"),
                texts.toString());
    }
}
