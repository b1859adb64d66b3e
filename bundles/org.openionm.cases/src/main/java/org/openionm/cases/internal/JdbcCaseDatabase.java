package org.openionm.cases.internal;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.openionm.cases.AuditTrail;
import org.openionm.cases.CaseDatabase;
import org.openionm.cases.CaseStore;
import org.openionm.cases.DataArea;
import org.openionm.cases.EventLog;
import org.openionm.cases.LibraryLogging;
import org.openionm.cases.UserDirectory;
import org.openionm.cases.UserSession;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Level;

import liquibase.GlobalConfiguration;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.ui.LoggerUIService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * The case database over JDBC: H2 in file mode in the data area by default, any configured JDBC URL
 * (PostgreSQL) otherwise; a HikariCP pool; the schema migrated by Liquibase from
 * {@code db/changelog.xml} at every open.
 *
 * <p>The embedded database runs in H2's mixed mode ({@code AUTO_SERVER=TRUE}) so the workbench and a
 * command can have it open at once: the first opener serves the others over TCP. H2 would listen on
 * every interface for that; {@code h2.bindAddress} (unless set otherwise) keeps it on loopback.
 */
public final class JdbcCaseDatabase implements CaseDatabase {

    static final String CHANGELOG = "db/changelog.xml";

    /** H2 reads it once, when its classes load: set before this class touches H2. */
    static final String H2_BIND_ADDRESS = "h2.bindAddress";

    /**
     * The pool's start-up chatter is not for the user's console; its warnings are. HikariCP logs
     * through SLF4J, whose JUL provider (slf4j.jdk14, started in the product) hands it to this logger.
     * A logging configuration that names a level for it ({@code com.zaxxer.hikari.level}, e.g. to
     * follow the pool) is kept. Kept referenced: JUL holds loggers weakly.
     */
    private static final java.util.logging.Logger HIKARI_LOG = java.util.logging.Logger.getLogger("com.zaxxer.hikari");

    static {
        if (java.util.logging.LogManager.getLogManager().getProperty(HIKARI_LOG.getName() + ".level") == null) {
            HIKARI_LOG.setLevel(java.util.logging.Level.WARNING);
        }
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
    }

    private final DataArea area;
    private final HikariDataSource pool;
    private final String product;
    private final JdbcAuditTrail audit;
    private final JdbcUserDirectory users;
    private final JdbcCaseStore cases;
    private final JdbcEventLog events;
    private final JdbcReportArchive reports;

    private JdbcCaseDatabase(DataArea area, HikariDataSource pool, String product, AuditWriter auditWriter) {
        this.area = area;
        this.pool = pool;
        this.product = product;
        this.audit = new JdbcAuditTrail(pool, java.time.Clock.systemUTC());
        this.users = new JdbcUserDirectory(pool, audit, new PasswordHasher(PasswordHasher.OWASP),
                JdbcUserDirectory.DEFAULT_MINIMUM_PASSWORD_LENGTH, java.time.Clock.systemUTC());
        AuditWriter writer = auditWriter != null ? auditWriter : audit;
        this.cases = new JdbcCaseStore(pool, area, Clock.systemDefaultZone(), writer);
        this.events = new JdbcEventLog(pool, area, writer);
        this.reports = new JdbcReportArchive(pool, users, writer, audit);
    }

    public static JdbcCaseDatabase open(DataArea area) {
        return open(area, null);
    }

    /**
     * Opens with {@code auditWriter} receiving the audit entries of case and event changes; null
     * means this database's own audit trail. Tests of the store alone pass a stand-in.
     */
    public static JdbcCaseDatabase open(DataArea area, AuditWriter auditWriter) {
        HikariDataSource pool = null;
        LibraryLogging.start(); // the pool logs through SLF4J
        try {
            pool = new HikariDataSource(poolConfig(area));
            String product;
            try (Connection c = pool.getConnection()) {
                product = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
                migrate(c);
            }
            return new JdbcCaseDatabase(area, pool, product, auditWriter);
        } catch (RuntimeException | SQLException | LiquibaseException e) {
            if (pool != null) {
                pool.close();
            }
            throw new IllegalStateException("cannot open the case database at " + area.describeLocation() + ": "
                    + rootMessage(e), e);
        }
    }

