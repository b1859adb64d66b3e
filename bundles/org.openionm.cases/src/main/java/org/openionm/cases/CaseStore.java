package org.openionm.cases;

import java.util.List;
import java.util.Optional;

/**
 * Cases in the case database. Every change is attributed to a {@link User} and written to the
 * {@link AuditTrail} in the same transaction, so a change without its audit entry cannot exist.
 */
public interface CaseStore {

    /**
     * Problems with details a user entered, each naming the field ("MRN must be 4–20 letters or
     * digits, was '12 3'", "birth date 2031-01-01 is in the future"); empty when valid.
     */
    List<String> validate(CaseDetails details);

    /** Creates a PLANNED case with a new id and folder; throws {@code IllegalArgumentException} with the problems. */
    MonitoringCase create(CaseDetails details, boolean demo, User actor);

    /** Replaces the details of a case that is not signed; audit entry lists what changed. */
    MonitoringCase update(String caseId, CaseDetails details, User actor);

    /** Moves a case to a later state ({@link CaseState#canMoveTo}); in progress sets the actual start, closed the end. */
    MonitoringCase moveTo(String caseId, CaseState state, User actor);

    Optional<MonitoringCase> find(String caseId);

    /** Cases whose id, patient name, MRN or procedure contain {@code query} (any case; empty = all), newest first. */
    List<MonitoringCase> search(String query, int limit);

    /** The site's procedure types, in the order offered (configurable; built-in list by default). */
    List<String> procedureTypes();

    /** Protocol templates available for new cases (built in, plus the site's). */
    List<ProtocolTemplate> templates();

    /** Registers a recording segment of a case (started, then updated when it ends or is recovered). */
    void putRecording(CaseRecording recording, User actor);

    List<CaseRecording> recordings(String caseId);
}
