package org.openionm.acquisition;

import java.util.List;

import org.openionm.core.model.Channel;
import org.openionm.core.stimulation.StimulationProgram;

/**
 * A snapshot of the engine.
 *
 * @param state             lifecycle state
 * @param driverId          id of the current or last driver, empty when idle
 * @param driverName        its display name
 * @param channels          channels of the current or last acquisition
 * @param samplesReceived   next expected sample index, i.e. samples per channel received so far (gaps included)
 * @param startNanos        {@link System#nanoTime()} when the acquisition started, 0 when idle
 * @param message           why the state is what it is (failure text, "stopped by user", …)
 * @param missedBlocksTotal blocks missed by all consumers together in this acquisition
 * @param stimulation       the stimulation program being run
 * @param warnings          things the technologist should know (e.g. a mains-locked stimulation rate)
 */
public record EngineStatus(EngineState state, String driverId, String driverName, List<Channel> channels,
        long samplesReceived, long startNanos, String message, long missedBlocksTotal, StimulationProgram stimulation,
        List<String> warnings) {

    public static final EngineStatus IDLE = new EngineStatus(EngineState.IDLE, "", "", List.of(), 0, 0, "idle", 0,
            StimulationProgram.NONE, List.of());

    public EngineStatus {
        channels = List.copyOf(channels);
        warnings = List.copyOf(warnings);
    }

    public double samplingRateHz() {
        return channels.isEmpty() ? 0 : channels.get(0).samplingRateHz();
    }

    /** Seconds of signal received, from the sample clock (not the wall clock). */
    public double signalSeconds() {
        double rate = samplingRateHz();
        return rate > 0 ? samplesReceived / rate : 0;
    }
}
