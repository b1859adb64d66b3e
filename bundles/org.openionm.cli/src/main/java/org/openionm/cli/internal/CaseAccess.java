package org.openionm.cli.internal;

import java.io.Console;
import java.time.Instant;
import java.util.Optional;

import org.openionm.cases.CaseDatabase;
import org.openionm.cases.CaseDatabases;
import org.openionm.cases.DataArea;
import org.openionm.cases.User;
import org.openionm.cases.UserSession;
import org.openionm.cases.internal.JdbcCaseDatabase;

/**
 * The case database of the data area ({@code --data}, {@code OPENIONM_DATA}, else
 * {@code ~/.openionm/data}: the launcher turns {@code --data} into the environment variable) and the
 * user a command acts as: {@code --user <name>} with the password from {@code OPENIONM_PASSWORD} or
 * typed at the console, else the demo technologist where the site allows the demo login. Every change
 * a command makes is attributed to that user in the audit trail, as in the workbench.
 */
final class CaseAccess implements AutoCloseable {

    final CaseDatabase db;
    final UserSession session;
    private final User actor;

    private CaseAccess(CaseDatabase db, UserSession session, User actor) {
        this.db = db;
        this.session = session;
        this.actor = actor;
    }

    static DataArea area() {
        return DataArea.resolve(System.getProperty(DataArea.PROPERTY), System.getenv());
    }

    static boolean demoAllowed() {
        return !"false".equalsIgnoreCase(System.getProperty("openionm.demo"));
    }

    /** Opens the database and logs in; a wrong user or password is a usage error (exit 2). */
    static CaseAccess open(String username) throws UsageException {
        CaseDatabase db = CaseDatabases.open(area());
        try {
            UserSession session = ((JdbcCaseDatabase) db).newSession(demoAllowed());
            Instant now = Instant.now();
            User actor;
            if (username == null) {
                if (!demoAllowed()) {
                    throw new UsageException("this site has no demo login: give --user <name> (password from OPENIONM_PASSWORD or typed)");
                }
                actor = session.loginDemo(now);
            } else {
                Optional<User> user = session.login(username, password(), now);
                actor = user.orElseThrow(() -> new UsageException("wrong user name or password for '" + username + "'"));
            }
            return new CaseAccess(db, session, actor);
        } catch (UsageException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Opens the database without logging in (reading the audit trail needs no user). */
    static CaseDatabase openReadOnly() {
        return CaseDatabases.open(area());
    }

    /** Where {@code OPENIONM_PASSWORD} is read: the process environment (tests in this package give one of their own). */
    static java.util.function.UnaryOperator<String> environment = System::getenv;

    static char[] password() throws UsageException {
        String env = environment.apply("OPENIONM_PASSWORD");
        if (env != null) {
            return env.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new UsageException("no password: set OPENIONM_PASSWORD or run at a terminal");
        }
        char[] typed = console.readPassword("password: ");
        return typed == null ? new char[0] : typed;
    }

    User actor() {
        return actor;
    }

    @Override
    public void close() {
        session.logout(Instant.now());
        db.close();
    }
}
