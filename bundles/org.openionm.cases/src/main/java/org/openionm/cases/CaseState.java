package org.openionm.cases;

import java.util.Set;

/**
 * A case's life: planned → in progress → closed → signed. Only forward moves are allowed (a closed
 * case is reopened by an amendment in the report issue, not by going back here).
 */
public enum CaseState {
    PLANNED, IN_PROGRESS, CLOSED, SIGNED;

    /** Whether a case in this state may move to {@code next}. */
    public boolean canMoveTo(CaseState next) {
        return switch (this) {
            case PLANNED -> Set.of(IN_PROGRESS, CLOSED).contains(next);
            case IN_PROGRESS -> next == CLOSED;
            case CLOSED -> next == SIGNED;
            case SIGNED -> false;
        };
    }

    /** "planned", "in progress", "closed", "signed". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
