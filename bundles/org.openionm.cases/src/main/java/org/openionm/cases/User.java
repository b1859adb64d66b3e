package org.openionm.cases;

import java.util.Objects;
import java.util.Set;

/**
 * A local account. {@code demo} marks the demo technologist the demo workbench logs in by itself; a
 * site configuration turns that off. {@code displayName} and {@code credentials} ("CNIM") are what
 * audit entries, event authors and reports print.
 */
public record User(String username, String displayName, String credentials, Set<Role> roles, boolean demo,
        boolean active) {

    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        credentials = credentials == null ? "" : credentials;
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** "Jane Roe, CNIM" (or the name alone). */
    public String signature() {
        return credentials.isBlank() ? displayName : displayName + ", " + credentials;
    }
}
