package org.openionm.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crash tests' kill: after the progress asked for, the last progress the child printed; a child that cannot start is reported with its error. */
class KilledChildTest {

    @TempDir
    Path dir;

    @Test
    void theChildIsKilledAfterItReportedEnoughAndItsLastReportIsReturned() throws Exception {
        long last = KilledChild.runAndKill(dir, CountingChild.class, 500, 100);
        assertTrue(last >= 500, "killed only after it had reported 500 samples: " + last);
        assertEquals(0, last % 100, "a number the child printed (steps of 100): " + last);
        assertFalse(Files.exists(dir.resolve("child.err")), "its error output is removed after a normal run");
    }

    @Test
    void aChildThatDiesBeforeReportingIsAFailureThatQuotesItsError() {
        AssertionError e = assertThrows(AssertionError.class, () -> KilledChild.runAndKill(dir, CountingChild.class, 0, 100, "fail"));
        assertTrue(e.getMessage().contains("did not start") && e.getMessage().contains("no amplifier here"), e.getMessage());
    }
}
