package org.openionm.modality.ssep.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.openionm.ui.widgets.evoked.EvokedModel;
import org.openionm.ui.widgets.evoked.EvokedPart;
import org.openionm.ui.widgets.evoked.EvokedRules;

/** The "SSEP" tab of the Live perspective (contributed by this bundle's fragment.e4xmi). */
public class SsepPart extends EvokedPart {

    public static final String ID = "org.openionm.modality.ssep.ui.part";
    /** The toolbar button that opens {@link BaselineChoiceDialog}. */
    public static final String CHOOSE_BASELINE = "Baseline from chosen averages…";

    @Override
    protected EvokedRules rules() {
        return new SsepRules();
    }

    @Override
    protected String waitingText() {
        return "Waiting for SSEP averages: one tile per stimulation site appears with its first average";
    }

    /** Issue 16, item 7: the user picks which averages form a site's baseline. */
    @Override
    protected void createControls(Composite toolbar) {
        Button choose = new Button(toolbar, SWT.PUSH);
        choose.setText(CHOOSE_BASELINE);
        choose.setToolTipText("Pick which recent averages of a site and channel form its baseline (outliers unticked)");
        choose.addListener(SWT.Selection, e -> chooseBaseline(choose));
    }

    private void chooseBaseline(Button from) {
        if (host == null) {
            return;
        }
        List<String[]> pairs = new ArrayList<>();
        for (EvokedModel.Tile tile : view().model().tiles()) {
            for (EvokedModel.Row row : tile.rows()) {
                pairs.add(new String[] { row.site(), row.channel() });
            }
        }
        BaselineChoiceDialog dialog = new BaselineChoiceDialog(from.getShell(), pairs,
                (site, channel) -> host.baselineCandidates(SsepRulesId.MODALITY, site, channel), Clinician.current());
        dialog.open().ifPresent(choice -> {
            try {
                host.captureBaseline(SsepRulesId.MODALITY, choice);
            } catch (RuntimeException failure) {
                org.eclipse.swt.widgets.MessageBox box = new org.eclipse.swt.widgets.MessageBox(from.getShell(),
                        SWT.ICON_WARNING | SWT.OK);
                box.setText(BaselineChoiceDialog.TITLE);
                box.setMessage("The baseline was not captured: " + failure.getMessage());
                box.open();
            }
        });
    }

    /** The processor id the SSEP view talks to (the rules' modality). */
    private static final class SsepRulesId {
        static final String MODALITY = new SsepRules().modality();
    }
}
