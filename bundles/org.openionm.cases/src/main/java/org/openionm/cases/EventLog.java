package org.openionm.cases;

import java.util.List;

/** The event log of cases, in the case database; each entry is also audit-logged. */
public interface EventLog {

    /** Stores an entry (its {@code seq} is assigned) and returns it as stored. */
    CaseEvent append(CaseEvent event);

    /** A case's entries in the order they were entered. */
    List<CaseEvent> events(String caseId);
}
