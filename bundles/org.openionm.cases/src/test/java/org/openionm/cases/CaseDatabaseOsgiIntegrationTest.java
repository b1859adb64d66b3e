package org.openionm.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.List;
import java.util.Map;

import org.openionm.cases.internal.JdbcCaseDatabase;

class CaseDatabaseOsgiIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void opensAndMigratesInsideOsgi() throws Exception {
        try (CaseDatabase db = CaseDatabases.open(DataArea.embedded(dir))) {
            assertTrue(db.describe().startsWith("H2 "), db.describe());
            try (Connection c = ((JdbcCaseDatabase) db).dataSource().getConnection();
                    ResultSet rs = c.createStatement().executeQuery("select count(*) from DATABASECHANGELOG")) {
                rs.next();
                assertTrue(rs.getInt(1) >= 0);
            }
        }
        assertTrue(Files.exists(dir.resolve("db/openionm.mv.db")), "the H2 file is in the data area's db folder");
        // a second open of the same area migrates nothing and works
        try (CaseDatabase db = CaseDatabases.open(DataArea.embedded(dir))) {
            assertEquals(dir.toAbsolutePath(), db.area().root());
        }
    }

    /**
     * The store inside Equinox: SnakeYAML reads the built-in templates from the bundle, a case and an
     * event are written and read back (audit entries to the test stand-in until the audit trail's
     * writer is wired).
     */
    @Test
    void createsAndReadsACaseInsideOsgi() throws Exception {
        TestAuditWriter audit = new TestAuditWriter();
        try (JdbcCaseDatabase db = JdbcCaseDatabase.open(DataArea.embedded(dir), audit)) {
            TestAuditWriter.createTable(db.dataSource());
            assertEquals(List.of("spine", "brain-cpa", "carotid"), db.cases().templates().stream().map(ProtocolTemplate::id).toList());
            CaseDetails d = CaseStoreContract.jane();
            MonitoringCase c = db.cases().create(d, true, CaseStoreContract.TECH);
            assertEquals(d, db.cases().find(c.id()).orElseThrow().details());
            assertTrue(Files.isDirectory(c.folder()));
            CaseEvent e = db.events().append(CaseStoreContract.event(c.id(), EventType.SCREW_PLACEMENT, Map.of("level", "L4"), 12.5));
            assertEquals(List.of(e), db.events().events(c.id()));
            assertEquals(2, TestAuditWriter.entries(db.dataSource()).size());
        }
    }
}
