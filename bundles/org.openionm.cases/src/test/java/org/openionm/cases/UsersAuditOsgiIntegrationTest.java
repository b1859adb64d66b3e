package org.openionm.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Argon2id (Bouncy Castle) and the audit tables work inside Equinox as in the product. */
class UsersAuditOsgiIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void bootstrapsLogsInAndVerifiesTheTrailInsideOsgi() {
        try (CaseDatabase db = CaseDatabases.open(DataArea.embedded(dir))) {
            assertTrue(db.users().firstAdministratorNeeded());
            db.users().createFirstAdministrator("ada", "Ada Admin", "", "admin-pass-1".toCharArray());
            UserSession s = db.newSession(false, UserSession.DEFAULT_INACTIVITY_LIMIT);
            assertEquals("ada", s.login("ada", "admin-pass-1".toCharArray(), java.time.Instant.EPOCH).orElseThrow().username());
            AuditVerification v = db.audit().verify(null);
            assertTrue(v.intact(), () -> v.firstProblem().toString());
            assertEquals(2, v.entriesChecked(), "user.created and login");
        }
    }
}
