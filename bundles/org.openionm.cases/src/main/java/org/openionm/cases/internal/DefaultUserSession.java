package org.openionm.cases.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.openionm.cases.AuditActions;
import org.openionm.cases.AuditTrail;
import org.openionm.cases.User;
import org.openionm.cases.UserDirectory;
import org.openionm.cases.UserSession;

/**
 * The session of one workbench or command. Logins and failed logins are audit-logged by the
 * directory; logout, lock and unlock here. Synchronised: the UI thread touches it while background
 * threads ask for the actor.
 */
public final class DefaultUserSession implements UserSession {

    private final UserDirectory users;
    private final AuditTrail audit;
    private final boolean demoLoginAllowed;
    private final Duration inactivityLimit;

    private User user;
    private boolean locked;
    private Instant lastActivity;

    public DefaultUserSession(UserDirectory users, AuditTrail audit, boolean demoLoginAllowed, Duration inactivityLimit) {
        if (inactivityLimit.isNegative() || inactivityLimit.isZero()) {
            throw new IllegalArgumentException("inactivity limit must be positive, was " + inactivityLimit);
        }
        this.users = users;
        this.audit = audit;
        this.demoLoginAllowed = demoLoginAllowed;
        this.inactivityLimit = inactivityLimit;
    }

    @Override
    public synchronized Optional<User> login(String username, char[] password, Instant now) {
        Optional<User> u = users.authenticate(username, password);
        if (u.isPresent()) {
            if (user != null && !user.username().equals(u.get().username())) {
                audit.append(user.username(), AuditActions.LOGOUT, "", "replaced by a login of " + u.get().username());
            }
            start(u.get(), now);
        }
        return u;
    }

    @Override
    public synchronized User loginDemo(Instant now) {
        if (!demoLoginAllowed) {
            throw new IllegalStateException("the demo login is turned off by this site's configuration: log in with an account");
        }
        User demo = users.demoTechnologist();
        if (user != null && !user.username().equals(demo.username())) {
            audit.append(user.username(), AuditActions.LOGOUT, "", "replaced by the demo login");
        }
        audit.append(demo.username(), AuditActions.LOGIN, "", "demo login without a password (demo workbench)");
        start(demo, now);
        return demo;
    }

    private void start(User u, Instant now) {
        user = u;
        locked = false;
        lastActivity = now;
    }

    @Override
    public synchronized void logout(Instant now) {
        if (user != null) {
            audit.append(user.username(), AuditActions.LOGOUT, "", "");
        }
        user = null;
        locked = false;
        lastActivity = null;
    }

    @Override
    public synchronized Optional<User> user() {
        return Optional.ofNullable(user);
    }

    @Override
    public synchronized User actor() {
        if (user == null) {
            throw new IllegalStateException("nobody is logged in: log in first");
        }
        if (locked) {
            throw new IllegalStateException("the session of " + user.username() + " is locked: unlock it with the password");
        }
        return user;
    }

    @Override
    public synchronized void touch(Instant now) {
        if (user != null && !locked && now.isAfter(lastActivity)) {
            lastActivity = now;
        }
    }

    @Override
    public synchronized boolean lockIfIdle(Instant now) {
        if (user != null && !locked && Duration.between(lastActivity, now).compareTo(inactivityLimit) >= 0) {
            locked = true;
            audit.append(user.username(), AuditActions.LOCKED, "", "no activity for " + minutes(inactivityLimit));
        }
        return locked;
    }

    @Override
    public synchronized boolean locked() {
        return locked;
    }

    @Override
    public synchronized boolean unlock(char[] password, Instant now) {
        if (user == null) {
            return false;
        }
        if (!locked) {
            return true;
        }
        boolean ok;
        if (user.demo()) {
            // the demo account has no password; anyone may log it in again while the site allows it
            ok = demoLoginAllowed;
        } else {
            ok = users.verifyPassword(user, password);
        }
        if (ok) {
            locked = false;
            lastActivity = now;
            audit.append(user.username(), AuditActions.UNLOCKED, "", user.demo() ? "demo account, no password" : "");
        }
        return ok;
    }

    @Override
    public Duration inactivityLimit() {
        return inactivityLimit;
    }

    private static String minutes(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
