package org.openionm.io.edf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.core.model.Channel;

/**
 * A corpus of broken files made from one good file. Each must be rejected with an
 * {@link EdfFormatException} naming the field (and, where it is fixed, the byte offset), quickly
 * and without running out of memory.
 */
class EdfMalformedFilesTest {

    /** 2 data signals + annotations: 1024-byte header; records of 2 × 100 × 2 + 512 = 912 bytes; 5 records. */
    static final int HEADER = 1024;
    static final int RECORD = 912;
    static final int NS = 3;
    static final int ANNOTATIONS = 400; // offset of the annotation signal inside a record

    @TempDir
    Path dir;
    byte[] good;

    @BeforeEach
    void writeGoodFile() throws IOException {
        List<Channel> channels = Recordings.channels(1000, new double[][] { { -100, 100 }, { -100, 100 } });
        Path file = Recordings.writeSimple(dir.resolve("good.edf"), EdfFormat.EDF, channels,
                Recordings.signal(channels, 500, 9), 100);
        good = Files.readAllBytes(file);
        assertEquals(HEADER + 5 * RECORD, good.length);
        try (EdfReader reader = EdfReader.open(file)) {
            assertEquals(5, reader.header().recordCount());
        }
    }

    record Case(String name, UnaryOperator<byte[]> edit, String field, long offset) {
    }

    static UnaryOperator<byte[]> field(int offset, int width, String text) {
        return b -> {
            byte[] copy = b.clone();
            byte[] t = (text + " ".repeat(width)).substring(0, width).getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(t, 0, copy, offset, width);
            return copy;
        };
    }

    static UnaryOperator<byte[]> bytes(int offset, byte... values) {
        return b -> {
            byte[] copy = b.clone();
            System.arraycopy(values, 0, copy, offset, values.length);
            return copy;
        };
    }

    static UnaryOperator<byte[]> truncate(int length) {
        return b -> Arrays.copyOf(b, length);
    }

    static int signalField(int perSignalOffset, int width, int signal) {
        return 256 + NS * perSignalOffset + signal * width;
    }

    static int annotationsOf(int record) {
        return HEADER + record * RECORD + ANNOTATIONS;
    }

    static byte[] tal(String s, int length) {
        byte[] t = new byte[length];
        byte[] src = s.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(src, 0, t, 0, Math.min(src.length, length));
        return t;
    }

    static final int SPR = 216;

