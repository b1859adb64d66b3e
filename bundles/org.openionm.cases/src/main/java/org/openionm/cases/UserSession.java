package org.openionm.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who is at the keyboard of this workbench: logged in at start, locked automatically after a period
 * without activity (the UI reports activity with {@link #touch}), unlocked by the same user's
 * password. Every clinical action is attributed to {@link #actor()}. Thread-safe; time is passed in
 * so the lock is tested without waiting.
 */
public interface UserSession {

    /**
     * The inactivity limit unless the site sets another: 15 minutes, the idle time after which PCI DSS
     * 4.0 (8.2.8) requires re-authentication; HIPAA and NIST SP 800-53 (AC-11) leave the number to the
     * organisation (docs/audit.md).
     *
     * @since 0.2.0
     */
    Duration DEFAULT_INACTIVITY_LIMIT = Duration.ofMinutes(15);

    /** Logs in; empty (and audit-logged as a failure) when the name or password is wrong. */
    Optional<User> login(String username, char[] password, Instant now);

    /**
     * Logs the demo technologist in without a password — only when the site allows the demo login
     * (otherwise {@code IllegalStateException}).
     */
    User loginDemo(Instant now);

    void logout(Instant now);

    /** The logged-in user, whether locked or not. */
    Optional<User> user();

    /** The user actions are attributed to; throws {@code IllegalStateException} when nobody is logged in or the session is locked. */
    User actor();

    /** Records activity (a key press, a click) at {@code now}. */
    void touch(Instant now);

    /** Locks when the inactivity limit has passed at {@code now}; returns whether the session is locked. */
    boolean lockIfIdle(Instant now);

    boolean locked();

    /**
     * Unlocks with the logged-in user's password (audit-logged); false when it does not match. The demo
     * technologist has no password: its session unlocks without one while the demo login is allowed.
     */
    boolean unlock(char[] password, Instant now);

    Duration inactivityLimit();
}
