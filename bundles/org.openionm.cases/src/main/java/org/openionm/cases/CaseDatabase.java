package org.openionm.cases;

/**
 * An open case database: migrated to the current schema, with a connection pool. The one entry point
 * the workbench and the commands use ({@code CaseDatabases.open(area)}); closing it closes the pool.
 */
public interface CaseDatabase extends AutoCloseable {

    DataArea area();

    CaseStore cases();

    EventLog events();

    UserDirectory users();

    AuditTrail audit();

    /**
     * A new session of this workbench or command, not logged in.
     *
     * @param demoLoginAllowed whether {@link UserSession#loginDemo} may be used (the site configuration turns it off)
     * @param inactivityLimit idle time after which the session locks ({@link UserSession#DEFAULT_INACTIVITY_LIMIT})
     * @since 0.2.0
     */
    UserSession newSession(boolean demoLoginAllowed, java.time.Duration inactivityLimit);

    /**
     * Signed reports of this database's cases.
     *
     * @since 0.2.0
     */
    default ReportArchive reports() {
        throw new UnsupportedOperationException("this case database keeps no signed reports");
    }

    /** "H2 2.3.232 (embedded, /home/…/db)" or "PostgreSQL 15.8 (jdbc:postgresql://…)", for About and logs. */
    String describe();

    @Override
    void close();
}
