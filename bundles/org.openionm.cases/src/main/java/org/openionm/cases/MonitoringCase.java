package org.openionm.cases;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A monitored case as stored. {@code id} is short and readable (the CLI prints it, a technologist may
 * type it); {@code folder} is where its recordings are, inside the data area. {@code actualStart} and
 * {@code actualEnd} are null until the case starts and ends; {@code demo} marks the synthetic cases
 * the demo workbench creates, so they are never mistaken for a patient's.
 */
public record MonitoringCase(String id, CaseDetails details, CaseState state, Instant actualStart, Instant actualEnd,
        Instant created, String createdBy, Path folder, boolean demo) {

    public MonitoringCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(state, "state");
    }

    public Patient patient() {
        return details.patient();
    }

    /** "J.D. · MRN 123456 · posterior spinal fusion T10–L2": how the status bar names the case. */
    public String label() {
        return patient().initials() + " · MRN " + patient().mrn() + " · " + details.procedure().summary();
    }
}
