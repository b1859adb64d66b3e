package org.openionm.cases.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.openionm.cases.CaseDetails;
import org.openionm.cases.CaseStore;
import org.openionm.cases.Patient;
import org.openionm.cases.Procedure;
import org.openionm.cases.ProtocolTemplate;
import org.openionm.cases.Sex;
import org.openionm.cases.Side;
import org.openionm.cases.TeamMember;
import org.openionm.cases.TeamRole;

/** The synthetic case the demo workbench monitors: nobody's data, and named so. */
final class DemoCase {

    static final String PROCEDURE = "posterior spinal fusion";

    private DemoCase() {
    }

    static CaseDetails details(CaseStore store) {
        ProtocolTemplate template = store.templates().stream()
                .filter(t -> t.procedureTypes().stream().anyMatch(PROCEDURE::equalsIgnoreCase)).findFirst().orElse(null);
        return new CaseDetails(new Patient("Demo^Synthetic", "DEMO0001", LocalDate.of(1962, 3, 14), Sex.FEMALE),
                new Procedure(PROCEDURE, "Demo case: simulated amplifier, synthetic patient", "T10–L2", Side.MIDLINE),
                Instant.now(), List.of(new TeamMember(TeamRole.SURGEON, "Dr. Demo Surgeon", "MD"),
                        new TeamMember(TeamRole.ANESTHESIOLOGIST, "Dr. Demo Anesthesiologist", "MD"),
                        new TeamMember(TeamRole.TECHNOLOGIST, "Demo technologist", "CNIM"),
                        new TeamMember(TeamRole.NEUROPHYSIOLOGIST, "Dr. Demo Neurophysiologist", "MD, DABNM")),
                template);
    }
}