    @TestFactory
    Stream<DynamicTest> malformedFilesAreRejectedNamingTheField() {
        List<Case> cases = List.of(
                new Case("truncated data", truncate(HEADER + 5 * RECORD - 100), "number of data records", 236),
                new Case("truncated inside the fixed header", truncate(100), "header", 100),
                new Case("truncated inside the signal headers", truncate(700), "number of signals", 252),
                new Case("header size field wrong", field(184, 8, "768"), "number of bytes in header record", 184),
                new Case("header size absurd", field(184, 8, "99999999"), "number of bytes in header record", 184),
                new Case("absurd signal count", b -> field(184, 8, "2560000").apply(field(252, 4, "9999").apply(b)),
                        "number of signals", 252),
                new Case("zero signals", field(252, 4, "0"), "number of signals", 252),
                new Case("record count larger than the file", field(236, 8, "99"), "number of data records", 236),
                new Case("record count negative", field(236, 8, "-7"), "number of data records", 236),
                new Case("record count not a number", field(236, 8, "ten"), "number of data records", 236),
                new Case("duration not a number", field(244, 8, "1,5"), "duration of a data record", 244),
                new Case("non-ASCII byte in patient", bytes(20, (byte) 0xE9), "local patient identification", 20),
                new Case("control byte in a label", bytes(256 + 16 + 3, (byte) 7), "label", 256 + 16 + 3),
                new Case("non-ASCII prefiltering", bytes(signalField(136, 80, 1) + 2, (byte) 0xB5), "prefiltering",
                        signalField(136, 80, 1) + 2),
                new Case("version", field(0, 8, "1"), "version", 0),
                new Case("start date format", field(168, 8, "1.2.2024"), "startdate of recording", 168),
                new Case("start date impossible", field(168, 8, "31.02.24"), "startdate of recording", 168),
                new Case("start time impossible", field(176, 8, "25.00.00"), "starttime of recording", 176),
                new Case("reserved EDF+ variant unknown", field(192, 44, "EDF+X"), "reserved", 192),
                new Case("zero samples per record", field(signalField(SPR, 8, 0), 8, "0"),
                        "nr of samples in each data record", signalField(SPR, 8, 0)),
                new Case("negative samples per record", field(signalField(SPR, 8, 1), 8, "-5"),
                        "nr of samples in each data record", signalField(SPR, 8, 1)),
                new Case("absurd samples per record", field(signalField(SPR, 8, 0), 8, "99999999"),
                        "nr of samples in each data record", signalField(SPR, 8, 0)),
                new Case("physical minimum not a number", field(signalField(104, 8, 0), 8, "abc"), "physical minimum",
                        signalField(104, 8, 0)),
                new Case("physical maximum equals minimum", field(signalField(112, 8, 1), 8, "-100"), "physical maximum",
                        signalField(112, 8, 1)),
                new Case("digital maximum not an integer", field(signalField(128, 8, 0), 8, "32767.5"), "digital maximum",
                        signalField(128, 8, 0)),
                new Case("digital maximum beyond 16 bits", field(signalField(128, 8, 1), 8, "40000"), "digital maximum",
                        signalField(128, 8, 1)),
                new Case("digital maximum below minimum", field(signalField(128, 8, 0), 8, "-32768"), "digital maximum",
                        signalField(128, 8, 0)),
                new Case("EDF+ without annotation signal", field(256 + 2 * 16, 16, "EEG Fz"), "label", 256),
                new Case("TAL without sign", bytes(annotationsOf(2), (byte) 'X'), "EDF Annotations", annotationsOf(2)),
                new Case("TAL onset not a number", bytes(annotationsOf(1), tal("+1..5\u0014\u0014", 8)), "EDF Annotations",
                        annotationsOf(1)),
                new Case("TAL duration not a number", bytes(annotationsOf(1), tal("+0.35\u0014\u0014\u0000+1\u0015x\u0014a\u0014", 20)),
                        "EDF Annotations", annotationsOf(1) + 11),
                new Case("TAL never terminated", bytes(annotationsOf(3), ("+0.55\u0014" + "a".repeat(506))
                        .getBytes(StandardCharsets.ISO_8859_1)), "EDF Annotations", annotationsOf(3) + 6),
                new Case("bytes after the TALs", bytes(annotationsOf(4) + 511, (byte) 'z'), "EDF Annotations",
                        annotationsOf(4) + 511),
                new Case("no time-keeping TAL", bytes(annotationsOf(2), tal("+0.45\u0014text\u0014\u0000", 16)),
                        "EDF Annotations", annotationsOf(2)),
                new Case("continuous file jumps", bytes(annotationsOf(3), tal("+0.95\u0014\u0014\u0000", 8)),
                        "EDF Annotations", annotationsOf(3)));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Path file = dir.resolve(c.name().replace(' ', '_') + ".edf");
            Files.write(file, c.edit().apply(good));
            EdfFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(EdfFormatException.class, () -> EdfReader.open(file).close()));
            assertEquals(c.field(), e.field(), e.getMessage());
            assertEquals(c.offset(), e.offset(), e.getMessage());
            assertTrue(e.getMessage().contains(c.field()) && e.getMessage().contains("byte " + c.offset()), e.getMessage());
        }));
    }

    @Test
    void talErrorsNameTheRecord() {
        Path file = dir.resolve("tal.edf");
        EdfFormatException e = assertThrows(EdfFormatException.class, () -> {
            Files.write(file, bytes(annotationsOf(2), (byte) 'X').apply(good));
            EdfReader.open(file);
        });
        assertTrue(e.getMessage().contains("record 2"), e.getMessage());
    }

    @Test
    void unfinishedRecordCountIsDerivedFromTheSize() throws IOException {
        Path file = dir.resolve("minus1.edf");
        Files.write(file, truncate(HEADER + 4 * RECORD + 300).apply(field(236, 8, "-1").apply(good)));
        try (EdfReader reader = EdfReader.open(file)) {
            assertEquals(4, reader.header().recordCount());
            assertTrue(reader.warnings().get(0).contains("300 bytes ignored"), reader.warnings().toString());
            assertEquals(400, reader.readPhysical(1, 0, 400).length);
            assertThrows(IndexOutOfBoundsException.class, () -> reader.readPhysical(1, 399, 2));
        }
    }

    /** Random damage: whatever happens, the reader answers with a file or an EdfFormatException, fast. */
    @Test
    void randomDamageNeverHangsOrFailsOtherwise() {
        SplittableRandom random = new SplittableRandom(2024);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int rejected = 0;
            for (int k = 0; k < 400; k++) {
                byte[] damaged = good.clone();
                int flips = 1 + random.nextInt(4);
                for (int f = 0; f < flips; f++) {
                    // mostly the header and the annotation signals, where the structure is
                    int at = random.nextBoolean() ? random.nextInt(HEADER)
                            : annotationsOf(random.nextInt(5)) + random.nextInt(512);
                    damaged[at] = (byte) random.nextInt(256);
                }
                if (random.nextInt(8) == 0) {
                    damaged = Arrays.copyOf(damaged, random.nextInt(damaged.length));
                }
                Path file = dir.resolve("fuzz.edf");
                Files.write(file, damaged);
                try (EdfReader reader = EdfReader.open(file)) {
                    for (int s = 0; s < reader.signals().size(); s++) {
                        reader.readPhysical(s, 0, (int) Math.min(reader.sampleCount(s), 1_000_000));
                    }
                } catch (EdfFormatException e) {
                    rejected++;
                }
            }
            assertTrue(rejected > 100, "most damage should be detected, rejected " + rejected);
        });
    }
}
