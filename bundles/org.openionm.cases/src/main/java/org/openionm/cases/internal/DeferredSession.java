package org.openionm.cases.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.openionm.cases.User;
import org.openionm.cases.UserSession;

/**
 * The workbench's session before and after the case database opened: it opens in the background (the
 * first trace must not wait for it), so until then nobody can log in and nothing can be attributed;
 * the messages say why.
 */
final class DeferredSession implements UserSession {

    private volatile UserSession delegate;
    private volatile String notReady = "the case database is still opening";

    void ready(UserSession session) {
        delegate = session;
    }

    void failed(String message) {
        notReady = "the case database could not be opened: " + message;
    }

    private UserSession session() {
        UserSession d = delegate;
        if (d == null) {
            throw new IllegalStateException(notReady);
        }
        return d;
    }

    @Override
    public Optional<User> login(String username, char[] password, Instant now) {
        return session().login(username, password, now);
    }

    @Override
    public User loginDemo(Instant now) {
        return session().loginDemo(now);
    }

    @Override
    public void logout(Instant now) {
        if (delegate != null) {
            delegate.logout(now);
        }
    }

    @Override
    public Optional<User> user() {
        UserSession d = delegate;
        return d == null ? Optional.empty() : d.user();
    }

    @Override
    public User actor() {
        return session().actor();
    }

    @Override
    public void touch(Instant now) {
        if (delegate != null) {
            delegate.touch(now);
        }
    }

    @Override
    public boolean lockIfIdle(Instant now) {
        return delegate != null && delegate.lockIfIdle(now);
    }

    @Override
    public boolean locked() {
        return delegate != null && delegate.locked();
    }

    @Override
    public boolean unlock(char[] password, Instant now) {
        return session().unlock(password, now);
    }

    @Override
    public Duration inactivityLimit() {
        UserSession d = delegate;
        return d == null ? Duration.ofMinutes(5) : d.inactivityLimit();
    }
}
