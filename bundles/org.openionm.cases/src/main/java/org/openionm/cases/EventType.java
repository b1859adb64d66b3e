package org.openionm.cases;

import java.util.List;

/**
 * Typed event-log entries, each with the fields it carries (all optional text; the event entry UI
 * offers them, the annotation text shows those filled in). Types are what IONM logs record:
 * surgical steps, anesthesia changes that explain signal changes, monitoring actions, and the
 * "surgeon informed" communication record the report's timeline needs.
 */
public enum EventType {
    POSITIONING(EventCategory.SURGICAL, "Positioning", List.of("position")),
    INCISION(EventCategory.SURGICAL, "Incision", List.of()),
    SCREW_PLACEMENT(EventCategory.SURGICAL, "Screw placement", List.of("level", "side")),
    ROD_PLACEMENT(EventCategory.SURGICAL, "Rod placement", List.of("side")),
    CORRECTION(EventCategory.SURGICAL, "Correction", List.of("detail")),
    DISTRACTION(EventCategory.SURGICAL, "Distraction", List.of("detail")),
    CLAMP_ON(EventCategory.SURGICAL, "Clamp on", List.of("vessel")),
    CLAMP_OFF(EventCategory.SURGICAL, "Clamp off", List.of("vessel")),
    RESECTION(EventCategory.SURGICAL, "Resection", List.of("detail")),
    CLOSURE(EventCategory.SURGICAL, "Closure", List.of()),
    ANESTHETIC(EventCategory.ANESTHESIA, "Anesthetic", List.of("agent", "mac", "tiva")),
    BOLUS(EventCategory.ANESTHESIA, "Bolus", List.of("drug", "dose")),
    NEUROMUSCULAR_BLOCKADE(EventCategory.ANESTHESIA, "Neuromuscular blockade", List.of("agent", "tof")),
    MAP(EventCategory.ANESTHESIA, "MAP", List.of("mmHg")),
    TEMPERATURE(EventCategory.ANESTHESIA, "Temperature", List.of("celsius")),
    BASELINE_CAPTURED(EventCategory.MONITORING, "Baseline captured", List.of("modality")),
    ALARM_RAISED(EventCategory.MONITORING, "Alarm raised", List.of("alarm")),
    ALARM_ACKNOWLEDGED(EventCategory.MONITORING, "Alarm acknowledged", List.of("alarm", "note")),
    SETTINGS_CHANGED(EventCategory.MONITORING, "Settings changed", List.of("setting")),
    ELECTRODE_REAPPLIED(EventCategory.MONITORING, "Electrode re-applied", List.of("electrode")),
    NOTE(EventCategory.MONITORING, "Note", List.of()),
    SURGEON_INFORMED(EventCategory.COMMUNICATION, "Surgeon informed", List.of("informed", "by", "response"));

    private final EventCategory category;
    private final String label;
    private final List<String> fields;

    EventType(EventCategory category, String label, List<String> fields) {
        this.category = category;
        this.label = label;
        this.fields = fields;
    }

    public EventCategory category() {
        return category;
    }

    public String label() {
        return label;
    }

    /** The named fields this type carries, in the order the annotation text writes them. */
    public List<String> fields() {
        return fields;
    }
}
