package org.openionm.modality.ssep.ui;

import org.openionm.ui.widgets.evoked.EvokedPart;
import org.openionm.ui.widgets.evoked.EvokedRules;

/** The "SSEP" tab of the Live perspective (contributed by this bundle's fragment.e4xmi). */
public class SsepPart extends EvokedPart {

    public static final String ID = "org.openionm.modality.ssep.ui.part";

    @Override
    protected EvokedRules rules() {
        return new SsepRules();
    }

    @Override
    protected String waitingText() {
        return "Waiting for SSEP averages: one tile per stimulation site appears with its first average";
    }
}
