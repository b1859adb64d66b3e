package org.openionm.io.edf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;

/** Opening with a saved annotation signal gives what a full read gives, and refuses one of another length. */
class EdfAnnotationSignalTest {

    @TempDir
    Path dir;

    @Test
    void aSavedAnnotationSignalStandsInForReadingItAndMustFitTheFile() throws Exception {
        Path file = write(dir.resolve("a.edf"), 10);
        EdfAnnotationSignal saved;
        try (EdfReader full = EdfReader.open(file)) {
            saved = full.annotationSignal();
            assertEquals(List.of("Clamp on"), saved.annotations().stream().map(EdfAnnotation::text).toList());
        }
        try (EdfReader quick = EdfReader.open(file, saved)) {
            assertEquals(saved.annotations(), quick.annotations());
            assertEquals(saved.recordStarts(), quick.recordStartSeconds());
            assertEquals(10, quick.header().recordCount());
        }
        Path longer = write(dir.resolve("b.edf"), 12);
        EdfFormatException e = assertThrows(EdfFormatException.class, () -> EdfReader.open(longer, saved).close());
        assertTrue(e.getMessage().contains("12 records") && e.getMessage().contains("describes 10"), e.getMessage());
    }

    private static Path write(Path file, int seconds) throws Exception {
        List<Channel> channels = List.of(new Channel(0, "C3", Channel.MICROVOLT, 100, -500, 500, ChannelRole.EEG));
        try (EdfWriter w = EdfWriter.create(file, EdfFormat.EDF, EdfRecordingInfo.anonymous(LocalDateTime.of(2026, 1, 2, 3, 4, 5)),
                channels, "", 100)) {
            for (int s = 0; s < seconds; s++) {
                w.write(new SampleBlock(s * 100L, 0, new float[][] {new float[100]}));
                if (s == 2) {
                    w.annotation(new Annotation(250, 0, "Clamp on", Annotation.Kind.CLINICAL));
                }
            }
        }
        return file;
    }
}
