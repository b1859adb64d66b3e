package org.openionm.core.processing;

import java.util.Objects;

/**
 * A processor's statement that an alarm criterion is met (or no longer met). The alarm manager
 * turns conditions into latched, acknowledgeable alarms.
 *
 * @param timeSeconds case time
 * @param modality    processor id, or {@code "technical"}
 * @param site        stimulation site or empty
 * @param channel     channel label or empty
 * @param criterion   preset and rule, e.g. "SSEP amplitude decrease >= 50 % (ASNM 2024)"
 * @param priority    IEC 60601-1-8 priority
 * @param active      true when the criterion is met, false when it clears
 * @param values      the values that met it, e.g. "N20 1.1 uV (-58 %)"
 * @param baseline    what it compares against, e.g. "baseline 08:12:03, N20 2.6 uV"
 * @param provenance  effective settings of the processor
 */
public record AlarmCondition(double timeSeconds, String modality, String site, String channel, String criterion,
        Priority priority, boolean active, String values, String baseline, Provenance provenance) {

    /** IEC 60601-1-8 alarm priorities. */
    public enum Priority { HIGH, MEDIUM, LOW }

    public AlarmCondition {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(provenance, "provenance");
    }
}
