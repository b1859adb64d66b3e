package org.openionm.cases;

/** The roles of a monitored case's team, as IONM reports list them. */
public enum TeamRole {
    SURGEON("Surgeon"), ANESTHESIOLOGIST("Anesthesiologist"), TECHNOLOGIST("Technologist"),
    NEUROPHYSIOLOGIST("Interpreting neurophysiologist");

    private final String label;

    TeamRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
