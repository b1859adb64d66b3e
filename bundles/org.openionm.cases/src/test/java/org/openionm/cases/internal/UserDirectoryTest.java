package org.openionm.cases.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.cases.AuditActions;
import org.openionm.cases.AuditEntry;
import org.openionm.cases.Role;
import org.openionm.cases.User;
import org.openionm.cases.UserDirectory;
import org.openionm.cases.DataArea;

class UserDirectoryTest {

    @TempDir
    Path dir;

    JdbcCaseDatabase db;
    UserDirectory users;
    User admin;

    @BeforeEach
    void open() {
        db = JdbcCaseDatabase.open(DataArea.embedded(dir));
        users = db.users();
    }

    @AfterEach
    void close() {
        db.close();
    }

    void bootstrap() {
        admin = users.createFirstAdministrator("Ada", "Ada Admin", "", "admin-pass-1".toCharArray());
    }

    @Test
    void theFirstAdministratorIsCreatedOnceAndOnlyWhileNoRealAccountExists() {
        users.demoTechnologist();
        assertTrue(users.firstAdministratorNeeded(), "the demo account does not count");
        bootstrap();
        assertEquals("ada", admin.username(), "usernames are kept in lower case");
        assertEquals(Set.of(Role.ADMINISTRATOR), admin.roles());
        assertFalse(users.firstAdministratorNeeded());
        IllegalStateException x = assertThrows(IllegalStateException.class,
                () -> users.createFirstAdministrator("eve", "Eve", "", "eve-pass-12".toCharArray()));
        assertTrue(x.getMessage().contains("first administrator exists already"), x.getMessage());
        assertTrue(users.find("eve").isEmpty());
        AuditEntry created = last(AuditActions.USER_CREATED);
        assertEquals("ada", created.actor());
        assertTrue(created.detail().contains("first administrator"), created.detail());
        assertTrue(db.audit().verify(null).intact(), "the refused attempt left no entry behind");
    }

    @Test
    void anAdministratorCreatesAccountsOthersMayNot() {
        bootstrap();
        User tech = users.create("jroe", "Jane Roe", "CNIM", EnumSet.of(Role.TECHNOLOGIST), "tech-pass-1".toCharArray(), admin);
        assertEquals("Jane Roe, CNIM", tech.signature());
        assertEquals(tech, users.find("JRoe").orElseThrow());
        assertEquals(List.of("ada", "jroe"), users.list().stream().map(User::username).toList());
        SecurityException x = assertThrows(SecurityException.class,
                () -> users.create("kim", "Kim", "", EnumSet.of(Role.ADMINISTRATOR), "kim-pass-12".toCharArray(), tech));
        assertTrue(x.getMessage().contains("'jroe'"), x.getMessage());
        assertEquals("ada", last(AuditActions.USER_CREATED).actor());
    }

    @Test
    void usernameAndPasswordRulesNameWhatIsWrong() {
        bootstrap();
        assertTrue(create("1abc", "long-enough").contains("username must be 3–32 characters"));
        assertTrue(create("ab", "long-enough").contains("username must be"));
        assertTrue(create("a b", "long-enough").contains("was 'a b'"));
        assertTrue(create("system", "long-enough").contains("'system' is reserved"));
        assertTrue(create("demo", "long-enough").contains("'demo' is reserved"));
        assertTrue(create("bob", "short12").contains("at least 8 characters"));
        assertEquals("", create("bob", "exactly8"));
        assertTrue(create("BOB", "long-enough").contains("'bob' is taken"));
    }