    private static HikariConfig poolConfig(DataArea area) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("openionm-cases");
        config.setMaximumPoolSize(4);
        config.setDataSource(dataSource(area));
        return config;
    }

    private static DataSource dataSource(DataArea area) {
        if (area.embeddedDatabase()) {
            try {
                Files.createDirectories(area.databaseFolder());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot create " + area.databaseFolder() + ": " + e.getMessage(), e);
            }
            org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
            // LOCK_TIMEOUT: a writer waits for another's transaction (two creating a case) rather than fail after 1 s
            h2.setURL("jdbc:h2:file:" + area.databaseFolder().resolve("openionm") + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000");
            return h2;
        }
        org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
        pg.setURL(area.jdbcUrl());
        if (area.jdbcUser() != null) {
            pg.setUser(area.jdbcUser());
        }
        if (area.jdbcPassword() != null) {
            pg.setPassword(area.jdbcPassword());
        }
        return pg;
    }

    private static void migrate(Connection c) throws LiquibaseException {
        // Liquibase builds its root scope from the thread's context class loader the first time it is
        // used; under OSGi that loader (the caller's, e.g. a command's thread) may not see Liquibase's
        // own service files. Its own loader always does.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Scope.class.getClassLoader());
        try {
            migrateInScope(c);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void migrateInScope(Connection c) throws LiquibaseException {
        // In an OSGi test runtime the bundle's class loader may list the changelog twice (its jar and
        // its classes folder): the same file, so the first is taken. Progress and the update summary
        // go to the log at FINE, not stdout; no usage analytics are sent from a clinical workstation.
        // Plugins needing libraries the product does not ship (opencsv) are left out (LinkableServicesClassLoader).
        LoggerUIService ui = new LoggerUIService();
        ui.setStandardLogLevel(Level.FINE);
        Map<String, Object> scope = Map.of(GlobalConfiguration.DUPLICATE_FILE_MODE.getKey(), GlobalConfiguration.DuplicateFileMode.DEBUG,
                Scope.Attr.ui.name(), ui,
                Scope.Attr.classLoader.name(), new LinkableServicesClassLoader(Scope.getCurrentScope().getClassLoader(true)),
                Scope.Attr.logService.name(), new LiquibaseLog(),
                Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(JdbcCaseDatabase.class.getClassLoader()),
                "liquibase.analytics.enabled", false);
        try {
            Scope.child(scope, () -> {
                Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
                new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, db)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                        .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.SUMMARY)
                        .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                        .setOutput(OutputStream.nullOutputStream())
                        .execute();
            });
        } catch (LiquibaseException e) {
            throw e;
        } catch (Exception e) {
            throw new LiquibaseException(e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public DataArea area() {
        return area;
    }

    @Override
    public CaseStore cases() {
        return cases;
    }

    @Override
    public EventLog events() {
        return events;
    }

    @Override
    public UserDirectory users() {
        return users;
    }

    @Override
    public AuditTrail audit() {
        return audit;
    }

    @Override
    public org.openionm.cases.ReportArchive reports() {
        return reports;
    }

    /** Appends audit entries inside a caller's transaction (the case store's changes). */
    public AuditWriter auditWriter() {
        return audit;
    }

    @Override
    public UserSession newSession(boolean demoLoginAllowed, java.time.Duration inactivityLimit) {
        return new DefaultUserSession(users, audit, demoLoginAllowed, inactivityLimit);
    }

    /** The workbench's login session on this database; {@code demoLoginAllowed} is the site's choice. */
    public org.openionm.cases.UserSession newSession(boolean demoLoginAllowed) {
        return newSession(demoLoginAllowed, UserSession.DEFAULT_INACTIVITY_LIMIT);
    }

    @Override
    public String describe() {
        return product + " (" + (area.embeddedDatabase() ? "embedded, " : "") + area.describeLocation() + ")";
    }

    @Override
    public void close() {
        pool.close();
    }
}
