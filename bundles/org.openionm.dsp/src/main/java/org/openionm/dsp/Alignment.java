package org.openionm.dsp;

/**
 * Result of aligning a test waveform to a baseline.
 *
 * @param shiftMs     positive when the test is later than the baseline
 * @param correlation Pearson correlation at the best shift (similarity, -1..1)
 */
public record Alignment(double shiftMs, double correlation) {}
