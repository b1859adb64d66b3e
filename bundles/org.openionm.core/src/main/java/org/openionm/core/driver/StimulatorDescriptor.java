package org.openionm.core.driver;

import java.util.Objects;

/**
 * One stimulator output of an amplifier.
 *
 * @param id           output identifier, e.g. {@code "stim1"}
 * @param label        name shown to the user, e.g. "Peripheral 1 (constant current)"
 * @param unit         {@code "mA"} (constant current) or {@code "V"} (constant voltage)
 * @param maxIntensity upper limit of the output in {@code unit}
 */
public record StimulatorDescriptor(String id, String label, String unit, double maxIntensity) {

    public StimulatorDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
        if (!(maxIntensity > 0)) {
            throw new IllegalArgumentException("stimulator " + id + " needs a positive maximum intensity");
        }
    }
}
