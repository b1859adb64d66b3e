package org.openionm.ui.status;

import org.eclipse.swt.widgets.Composite;
import org.openionm.acquisition.EngineStatus;

import jakarta.annotation.PostConstruct;

/** Status bar: which amplifier, in which state, and whether any consumer is missing data. */
public class DriverStatusControl extends EngineStatusLabel {

    @PostConstruct
    public void create(Composite parent) {
        createLabel(parent, "DriverStatus", 60);
    }

    @Override
    protected String text() {
        if (engine == null) {
            return "Amplifier: engine not installed";
        }
        EngineStatus s = engine.status();
        return switch (s.state()) {
            case IDLE -> "Amplifier: not started";
            case RUNNING -> "Amplifier: " + s.driverName() + " — acquiring " + s.channels().size() + " ch @ "
                    + Math.round(s.samplingRateHz()) + " Hz"
                    + (s.missedBlocksTotal() > 0 ? " — " + s.missedBlocksTotal() + " block(s) missed by a display/processor" : "");
            case STOPPED -> "Amplifier: " + s.driverName() + " — stopped (" + s.message() + ")";
            case FAILED -> "Amplifier: FAILED — " + s.message();
        };
    }
}
