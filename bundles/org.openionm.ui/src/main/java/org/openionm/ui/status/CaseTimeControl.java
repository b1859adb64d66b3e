package org.openionm.ui.status;

import org.eclipse.swt.widgets.Composite;
import org.openionm.acquisition.EngineState;

import jakarta.annotation.PostConstruct;

/**
 * Status bar: case time from the engine's case clock — the amplifier's sample clock (what the data
 * say, not the wall clock), running on while a live amplifier stalls.
 */
public class CaseTimeControl extends EngineStatusLabel {

    @PostConstruct
    public void create(Composite parent) {
        createLabel(parent, "CaseTime", 20);
    }

    @Override
    protected String text() {
        if (engine == null || engine.status().state() == EngineState.IDLE) {
            return "Case time --:--:--";
        }
        return "Case time " + format(engine.caseClock().now());
    }

    static String format(double seconds) {
        long s = (long) Math.floor(seconds);
        return String.format("%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
