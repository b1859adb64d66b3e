package org.openionm.cases.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.openionm.cases.CaseDetails;
import org.openionm.cases.Patient;
import org.openionm.cases.TeamMember;

/** The checks of {@code CaseStore.validate}: each message names the field and the value it refuses. */
final class CaseValidator {

    /** Older than this is a typing error (a century digit), not a patient. */
    static final int MAX_AGE_YEARS = 130;

    private CaseValidator() {
    }

    static List<String> validate(CaseDetails d, SiteConfiguration site, Clock clock) {
        List<String> problems = new ArrayList<>();
        Patient p = d.patient();
        if (p.familyName().isEmpty() || p.givenName().isEmpty() || p.name().indexOf('^') < 0) {
            problems.add("patient name must be Family^Given (e.g. Doe^Jane), was '" + p.name() + "'");
        }
        length(problems, "patient name", p.name(), 200);
        if (!site.mrnPattern().matcher(p.mrn()).matches()) {
            problems.add("MRN must be " + site.mrnRule() + ", was '" + p.mrn() + "'");
        }
        LocalDate today = LocalDate.now(clock);
        if (p.birthDate() != null) {
            if (p.birthDate().isAfter(today)) {
                problems.add("birth date " + p.birthDate() + " is in the future (today is " + today + ")");
            } else if (p.birthDate().isBefore(today.minusYears(MAX_AGE_YEARS))) {
                problems.add("birth date " + p.birthDate() + " is more than " + MAX_AGE_YEARS + " years ago");
            }
        }
        String type = d.procedure().type();
        if (site.procedureType(type).isEmpty()) {
            problems.add("procedure type '" + type + "' is not one of the site's types (" + String.join(", ", site.procedureTypes())
                    + ")");
        }
        length(problems, "procedure description", d.procedure().description(), 2000);
        length(problems, "procedure levels", d.procedure().levels(), 100);
        for (int i = 0; i < d.team().size(); i++) {
            TeamMember m = d.team().get(i);
            if (m.name().isBlank()) {
                problems.add("team member " + (i + 1) + " (" + m.role().label() + ") has no name");
            }
            length(problems, "team member " + (i + 1) + " name", m.name(), 200);
            length(problems, "team member " + (i + 1) + " credentials", m.credentials(), 100);
        }
        return problems;
    }

    private static void length(List<String> problems, String field, String value, int max) {
        if (value.length() > max) {
            problems.add(field + " is " + value.length() + " characters long, at most " + max + " fit");
        }
    }
}
