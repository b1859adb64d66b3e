package org.openionm.core.stimulation;

/**
 * What a modality processor may ask of the stimulator while an acquisition runs: a TcMEP processor
 * fires an immediate repeat train to confirm a change, a triggered-EMG processor stops the ramp once
 * it found the threshold. The calls only queue the request for the engine (they return at once, on
 * the processing thread); the stimuli that result arrive as usual, as {@code StimulusEvent}s.
 *
 * @since 0.3.0
 */
public interface StimulatorControl {

    /** A control for a processor run without a stimulator (plain unit tests, file analysis): refuses every request. */
    StimulatorControl NONE = new StimulatorControl() {
        @Override
        public void trigger(String siteId) {
            throw new IllegalStateException("no stimulator is connected: cannot fire " + siteId);
        }

        @Override
        public void startRamp(String siteId) {
            throw new IllegalStateException("no stimulator is connected: cannot start the ramp of " + siteId);
        }

        @Override
        public void stopRamp(String siteId) {
            throw new IllegalStateException("no stimulator is connected: cannot stop the ramp of " + siteId);
        }
    };

    /**
     * Fires an on-demand site (a train or a single stimulus) once, as soon as the program allows.
     *
     * @throws IllegalStateException    when no acquisition with a stimulator runs
     * @throws IllegalArgumentException when the program has no such on-demand site
     */
    void trigger(String siteId);

    /**
     * Starts the site's intensity ramp from its start intensity (triggered EMG: the technologist
     * touches the screw with the probe and asks for a ramp).
     *
     * @throws IllegalStateException    when no acquisition with a stimulator runs
     * @throws IllegalArgumentException when the program has no such ramp site
     */
    void startRamp(String siteId);

    /**
     * Stops the site's ramp: no further step is given (the threshold was found, or the user stopped
     * it). Stopping a ramp that is not running does nothing.
     *
     * @throws IllegalStateException    when no acquisition with a stimulator runs
     * @throws IllegalArgumentException when the program has no such ramp site
     */
    void stopRamp(String siteId);
}
