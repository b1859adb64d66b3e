package org.openionm.core.model;

import java.util.Objects;

/**
 * What a recording channel is for. A value type rather than an enum so that a modality plugin can
 * introduce a role (e.g. "baep") without a change to core.
 *
 * @param id    stable identifier used in protocols and settings files
 * @param label name shown to the technologist
 */
public record ChannelRole(String id, String label) {

    public static final ChannelRole EEG = new ChannelRole("eeg", "EEG");
    public static final ChannelRole SSEP_PERIPHERAL = new ChannelRole("ssep.peripheral", "SSEP peripheral (Erb's point, popliteal)");
    public static final ChannelRole SSEP_SUBCORTICAL = new ChannelRole("ssep.subcortical", "SSEP subcortical (cervical)");
    public static final ChannelRole SSEP_CORTICAL = new ChannelRole("ssep.cortical", "SSEP cortical (CP3/CP4/CPz)");
    public static final ChannelRole MEP_MUSCLE = new ChannelRole("mep.muscle", "MEP muscle");
    public static final ChannelRole EMG_FREE_RUN = new ChannelRole("emg.freerun", "Free-run EMG");
    public static final ChannelRole EMG_TRIGGERED = new ChannelRole("emg.triggered", "Triggered EMG");
    public static final ChannelRole OTHER = new ChannelRole("other", "Other");

    public ChannelRole {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        if (id.isBlank()) {
            throw new IllegalArgumentException("channel role id must not be blank");
        }
    }
}
