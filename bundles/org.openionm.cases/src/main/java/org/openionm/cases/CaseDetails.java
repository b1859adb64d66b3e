package org.openionm.cases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user enters for a case: patient, procedure, scheduled start, team and the protocol template
 * it is monitored with. A new case and an edit are both a {@code CaseDetails}; the store validates it
 * ({@link CaseStore#validate}) and keeps everything else (id, state, actual times, who created it).
 */
public record CaseDetails(Patient patient, Procedure procedure, Instant scheduledStart, List<TeamMember> team,
        ProtocolTemplate protocol) {

    public CaseDetails {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(procedure, "procedure");
        team = List.copyOf(team);
    }

    /** The first team member of that role. */
    public Optional<TeamMember> member(TeamRole role) {
        return team.stream().filter(m -> m.role() == role).findFirst();
    }
}
