package org.openionm.core.driver;

import java.util.List;
import java.util.Optional;

import org.openionm.core.model.Channel;
import org.openionm.core.stimulation.StimulationProgram;

/**
 * An amplifier family, registered as an OSGi service (Declarative Services) by its driver bundle.
 * <p>
 * Lifecycle, driven by the acquisition engine: {@link #capabilities()} at any time →
 * {@link #configure(AcquisitionConfig)} → {@link #run(DriverContext)} on a thread the engine owns,
 * until {@link DriverContext#isStopRequested()} turns true or the thread is interrupted.
 * A driver never blocks on its consumers: {@link DriverContext} hands every block on without waiting.
 */
public interface AmplifierDriver {

    /** Stable identifier, e.g. {@code "simulator"}; unique among installed drivers. */
    String id();

    /** Name shown to the technologist, e.g. "Simulated amplifier". */
    String displayName();

    /** What the device can do; callable before {@link #configure}. */
    DriverCapabilities capabilities();

    /**
     * True when the source, not the configuration, sets the sampling rate (a recording plays at its
     * own rate): the Setup perspective then says so instead of offering a rate that would be ignored.
     */
    default boolean samplingRateFromSource() {
        return false;
    }

    /** Driver-specific settings for the Setup perspective (scenario, file, seed…); none by default. */
    default List<DriverOption> options() {
        return List.of();
    }

    /**
     * Stimulation the configured source expects (e.g. a simulator scenario's SSEP sites); the engine
     * runs it unless the user sets another. Empty for drivers that record stimuli rather than plan them.
     */
    default Optional<StimulationProgram> suggestedStimulation() {
        return Optional.empty();
    }

    /**
     * The transport of a driver that plays a recording, for the acquisition it runs or was last
     * configured for; empty for an amplifier.
     *
     * @since 0.3.0
     */
    default Optional<PlaybackControl> playback() {
        return Optional.empty();
    }

    /**
     * Applies settings for the next run and returns the channels it will deliver.
     *
     * @throws IllegalArgumentException with a message naming the setting, for settings the device cannot honour
     */
    List<Channel> configure(AcquisitionConfig config);

    /**
     * Acquires until stopped. Blocks of consecutive sample indices starting at 0 go to
     * {@link DriverContext#block}, stimuli to {@link DriverContext#stimulus}, and technical
     * conditions to {@link DriverContext#health}. Returning normally means the stream ended
     * (e.g. the end of a played-back file); an exception means the device failed.
     */
    void run(DriverContext context) throws Exception;
}
