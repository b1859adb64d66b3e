package org.openionm.core.model;

import java.util.Objects;

/**
 * A change in the technical state of the amplifier or of one electrode.
 *
 * @param condition   what changed
 * @param channel     affected channel index, or {@link #WHOLE_DEVICE}
 * @param active      true when the condition starts, false when it clears
 * @param sampleIndex where on the sample clock it was detected
 * @param detail      free text from the driver, e.g. measured impedance
 */
public record DriverHealth(Condition condition, int channel, boolean active, long sampleIndex, String detail) {

    public static final int WHOLE_DEVICE = -1;

    public enum Condition {
        /** Electrode impedance too high or electrode detached. */
        LEAD_OFF,
        /** Input at the amplifier's rail: samples are not trustworthy. */
        SATURATION,
        /** The amplifier stopped answering. */
        DISCONNECTED
    }

    public DriverHealth {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(detail, "detail");
        if (channel < WHOLE_DEVICE) {
            throw new IllegalArgumentException("channel must be >= -1, was " + channel);
        }
    }
}
