package org.openionm.cases;

import java.util.Objects;

/**
 * The surgical procedure: a type from the site's configurable list ({@link CaseStore#procedureTypes()},
 * e.g. "posterior spinal fusion"), free text, spinal levels ("T10–L2", may be empty) and side.
 */
public record Procedure(String type, String description, String levels, Side side) {

    public Procedure {
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        levels = levels == null ? "" : levels;
        side = side == null ? Side.NOT_APPLICABLE : side;
    }

    /** "posterior spinal fusion T10–L2" — what the status bar and lists show. */
    public String summary() {
        return levels.isBlank() ? type : type + " " + levels;
    }
}
