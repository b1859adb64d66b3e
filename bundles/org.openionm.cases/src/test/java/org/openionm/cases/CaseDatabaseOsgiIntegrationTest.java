package org.openionm.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
}
