package org.openionm.core.model;

import java.util.Objects;

/**
 * One recorded signal as the amplifier delivers it.
 *
 * @param index          position of this channel in every {@link SampleBlock} of the acquisition
 * @param label          electrode derivation as the field writes it, e.g. {@code "CP3-Fpz"}
 * @param unit           physical unit of the samples; blocks always carry microvolts
 * @param samplingRateHz samples per second
 * @param physicalMin    lowest value the amplifier can represent (its negative rail), in {@code unit}
 * @param physicalMax    highest value the amplifier can represent (its positive rail), in {@code unit}
 * @param role           what the channel is for
 */
public record Channel(int index, String label, String unit, double samplingRateHz,
        double physicalMin, double physicalMax, ChannelRole role) {

    public static final String MICROVOLT = "uV";

    public Channel {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(role, "role");
        if (index < 0) {
            throw new IllegalArgumentException("channel index must be >= 0, was " + index);
        }
        if (!(samplingRateHz > 0) || Double.isInfinite(samplingRateHz)) {
            throw new IllegalArgumentException("sampling rate of " + label + " must be a positive number, was " + samplingRateHz);
        }
        if (!(physicalMax > physicalMin)) {
            throw new IllegalArgumentException("physical range of " + label + " is empty: [" + physicalMin + ", " + physicalMax + "]");
        }
    }

    /** True when {@code value} is at or beyond a rail, i.e. the amplifier saturated. */
    public boolean isAtRail(double value) {
        return value <= physicalMin || value >= physicalMax;
    }
}
