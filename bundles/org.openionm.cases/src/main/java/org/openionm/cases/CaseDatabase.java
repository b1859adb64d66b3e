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

    /** "H2 2.3.232 (embedded, /home/…/db)" or "PostgreSQL 15.8 (jdbc:postgresql://…)", for About and logs. */
    String describe();

    @Override
    void close();
}
