package org.openionm.processing.internal;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.core.stimulation.StimulatorControl;

/** A processor's requests to the stimulator, passed to the engine that runs it. */
record EngineStimulator(AcquisitionEngine engine) implements StimulatorControl {

    @Override
    public void trigger(String siteId) {
        engine.trigger(siteId);
    }

    @Override
    public void startRamp(String siteId) {
        engine.startRamp(siteId);
    }

    @Override
    public void stopRamp(String siteId) {
        engine.stopRamp(siteId);
    }
}
