package org.openionm.acquisition;

import java.util.List;
import java.util.Optional;

import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.core.model.Channel;
import org.openionm.core.stimulation.StimulationProgram;

/**
 * Runs one amplifier driver at a time on its own thread and fans its data out to consumers
 * (processors, recorder, displays) without ever making the driver wait. Each consumer has a bounded
 * queue; a consumer that cannot keep up misses blocks, is reported to {@link EngineListener}s, and
 * receives an explicit {@link org.openionm.core.model.DataGap} for what it missed.
 */
public interface AcquisitionEngine {

    /** Installed drivers, sorted by display name. */
    List<AmplifierDriver> availableDrivers();

    Optional<AmplifierDriver> driver(String id);

    /**
     * Configures and starts {@code driver} with the stimulation the driver suggests (none for most
     * hardware until the protocol sets it).
     *
     * @see #start(AmplifierDriver, AcquisitionConfig, StimulationProgram)
     */
    List<Channel> start(AmplifierDriver driver, AcquisitionConfig config);

    /**
     * Configures and starts {@code driver}; the stimulus scheduler runs {@code stimulation}. Warnings
     * about the program (e.g. a mains-locked rate) appear in {@link EngineStatus#warnings()}.
     *
     * @return the channels of this acquisition
     * @throws IllegalStateException    if an acquisition is already running
     * @throws IllegalArgumentException if the driver cannot honour {@code config} (message names the setting)
     */
    List<Channel> start(AmplifierDriver driver, AcquisitionConfig config, StimulationProgram stimulation);

    /**
     * Fires an on-demand site of the running program (a TcMEP train) at the start of the next block,
     * or up to the program's {@link org.openionm.core.stimulation.TrainGuard#beforeMs()} later when an
     * SSEP stimulus just given would otherwise fall within the train's guard.
     *
     * @throws IllegalStateException    when nothing is running
     * @throws IllegalArgumentException when the program has no such on-demand site
     */
    void trigger(String siteId);

    /**
     * Starts the intensity ramp of a ramp site of the running program now, from its start intensity
     * (triggered EMG, on demand; a ramp site does not run from the start of the acquisition when it
     * is started this way).
     *
     * @throws IllegalStateException    when nothing is running
     * @throws IllegalArgumentException when the program has no such ramp site
     * @since 0.3.0
     */
    default void startRamp(String siteId) {
        throw new UnsupportedOperationException("this engine cannot start ramps on demand");
    }

    /**
     * Stops the ramp of a ramp site: no further step is given. A ramp that is not running is left alone.
     *
     * @throws IllegalStateException    when nothing is running
     * @throws IllegalArgumentException when the program has no such ramp site
     * @since 0.3.0
     */
    default void stopRamp(String siteId) {
        throw new UnsupportedOperationException("this engine cannot stop ramps");
    }

    /**
     * Sets the intensity of a site of the running program from its next stimulus on (the technologist
     * raises a TcMEP train's voltage, lowers an SSEP current); the status's program shows it. The
     * value must lie within the amplifier's declared stimulator output of the site's unit
     * ({@link org.openionm.core.driver.StimulatorDescriptor#maxIntensity()}). A ramp's intensities
     * are its program's (start, step, maximum) and are not changed this way.
     *
     * @throws IllegalStateException    when nothing is running
     * @throws IllegalArgumentException naming the site, value and limit when the site is unknown, is a
     *                                  ramp, or the value lies outside the stimulator's range
     * @since 0.3.0
     */
    default void setIntensity(String siteId, double intensity) {
        throw new UnsupportedOperationException("this engine cannot change a stimulation intensity");
    }

    /**
     * Makes the next {@link #start} continue the case instead of starting it fresh: case time runs on
     * from where the earlier acquisition ended plus the wall-clock time since ({@link
     * CaseClock#acquisitionStart()}, {@link CaseClock#resumedAfterSeconds()}), so times stay
     * monotonic and match the case's elapsed time, and the processors are told to keep their
     * baselines and trends. Taken by the next start, whether it succeeds or not; without it (and
     * for the very first acquisition, which has nothing to continue) a start is fresh.
     *
     * @since 0.4.0
     */
    default void continueCaseAtNextStart() {
        throw new UnsupportedOperationException("this engine cannot continue a case");
    }

    /** Asks the running driver to stop and waits briefly for it; a no-op when idle. */
    void stop();

    EngineStatus status();

    /**
     * The case clock: sample indices to case time, and the time that drives time-dependent services
     * (audio pauses expire on it). One per engine; it restarts at 0 with each fresh acquisition and
     * runs on for one that continues the case ({@link #continueCaseAtNextStart()}).
     *
     * @since 0.2.0
     */
    CaseClock caseClock();

    /**
     * Adds a consumer that receives every future acquisition on its own thread.
     *
     * @param name             shown in overflow reports, e.g. "Raw signals display"
     * @param queueCapacity    blocks that may wait for this consumer before it starts missing data
     */
    ConsumerRegistration addConsumer(String name, SampleConsumer consumer, int queueCapacity);

    void addListener(EngineListener listener);

    void removeListener(EngineListener listener);
}
