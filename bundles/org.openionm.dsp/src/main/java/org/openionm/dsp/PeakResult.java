package org.openionm.dsp;

/** A component was found, or not, with the reason. */
public sealed interface PeakResult {

    record Found(Peak peak) implements PeakResult {}

    record Rejected(String component, String reason) implements PeakResult {}
}
