package org.openionm.cases;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Local accounts with roles. Passwords are hashed with Argon2id (Bouncy Castle) with a per-user salt;
 * neither the password nor its hash ever leaves this interface. Every change and every login attempt
 * is written to the {@link AuditTrail}.
 */
public interface UserDirectory {

    /** Creates an account; the message names what is wrong (username taken or malformed, password too short). */
    User create(String username, String displayName, String credentials, Set<Role> roles, char[] password, User actor);

    /** The user when the password matches an active account; audit-logs the success or failure (never the password). */
    Optional<User> authenticate(String username, char[] password);

    /** Re-checks the password of an already known user (unlocking, signing), audit-logged like a login. */
    boolean verifyPassword(User user, char[] password);

    void changePassword(String username, char[] newPassword, User actor);

    Optional<User> find(String username);

    List<User> list();

    /** The demo technologist, created on first use; only the demo workbench logs it in by itself. */
    User demoTechnologist();
}
