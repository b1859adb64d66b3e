package org.openionm.driver.simulator.internal;

/**
 * What all channels share while one stretch of samples without a scripted change is generated:
 * the mains waveform, burst-suppression and cautery envelopes and the hemispheric EEG gains.
 * One instance is reused for every segment, so generation allocates nothing per sample.
 */
final class Segment {

    long start;
    int length;
    final double[] acc;
    final double[] mains;
    boolean mainsOn;
    final double[] burstGain;
    boolean burstActive;
    boolean burstEnabled;
    final double[] cautery;
    boolean cauteryOn;
    /** Alpha gain (1 = baseline) and delta amplitude (µV) per hemisphere: [left, right]. */
    final double[] alphaGain = new double[2];
    final double[] deltaUv = new double[2];
    /** Gain of the fast (beta, gamma) part of the 1/f background per hemisphere: [left, right]. */
    final double[] fastGain = { 1, 1 };

    Segment(int maxLength) {
        acc = new double[maxLength];
        mains = new double[maxLength];
        burstGain = new double[maxLength];
        cautery = new double[maxLength];
    }
}
