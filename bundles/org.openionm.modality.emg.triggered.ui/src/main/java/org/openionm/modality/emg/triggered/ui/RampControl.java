package org.openionm.modality.emg.triggered.ui;

import java.util.List;

/** What the ramp control asks of the stimulator (the engine in the workbench, a stand-in in tests). */
public interface RampControl {

    /** Ramp sites of the running program, in its order; empty when nothing runs. */
    List<String> rampSites();

    /** @throws RuntimeException with a message the view shows */
    void startRamp(String site);

    /** @throws RuntimeException with a message the view shows */
    void stopRamp(String site);
}
