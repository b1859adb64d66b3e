package org.openionm.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ArgumentsTest {

    private static final Set<String> KNOWN = Set.of("scenario", "duration", "rate");

    @Test
    void optionsAndPositionalArgumentsAreSeparated() throws Exception {
        Arguments a = Arguments.parse(new String[] { "--scenario", "spinal-cord-ischemia", "file.edf", "--duration", "600" }, KNOWN);
        assertEquals("spinal-cord-ischemia", a.required("scenario"));
        assertEquals(600, a.number("duration", 0, 1, 1000));
        assertEquals(5000, a.number("rate", 5000, 1, 20000), "absent option takes its default");
        assertEquals(List.of("file.edf"), a.positional());
    }

    @Test
    void mistakesAreNamed() {
        assertMessage("unknown option --durration", new String[] { "--durration", "5" });
        assertMessage("option --duration needs a value", new String[] { "--duration" });
        assertMessage("option --scenario needs a value", new String[] { "--scenario", "--duration", "5" });
        UsageException range = assertThrows(UsageException.class,
                () -> Arguments.parse(new String[] { "--rate", "50000" }, KNOWN).number("rate", 1, 1, 20000));
        assertTrue(range.getMessage().contains("between 1.0 and 20000.0"), range.getMessage());
        UsageException nan = assertThrows(UsageException.class,
                () -> Arguments.parse(new String[] { "--rate", "fast" }, KNOWN).number("rate", 1, 1, 20000));
        assertTrue(nan.getMessage().contains("must be a number"), nan.getMessage());
        UsageException missing = assertThrows(UsageException.class, () -> Arguments.parse(new String[0], KNOWN).required("scenario"));
        assertEquals("missing --scenario", missing.getMessage());
    }

    private static void assertMessage(String expected, String[] args) {
        UsageException e = assertThrows(UsageException.class, () -> Arguments.parse(args, KNOWN));
        assertEquals(expected, e.getMessage());
    }
}
