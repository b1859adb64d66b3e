package org.openionm.processing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {

    @TempDir
    Path dir;

    @Test
    void savedOverridesLoadBackExactlyAndAMissingFileIsNone() throws IOException {
        Path file = dir.resolve("settings/modality-settings.properties");
        List<String> problems = new ArrayList<>();
        assertEquals(Map.of(), SettingsFile.load(file, problems::add));
        Map<String, Map<String, String>> saved = Map.of("ssep", Map.of("alarm.amplitude.decrease.percent", "40",
                "upper.sweeps", "300", "alarm.subcortical", "true"), "mep", Map.of("alarm.preset", "brain"),
                "eeg", Map.of("note", "C:\\montage\ttab, ünïcode = fine"), "emg", Map.of());
        SettingsFile.save(file, saved);
        assertEquals(Map.of("ssep", saved.get("ssep"), "mep", saved.get("mep"), "eeg", saved.get("eeg")),
                SettingsFile.load(file, problems::add), "a processor without overrides has no line; text comes back as it was");
        assertEquals(List.of(), problems);
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void linesThatNameNoSettingAreReportedAndSkippedTheRestIsKeptAsText() throws IOException {
        Path file = dir.resolve("s.properties");
        Files.writeString(file, "ssep.alarm.confirmations=3\nssep.upper.sweeps=lots\nnodot=2\nmep.=1\n");
        List<String> problems = new ArrayList<>();
        // whether 'lots' is a valid value only the processor's descriptor can tell (DefaultProcessorHostTest)
        assertEquals(Map.of("ssep", Map.of("alarm.confirmations", "3", "upper.sweeps", "lots")),
                SettingsFile.load(file, problems::add));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.contains("is not <processor>.<setting>")), problems.toString());
    }

    @Test
    void aFileThatCannotBeWrittenIsAnIoErrorNotAHalfFile() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-directory"), "x");
        assertThrows(IOException.class, () -> SettingsFile.save(blocker.resolve("settings.properties"),
                Map.of("ssep", Map.of("upper.sweeps", "300"))));
    }
}
