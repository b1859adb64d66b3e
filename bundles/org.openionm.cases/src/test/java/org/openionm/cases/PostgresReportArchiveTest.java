package org.openionm.cases;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Sign-off on a real PostgreSQL server (a throw-away cluster, a new database per test). */
class PostgresReportArchiveTest extends ReportArchiveContract {

    private static PostgresServer server;

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
    DataArea newArea(Path root) throws Exception {
        return server.newDatabase(root);
    }
}
