package org.openionm.core.model;

import java.util.Objects;

/**
 * What a recording channel is for. A value type rather than an enum so that a modality plugin can
 * introduce a role (e.g. "baep") without a change to core.
 * <p>
 * A role is identified by its {@code id} alone: {@link #equals} and {@link #hashCode} compare
 * nothing else. Roles built from a protocol file, an EDF label or a plugin's own constant must
 * equal the constants here whatever label or display range they were given, or a processor's
 * {@code acceptedRoles().contains(channel.role())} would silently drop the channel.
 *
 * @param id             stable identifier used in protocols and settings files
 * @param label          name shown to the technologist
 * @param displayRangeUv the ± µV a raw trace of this role is drawn at by default: what the
 *                       signal of such a channel typically spans (scalp and nerve responses tens
 *                       of µV, muscle responses several mV); the display starts there, the user
 *                       may change it
 */
public record ChannelRole(String id, String label, double displayRangeUv) {

    /**
     * Display range of a role that declares none: scalp EEG and evoked responses, tens of µV.
     *
     * @since 0.2.0
     */
    public static final double DEFAULT_DISPLAY_RANGE_UV = 100;

    /** Muscle channels: MEPs of several mV and EMG bursts. */
    private static final double MUSCLE_DISPLAY_RANGE_UV = 500;

    public static final ChannelRole EEG = new ChannelRole("eeg", "EEG");
    public static final ChannelRole SSEP_PERIPHERAL = new ChannelRole("ssep.peripheral", "SSEP peripheral (Erb's point, popliteal)");
    public static final ChannelRole SSEP_SUBCORTICAL = new ChannelRole("ssep.subcortical", "SSEP subcortical (cervical)");
    public static final ChannelRole SSEP_CORTICAL = new ChannelRole("ssep.cortical", "SSEP cortical (CP3/CP4/CPz)");
    public static final ChannelRole MEP_MUSCLE = new ChannelRole("mep.muscle", "MEP muscle", MUSCLE_DISPLAY_RANGE_UV);
    public static final ChannelRole EMG_FREE_RUN = new ChannelRole("emg.freerun", "Free-run EMG", MUSCLE_DISPLAY_RANGE_UV);
    public static final ChannelRole EMG_TRIGGERED = new ChannelRole("emg.triggered", "Triggered EMG", MUSCLE_DISPLAY_RANGE_UV);
    public static final ChannelRole OTHER = new ChannelRole("other", "Other");

    /**
     * A role with its display range.
     *
     * @since 0.2.0
     */
    public ChannelRole {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        if (id.isBlank()) {
            throw new IllegalArgumentException("channel role id must not be blank");
        }
        if (!(displayRangeUv > 0) || Double.isInfinite(displayRangeUv)) {
            throw new IllegalArgumentException("display range of channel role " + id + " must be a positive number of µV, was "
                    + displayRangeUv);
        }
    }

    /** A role drawn at {@link #DEFAULT_DISPLAY_RANGE_UV}: the form roles had before they declared a range. */
    public ChannelRole(String id, String label) {
        this(id, label, DEFAULT_DISPLAY_RANGE_UV);
    }

    /**
     * The ± µV a raw trace of this role is drawn at by default.
     *
     * @since 0.2.0
     */
    @Override
    public double displayRangeUv() {
        return displayRangeUv;
    }

    /** Equal when the ids are: see the class comment. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelRole role && id.equals(role.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
