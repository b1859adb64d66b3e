package org.openionm.cases;

/** Side of the procedure. */
public enum Side {
    LEFT, RIGHT, BILATERAL, MIDLINE, NOT_APPLICABLE;

    /** "left", "right", "bilateral", "midline", "n/a". */
    public String label() {
        return this == NOT_APPLICABLE ? "n/a" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
