package org.openionm.driver.simulator.internal;

import java.util.Map;

import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.testkit.RecordingDriverContext;

/** How the simulator's tests run the amplifier on the test kit's context. */
final class Runs {

    private Runs() {
    }

    /** A context that stops after {@code seconds}, keeps the traces of {@code keepChannels} and refuses a skipped sample. */
    static RecordingDriverContext context(double rate, double seconds, int... keepChannels) {
        return new RecordingDriverContext(rate).stopAfterSeconds(seconds).keepTraces(keepChannels).requireContiguous();
    }

    /** Configures and runs {@code amp} with {@code ctx}. */
    static RecordingDriverContext run(SimulatedAmplifier amp, double rate, int channels, Map<String, String> options,
            RecordingDriverContext ctx) throws Exception {
        amp.configure(new AcquisitionConfig(rate, channels, false, options));
        amp.run(ctx);
        return ctx;
    }
}
