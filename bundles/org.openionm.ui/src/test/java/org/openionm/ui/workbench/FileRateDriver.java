package org.openionm.ui.workbench;

import java.util.List;

import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.core.driver.DriverCapabilities;
import org.openionm.core.driver.DriverContext;
import org.openionm.core.model.Channel;

/** An amplifier whose source sets the sampling rate, as a recording played back does. Never started. */
final class FileRateDriver implements AmplifierDriver {

    static final String ID = "file-rate-test";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Recording (test)";
    }

    @Override
    public boolean samplingRateFromSource() {
        return true;
    }

    @Override
    public DriverCapabilities capabilities() {
        return new DriverCapabilities(8, 20_000, List.of());
    }

    @Override
    public List<Channel> configure(AcquisitionConfig config) {
        throw new UnsupportedOperationException("only listed in Setup by this test");
    }

    @Override
    public void run(DriverContext context) {
        throw new UnsupportedOperationException("only listed in Setup by this test");
    }
}
