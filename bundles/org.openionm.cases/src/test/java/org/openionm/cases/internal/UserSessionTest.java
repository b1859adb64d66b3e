package org.openionm.cases.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.cases.AuditActions;
import org.openionm.cases.AuditEntry;
import org.openionm.cases.DataArea;
import org.openionm.cases.Role;
import org.openionm.cases.User;
import org.openionm.cases.UserSession;

/** The session headless, with explicit instants: no waiting for the lock. */
class UserSessionTest {

    static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");

    @TempDir
    Path dir;

    JdbcCaseDatabase db;

    @BeforeEach
    void open() {
        db = JdbcCaseDatabase.open(DataArea.embedded(dir));
        User admin = db.users().createFirstAdministrator("ada", "Ada", "", "admin-pass-1".toCharArray());
        db.users().create("jroe", "Jane Roe", "CNIM", EnumSet.of(Role.TECHNOLOGIST), "tech-pass-1".toCharArray(), admin);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void nobodyIsTheActorBeforeLoginOrAfterLogout() {
        UserSession s = db.newSession(false, UserSession.DEFAULT_INACTIVITY_LIMIT);
        assertEquals(Duration.ofMinutes(15), s.inactivityLimit());
        assertTrue(assertThrows(IllegalStateException.class, s::actor).getMessage().contains("nobody is logged in"));
        assertTrue(s.login("jroe", "wrong-pass".toCharArray(), T0).isEmpty());
        assertThrows(IllegalStateException.class, s::actor);
        assertEquals("jroe", s.login("jroe", "tech-pass-1".toCharArray(), T0).orElseThrow().username());
        assertEquals("jroe", s.actor().username());
        s.logout(T0.plusSeconds(60));
        assertTrue(s.user().isEmpty());
        assertThrows(IllegalStateException.class, s::actor);
        assertEquals(List.of(AuditActions.LOGIN_FAILED, AuditActions.LOGIN, AuditActions.LOGOUT), actionsAfterSetUp());
    }

    @Test
    void locksAtTheInactivityLimitAndActivityPostponesIt() {
        UserSession s = db.newSession(false, Duration.ofMinutes(5));
        s.login("jroe", "tech-pass-1".toCharArray(), T0);
        assertFalse(s.lockIfIdle(T0.plus(Duration.ofMinutes(5)).minusMillis(1)));
        s.touch(T0.plusSeconds(240));
        assertFalse(s.lockIfIdle(T0.plusSeconds(300 + 239)), "4 min after the last touch");
        assertTrue(s.lockIfIdle(T0.plusSeconds(240 + 300)), "exactly 5 min after the last touch");
        assertTrue(s.locked());
        assertEquals("jroe", s.user().orElseThrow().username(), "still logged in, only locked");
        IllegalStateException x = assertThrows(IllegalStateException.class, s::actor);
        assertTrue(x.getMessage().contains("locked"), x.getMessage());
        s.touch(T0.plusSeconds(1000));
        assertTrue(s.locked(), "activity does not unlock");
        assertEquals("no activity for 5 min", last(AuditActions.LOCKED).detail());
    }

    @Test
    void unlocksOnlyWithTheSameUsersPasswordAndAuditsBoth() {
        UserSession s = db.newSession(false, Duration.ofMinutes(5));
        s.login("jroe", "tech-pass-1".toCharArray(), T0);
        s.lockIfIdle(T0.plusSeconds(600));
        assertFalse(s.unlock("admin-pass-1".toCharArray(), T0.plusSeconds(610)), "another user's password");
        assertTrue(s.locked());
        assertEquals("jroe", last(AuditActions.LOGIN_FAILED).actor());
        assertTrue(s.unlock("tech-pass-1".toCharArray(), T0.plusSeconds(620)));
        assertEquals("jroe", s.actor().username());
        assertEquals("jroe", last(AuditActions.UNLOCKED).actor());
        assertFalse(s.lockIfIdle(T0.plusSeconds(620 + 299)), "the idle time restarts at the unlock");
        assertEquals(List.of(AuditActions.LOGIN, AuditActions.LOCKED, AuditActions.LOGIN_FAILED, AuditActions.UNLOCKED),
                actionsAfterSetUp());
    }

    @Test
    void theDemoLoginOnlyWhenTheSiteAllowsIt() {
        UserSession site = db.newSession(false, UserSession.DEFAULT_INACTIVITY_LIMIT);
        IllegalStateException x = assertThrows(IllegalStateException.class, () -> site.loginDemo(T0));
        assertTrue(x.getMessage().contains("turned off"), x.getMessage());
        assertTrue(site.user().isEmpty());

        UserSession demo = db.newSession(true, Duration.ofMinutes(5));
        User u = demo.loginDemo(T0);
        assertEquals("Demo technologist (not a real user)", demo.actor().displayName());
        assertTrue(u.demo());
        assertTrue(demo.lockIfIdle(T0.plusSeconds(300)));
        assertTrue(demo.unlock(new char[0], T0.plusSeconds(301)), "the demo account has no password to ask for");
        assertEquals("demo", last(AuditActions.LOGIN).actor());
    }

    @Test
    void aLoginOfAnotherUserLogsTheFirstOut() {
        UserSession s = db.newSession(false, UserSession.DEFAULT_INACTIVITY_LIMIT);
        s.login("jroe", "tech-pass-1".toCharArray(), T0);
        s.login("ada", "admin-pass-1".toCharArray(), T0.plusSeconds(5));
        assertEquals("ada", s.actor().username());
        assertEquals("jroe", last(AuditActions.LOGOUT).actor());
        assertTrue(db.audit().verify(null).intact());
    }

    private List<String> actionsAfterSetUp() {
        // set-up wrote two user.created entries
        return db.audit().entries(null).stream().skip(2).map(AuditEntry::action).toList();
    }

    private AuditEntry last(String action) {
        return db.audit().entries(null).reversed().stream().filter(e -> e.action().equals(action)).findFirst().orElseThrow();
    }
}
