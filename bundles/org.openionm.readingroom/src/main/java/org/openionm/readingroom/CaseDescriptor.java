package org.openionm.readingroom;

import java.util.List;
import java.util.Objects;

/**
 * What the reading room lists for a live case (the retained descriptor): no patient name, MRN or
 * birth date — those stay in the OR's case store.
 *
 * @since 0.2.0
 */
public record CaseDescriptor(String caseId, String procedure, String room, List<String> modalities, List<String> team) {

    public CaseDescriptor {
        Topics.checkCaseId(caseId);
        procedure = Objects.requireNonNullElse(procedure, "");
        room = Objects.requireNonNullElse(room, "");
        modalities = List.copyOf(modalities);
        team = List.copyOf(team);
    }
}
