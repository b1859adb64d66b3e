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

    /**
     * Re-checks the password of an already known, active user (unlocking, signing). A wrong password is
     * audit-logged as {@code login.failed}; success is not, the caller logs what it was for
     * ({@code session.unlocked}, a signature).
     */
    boolean verifyPassword(User user, char[] password);

    void changePassword(String username, char[] newPassword, User actor);

    Optional<User> find(String username);

    List<User> list();

    /**
     * The demo technologist ("Demo technologist (not a real user)"), created on first use; it has no
     * usable password, so only the demo workbench logs it in by itself.
     */
    User demoTechnologist();

    /**
     * Whether the first administrator still has to be created: no account exists but the demo one.
     *
     * @since 0.2.0
     */
    boolean firstAdministratorNeeded();

    /**
     * Bootstraps a new installation: creates an administrator without an acting administrator, only
     * while {@link #firstAdministratorNeeded()} (checked in the same transaction, so two workbenches
     * cannot both do it). Throws {@code IllegalStateException} once any real account exists.
     *
     * @since 0.2.0
     */
    User createFirstAdministrator(String username, String displayName, String credentials, char[] password);

    /**
     * Enables or disables an account (a disabled account cannot log in); administrators only, and the
     * last active administrator cannot be disabled.
     *
     * @since 0.2.0
     */
    User setActive(String username, boolean active, User actor);

    /**
     * The shortest password accepted (a site setting; 8 by default).
     *
     * @since 0.2.0
     */
    int minimumPasswordLength();
}
