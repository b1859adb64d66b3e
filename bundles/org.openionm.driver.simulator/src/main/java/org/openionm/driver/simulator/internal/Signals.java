package org.openionm.driver.simulator.internal;

import java.util.List;

/**
 * Baseline signal levels of a scenario ({@code signals:} in the YAML file). Every level may be 0 to
 * switch that part off (tests isolate one component that way).
 *
 * @param mainsMicrovolts       mains fundamental, peak µV (each channel 0.5–1.5× of it: electrode impedances differ)
 * @param mainsHarmonics        relative amplitudes of the 2nd, 3rd, … harmonics
 * @param eegMicrovolts         RMS of the 1/f scalp background
 * @param alphaMicrovolts       typical peak of alpha bursts (bursts draw 1/3 to 5/3 of it)
 * @param cervicalMicrovolts    RMS of the 1/f background on the neck channel
 * @param peripheralMicrovolts  RMS of the 1/f background at Erb's point and the popliteal fossa
 * @param emgMicrovolts         RMS of the resting background on muscle channels
 * @param stimulusArtifact      whether stimuli leave a decaying artifact on every channel
 * @param ssepJitterMs          SD of the sweep-to-sweep latency jitter of each SSEP component
 * @param ssepAmplitudeCv       coefficient of variation of SSEP component amplitudes
 * @param mepAmplitudeCv        coefficient of variation (log-normal) of MEP amplitudes
 */
record Signals(double mainsMicrovolts, List<Double> mainsHarmonics, double eegMicrovolts, double alphaMicrovolts,
        double cervicalMicrovolts, double peripheralMicrovolts, double emgMicrovolts, boolean stimulusArtifact,
        double ssepJitterMs, double ssepAmplitudeCv, double mepAmplitudeCv) {

    static final Signals DEFAULTS = new Signals(5, List.of(0.1, 0.3), 20, 30, 20, 20, 3, true, 0.2, 0.15, 0.4);

    Signals {
        mainsHarmonics = List.copyOf(mainsHarmonics);
    }
}
