package org.openionm.cases.internal;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.cases.DataArea;
import org.openionm.cases.PostgresServer;

/** The audit trail, its tamper detection and concurrent appends on a real PostgreSQL server (a throw-away cluster). */
class PostgresAuditTrailTest extends AuditTrailContract {

    private static PostgresServer server;

    @TempDir
    Path dir;

    /** One database per test; the concurrency test opens a second pool on the same one. */
    private DataArea area;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected DataArea area() throws Exception {
        if (area == null) {
            area = server.newDatabase(dir);
        }
        return area;
    }
}
