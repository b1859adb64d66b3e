package org.openionm.core.driver;

import java.util.List;
import java.util.Objects;

/**
 * A driver-specific setting the Setup perspective shows generically (scenario, file, seed…); its
 * value reaches the driver through {@link AcquisitionConfig#options()}.
 *
 * @param key          option key in {@link AcquisitionConfig#options()}
 * @param label        shown to the technologist
 * @param kind         how to edit it
 * @param choices      allowed values for {@link Kind#CHOICE}, empty otherwise
 * @param defaultValue value used when the user leaves it alone (may be empty)
 * @param help         one sentence of help
 */
public record DriverOption(String key, String label, Kind kind, List<String> choices, String defaultValue, String help) {

    /** Editor kinds. */
    public enum Kind { TEXT, NUMBER, FILE, CHOICE }

    public DriverOption {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(help, "help");
        choices = List.copyOf(choices);
        if (kind == Kind.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice option " + key + " needs choices");
        }
    }
}
