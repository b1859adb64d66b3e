package org.openionm.cases;

import java.util.Objects;

/** One member of the case team with their credentials as the report prints them ("CNIM", "MD, DABNM"). */
public record TeamMember(TeamRole role, String name, String credentials) {

    public TeamMember {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(name, "name");
        credentials = credentials == null ? "" : credentials;
    }
}