    @Test
    void theMinimumPasswordLengthIsASiteSetting() {
        UserDirectory strict = new JdbcUserDirectory(db.dataSource(), db.auditWriter(), new PasswordHasher(PasswordHasher.OWASP), 12,
                Clock.systemUTC());
        assertEquals(12, strict.minimumPasswordLength());
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> strict.createFirstAdministrator("ada", "Ada", "", "eleven-char".toCharArray()));
        assertTrue(x.getMessage().contains("at least 12 characters"), x.getMessage());
        strict.createFirstAdministrator("ada", "Ada", "", "twelve-chars".toCharArray());
    }

    @Test
    void passwordsAreStoredAsSaltedArgon2idNeverInTheTrail() throws Exception {
        bootstrap();
        users.create("bob", "Bob", "", EnumSet.of(Role.TECHNOLOGIST), "admin-pass-1".toCharArray(), admin);
        String a = storedHash("ada");
        String b = storedHash("bob");
        assertTrue(a.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), a);
        assertNotEquals(a, b, "same password, different salt");
        users.authenticate("bob", "wrong-password".toCharArray());
        users.authenticate("bob", "admin-pass-1".toCharArray());
        for (AuditEntry e : db.audit().entries(null)) {
            assertFalse(e.canonical().contains("admin-pass-1") || e.canonical().contains("wrong-password"), e.toString());
        }
    }

    @Test
    void loginsAndFailuresAreAuditedWithTheUsernameOnly() {
        bootstrap();
        assertEquals(admin, users.authenticate(" ADA ", "admin-pass-1".toCharArray()).orElseThrow());
        assertEquals("ada", last(AuditActions.LOGIN).actor());
        assertTrue(users.authenticate("ada", "admin-pass-2".toCharArray()).isEmpty());
        assertEquals("wrong password", last(AuditActions.LOGIN_FAILED).detail());
        assertEquals("ada", last(AuditActions.LOGIN_FAILED).actor());
        assertTrue(users.authenticate("nobody", "admin-pass-1".toCharArray()).isEmpty());
        AuditEntry unknown = last(AuditActions.LOGIN_FAILED);
        assertEquals("nobody", unknown.actor());
        assertEquals("unknown user", unknown.detail());
    }

    @Test
    void aDisabledAccountCannotLogInAndTheLastAdministratorStaysEnabled() {
        bootstrap();
        users.create("bob", "Bob", "", EnumSet.of(Role.TECHNOLOGIST), "bob-pass-12".toCharArray(), admin);
        assertFalse(users.setActive("bob", false, admin).active());
        assertTrue(users.authenticate("bob", "bob-pass-12".toCharArray()).isEmpty());
        assertEquals("account disabled", last(AuditActions.LOGIN_FAILED).detail());
        assertEquals("user bob", last(AuditActions.USER_DISABLED).detail());
        IllegalStateException x = assertThrows(IllegalStateException.class, () -> users.setActive("ada", false, admin));
        assertTrue(x.getMessage().contains("last active administrator"), x.getMessage());
        users.setActive("bob", true, admin);
        assertTrue(users.authenticate("bob", "bob-pass-12".toCharArray()).isPresent());
    }

    @Test
    void theDemoTechnologistIsLabelledAndHasNoUsablePassword() throws Exception {
        User demo = users.demoTechnologist();
        assertEquals("Demo technologist (not a real user)", demo.displayName());
        assertTrue(demo.demo());
        assertEquals(Set.of(Role.TECHNOLOGIST), demo.roles());
        assertEquals(demo, users.demoTechnologist(), "created once");
        assertEquals(1, db.audit().entries(null).stream().filter(e -> e.action().equals(AuditActions.USER_CREATED)).count());
        assertEquals(null, storedHash("demo"));
        assertTrue(users.authenticate("demo", "".toCharArray()).isEmpty());
        assertTrue(users.authenticate("demo", "decoy".toCharArray()).isEmpty());
        assertFalse(users.verifyPassword(demo, "".toCharArray()));
    }

    @Test
    void aPasswordIsChangedByItsOwnerOrAnAdministrator() {
        bootstrap();
        User bob = users.create("bob", "Bob", "", EnumSet.of(Role.TECHNOLOGIST), "bob-pass-12".toCharArray(), admin);
        User kim = users.create("kim", "Kim", "", EnumSet.of(Role.TECHNOLOGIST), "kim-pass-12".toCharArray(), admin);
        users.changePassword("bob", "bob-pass-34".toCharArray(), bob);
        assertTrue(users.verifyPassword(bob, "bob-pass-34".toCharArray()));
        assertFalse(users.verifyPassword(bob, "bob-pass-12".toCharArray()));
        assertThrows(SecurityException.class, () -> users.changePassword("bob", "kim-was-here".toCharArray(), kim));
        users.changePassword("bob", "reset-by-admin".toCharArray(), admin);
        assertTrue(users.authenticate("bob", "reset-by-admin".toCharArray()).isPresent());
        assertEquals("password of bob changed", last(AuditActions.PASSWORD_CHANGED).detail());
    }

    @Test
    void aHashMadeWithWeakerParametersIsReplacedAtTheNextLogin() throws Exception {
        UserDirectory old = new JdbcUserDirectory(db.dataSource(), db.auditWriter(),
                new PasswordHasher(new PasswordHasher.Params(4096, 1, 1)), 8, Clock.systemUTC());
        old.createFirstAdministrator("ada", "Ada", "", "admin-pass-1".toCharArray());
        assertTrue(storedHash("ada").startsWith("$argon2id$v=19$m=4096,t=1,p=1$"));
        assertTrue(users.authenticate("ada", "admin-pass-1".toCharArray()).isPresent());
        assertTrue(storedHash("ada").startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), storedHash("ada"));
        assertTrue(users.authenticate("ada", "admin-pass-1".toCharArray()).isPresent());
    }

    private String create(String username, String password) {
        try {
            users.create(username, "Someone", "", EnumSet.of(Role.TECHNOLOGIST), password.toCharArray(), admin);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private AuditEntry last(String action) {
        List<AuditEntry> all = db.audit().entries(null);
        return all.reversed().stream().filter(e -> e.action().equals(action)).findFirst().orElseThrow();
    }

    private String storedHash(String username) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery("select password_hash from users where username = '" + username + "'")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
