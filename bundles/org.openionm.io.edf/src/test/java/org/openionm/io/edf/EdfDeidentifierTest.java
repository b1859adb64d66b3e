package org.openionm.io.edf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;

/**
 * The copy holds none of the identifiers — searched for in its bytes, whatever their case — while its
 * samples are byte-for-byte the same and EDFlib (an independent reader) reads it.
 */
class EdfDeidentifierTest {

    private static final LocalDateTime START = LocalDateTime.of(2026, 12, 4, 8, 30, 15);
    private static final List<String> IDENTIFIERS = List.of("Doe^Jane", "Jane", "Doe", "MRN12345", "Smith", "ADM-77");

    @TempDir
    Path dir;

    @Test
    void theCopyHoldsNoIdentifierAndTheSameSamples() throws Exception {
        Path source = record(dir.resolve("case.bdf"));
        Path copy = dir.resolve("deidentified.bdf");
        EdfDeidentifier.Result result = EdfDeidentifier.copy(source, copy, new EdfDeidentifier.Spec(100, IDENTIFIERS));
        assertEquals(START.minusDays(100), result.start());
        assertEquals(2, result.annotationsChanged(), "the two texts that named the patient");

        String bytes = new String(Files.readAllBytes(copy), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (String identifier : List.of("doe", "jane", "mrn12345", "smith", "adm-77", "1961", "05-mar", "04-dec-2026",
                "04.12.26", "2026-12-04")) {
            assertFalse(bytes.contains(identifier), "'" + identifier + "' is still in the copy");
        }
        assertTrue(new String(Files.readAllBytes(source), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)
                .contains("doe_jane"), "the original still names the patient: the search above can find a name");

        try (EdfReader original = EdfReader.open(source); EdfReader anonymous = EdfReader.open(copy)) {
            assertEquals(LocalDateTime.of(2026, 8, 26, 8, 30, 15), anonymous.header().start());
            assertEquals(null, anonymous.header().info().patientName());
            assertEquals(null, anonymous.header().info().birthdate());
            assertEquals(original.header().recordCount(), anonymous.header().recordCount());
            float[][] a = original.readPhysicalAll(0, (int) original.sampleCount(0));
            float[][] b = anonymous.readPhysicalAll(0, (int) anonymous.sampleCount(0));
            for (int s = 0; s < a.length; s++) {
                assertArrayEquals(a[s], b[s], "samples of signal " + s);
            }
            assertEquals(List.of("X X awake X", "X confirmed", "STIM median.left 25mA 200us n=1 isi=0ms"),
                    anonymous.annotations().stream().map(EdfAnnotation::text).toList());
            assertEquals(original.annotations().stream().map(EdfAnnotation::onsetSeconds).toList(),
                    anonymous.annotations().stream().map(EdfAnnotation::onsetSeconds).toList(), "onsets unchanged");
        }

        ExternalTools.Result edflib = ExternalTools.run(List.of(ExternalTools.edflibDump().toString(), copy.toString(), "10"), 120);
        assertEquals(0, edflib.exit(), "EDFlib refused the copy:\n" + edflib.out() + edflib.err());
        assertEquals("2026-08-26T08:30:15", edflib.value("start"));
        assertEquals("X", edflib.value("patient_name").isEmpty() ? "X" : edflib.value("patient_name"));
        assertEquals(3, edflib.lines("annotation").size());
    }

    @Test
    void theRecordingItselfIsNeverOverwritten() throws Exception {
        Path source = record(dir.resolve("case.bdf"));
        long size = Files.size(source);
        try {
            EdfDeidentifier.copy(source, source, new EdfDeidentifier.Spec(1, IDENTIFIERS));
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("must not replace the recording itself"), expected.getMessage());
        }
        assertEquals(size, Files.size(source));
        assertTrue(new String(Files.readAllBytes(source), StandardCharsets.ISO_8859_1).contains("Doe_Jane"));
    }

    private static Path record(Path file) throws Exception {
        List<Channel> channels = List.of(new Channel(0, "C3-C4", Channel.MICROVOLT, 1000, -3200, 3200, ChannelRole.EEG),
                new Channel(1, "TA-L", Channel.MICROVOLT, 1000, -20000, 20000, ChannelRole.EMG_FREE_RUN));
        EdfRecordingInfo info = new EdfRecordingInfo("MRN12345", "F", LocalDate.of(1961, 3, 5), "Doe_Jane", "ADM-77",
                "Smith", "OpenIONM", START);
        try (EdfWriter w = EdfWriter.create(file, EdfFormat.BDF, info, channels, "HP:0Hz LP:0Hz", 250)) {
            for (int s = 0; s < 20; s++) {
                float[][] block = new float[2][250];
                for (int i = 0; i < 250; i++) {
                    block[0][i] = (float) (50 * Math.sin((s * 250 + i) / 30.0));
                    block[1][i] = (float) (s * 10 - i);
                }
                w.write(new SampleBlock(s * 250L, 0, block));
                if (s == 3) {
                    w.annotation(new Annotation(s * 250L + 10, 0, "Jane Doe awake 2026-12-04", Annotation.Kind.CLINICAL));
                } else if (s == 8) {
                    w.annotation(new Annotation(s * 250L + 20, 0, "mrn12345 confirmed", Annotation.Kind.CLINICAL));
                } else if (s == 12) {
                    w.annotation(new Annotation(s * 250L, 0, "STIM median.left 25mA 200us n=1 isi=0ms", Annotation.Kind.TECHNICAL));
                }
            }
        }
        return file;
    }
}
