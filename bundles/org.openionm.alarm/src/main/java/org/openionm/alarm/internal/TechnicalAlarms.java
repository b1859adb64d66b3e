package org.openionm.alarm.internal;

import java.util.EnumMap;
import java.util.Map;

import org.openionm.alarm.AlarmKey;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AlarmCondition.Priority;
import org.openionm.core.processing.Provenance;

/** Maps amplifier health events to technical alarm conditions. */
final class TechnicalAlarms {

    /**
     * Default priorities, a site may override them. DISCONNECTED: every channel is blind, an injury
     * would go unseen — immediate response (HIGH). LEAD_OFF: one channel is blind — prompt response
     * (MEDIUM). SATURATION: samples untrustworthy, usually transient (cautery) — awareness (LOW).
     */
    static final Map<DriverHealth.Condition, Priority> DEFAULT_PRIORITIES = Map.of(
            DriverHealth.Condition.DISCONNECTED, Priority.HIGH,
            DriverHealth.Condition.LEAD_OFF, Priority.MEDIUM,
            DriverHealth.Condition.SATURATION, Priority.LOW);

    private final Map<DriverHealth.Condition, Priority> priorities;

    TechnicalAlarms(Map<DriverHealth.Condition, Priority> priorities) {
        EnumMap<DriverHealth.Condition, Priority> copy = new EnumMap<>(DriverHealth.Condition.class);
        copy.putAll(priorities);
        for (DriverHealth.Condition c : DriverHealth.Condition.values()) {
            if (!copy.containsKey(c)) {
                throw new IllegalArgumentException("no priority for technical condition " + c);
            }
        }
        this.priorities = copy;
    }

    AlarmCondition toCondition(DriverHealth health, double timeSeconds, String channelLabel) {
        boolean device = health.channel() == DriverHealth.WHOLE_DEVICE;
        String channel = device ? "" : (channelLabel == null || channelLabel.isBlank()
                ? "#" + health.channel() : channelLabel);
        Priority priority = priorities.get(health.condition());
        // The settings say which rule produced the priority, so the log explains it.
        Provenance provenance = new Provenance("driver health",
                Map.of("condition", health.condition().name(), "priority", priority.name(),
                        "sampleIndex", Long.toString(health.sampleIndex())));
        return new AlarmCondition(timeSeconds, AlarmKey.TECHNICAL, "", channel, criterion(health.condition()),
                priority, health.active(), health.detail(), "", provenance);
    }

    private static String criterion(DriverHealth.Condition condition) {
        return switch (condition) {
            case LEAD_OFF -> "Lead off";
            case SATURATION -> "Amplifier saturation";
            case DISCONNECTED -> "Amplifier disconnected";
        };
    }
}
