package org.openionm.cases;

/** The four kinds of event-log entries an IONM case log keeps. */
public enum EventCategory {
    SURGICAL("Surgical"), ANESTHESIA("Anesthesia"), MONITORING("Monitoring"), COMMUNICATION("Communication");

    private final String label;

    EventCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
