package org.openionm.io.edf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.stimulation.StimulationKind;

class EdfRoundTripTest {

    @TempDir
    Path dir;

    /** Rails chosen so that 8-character rounding matters: 12345.678901 is written as 12345.68. */
    static final double[][] RAILS = { { -3200, 3200 }, { -12345.678901, 12345.678901 }, { -500.123456789, 800.987654321 } };

    @ParameterizedTest
    @EnumSource(EdfFormat.class)
    void samplesComeBackWithinHalfAQuantisationStep(EdfFormat format) throws IOException {
        List<Channel> channels = Recordings.channels(2000, RAILS);
        float[][] data = Recordings.signal(channels, 10_000, 42);
        Path file = Recordings.writeSimple(dir.resolve("rt." + format.name().toLowerCase()), format, channels, data, 200);

        try (EdfReader reader = EdfReader.open(file)) {
            EdfHeader h = reader.header();
            assertEquals(format.name() + "+C", h.formatName());
            assertEquals(50, h.recordCount());
            assertEquals(0.1, h.recordDurationSeconds());
            assertEquals(3, reader.signals().size());
            assertTrue(reader.warnings().isEmpty(), reader.warnings().toString());
            for (int c = 0; c < channels.size(); c++) {
                EdfSignal s = reader.signals().get(c);
                Channel ch = channels.get(c);
                assertEquals(ch.label(), s.label());
                assertEquals("uV", s.physicalDimension());
                assertEquals("HP:0.1Hz LP:5000Hz", s.prefiltering());
                assertEquals(2000.0, s.samplingRateHz());
                assertEquals(format.digitalMin(), s.digitalMin());
                assertEquals(format.digitalMax(), s.digitalMax());
                // the written range contains the rails and exceeds them by less than one unit of the last
                // decimal that fits the 8 characters (-12345.678901 is written -12345.7: 0.1)
                double below = ch.physicalMin() - s.physicalMin();
                double above = s.physicalMax() - ch.physicalMax();
                assertTrue(below >= 0 && below < Math.pow(10, -java.math.BigDecimal.valueOf(s.physicalMin()).scale()),
                        s.toString());
                assertTrue(above >= 0 && above < Math.pow(10, -java.math.BigDecimal.valueOf(s.physicalMax()).scale()),
                        s.toString());
                // bound: half of (physMax - physMin) / (digMax - digMin) from the values as written, plus float rounding
                double step = (s.physicalMax() - s.physicalMin()) / ((double) s.digitalMax() - s.digitalMin());
                assertEquals(step, s.quantisationStep(), 1e-15);
                float[] back = reader.readPhysical(c, 0, 10_000);
                double worst = 0;
                for (int i = 0; i < back.length; i++) {
                    double error = Math.abs(back[i] - data[c][i]);
                    double bound = step / 2 + Math.ulp(data[c][i]) + Math.ulp(back[i]);
                    assertTrue(error <= bound, "channel " + c + " sample " + i + ": " + data[c][i] + " came back as "
                            + back[i] + ", error " + error + " > " + bound);
                    worst = Math.max(worst, error);
                }
                // the values were quantised, not stored as floats: the error is of the order of the step
                assertTrue(worst > step / 10, "worst error " + worst + " vs step " + step);
            }
            float[][] all = reader.readPhysicalAll(1234, 777);
            for (int c = 0; c < 3; c++) {
                assertArrayEquals(reader.readPhysical(c, 1234, 777), all[c]);
            }
        }
    }

    @Test
    void headerIsPrintableAsciiAndFollowsEdfPlus() throws IOException {
        List<Channel> channels = Recordings.channels(2000, RAILS);
        Path file = Recordings.writeSimple(dir.resolve("h.edf"), EdfFormat.EDF, channels,
                Recordings.signal(channels, 4000, 1), 200);
        byte[] bytes = Files.readAllBytes(file);
        int headerBytes = 256 * 5;
        for (int i = 0; i < headerBytes; i++) {
            int b = bytes[i] & 0xFF;
            assertTrue(b >= 32 && b <= 126, "header byte " + i + " is " + b);
        }
        String h = new String(bytes, 0, headerBytes, StandardCharsets.US_ASCII);
        assertEquals("0       ", h.substring(0, 8));
        assertEquals(pad("MCH-0234567 F 02-MAY-1951 Muller_Anna", 80), h.substring(8, 88));
        assertEquals(pad("Startdate 05-MAR-2024 OR_3 J._Doe OpenIONM_test_rig", 80), h.substring(88, 168));
        assertEquals("05.03.2414.07.09", h.substring(168, 184));
        assertEquals(pad("1280", 8), h.substring(184, 192));
        assertEquals(pad("EDF+C", 44), h.substring(192, 236));
        assertEquals(pad("20", 8) + pad("0.1", 8) + pad("4", 4), h.substring(236, 256));
        assertEquals(pad("EDF Annotations", 16), h.substring(256 + 3 * 16, 256 + 4 * 16));
        assertEquals(pad("12345.68", 8), h.substring(256 + 4 * 112 + 8, 256 + 4 * 112 + 16)); // physical maximum, signal 2
        assertEquals(pad("-500.124", 8), h.substring(256 + 4 * 104 + 16, 256 + 4 * 104 + 24)); // physical minimum, signal 3

        try (EdfReader reader = EdfReader.open(file)) {
            EdfRecordingInfo info = reader.header().info();
            assertEquals(Recordings.START, reader.header().start()); // 0.25 s kept in the first time-keeping TAL
            assertEquals("MCH-0234567", info.patientCode());
            assertEquals("F", info.sex());
            assertEquals(LocalDate.of(1951, 5, 2), info.birthdate());
            assertEquals("Muller Anna", info.patientName());
            assertEquals("OR 3", info.adminCode());
            assertEquals("J. Doe", info.technician());
            assertEquals("OpenIONM test rig", info.equipment());
            assertEquals(0.25, reader.recordStartSeconds().get(0));
        }
    }

    @Test
    void anonymousRecordingWritesX() throws IOException {
        List<Channel> channels = Recordings.channels(1000, new double[][] { { -100, 100 } });
        Path file = dir.resolve("anon.edf");
        try (EdfWriter w = EdfWriter.create(file, EdfFormat.EDF, EdfRecordingInfo.anonymous(Recordings.START.withNano(0)),
                channels, "None", 100)) {
            Recordings.write(w, Recordings.signal(channels, 300, 3), 0, 0, 300);
        }
        String h = new String(Files.readAllBytes(file), 0, 256, StandardCharsets.US_ASCII);
        assertEquals(pad("X X X X", 80), h.substring(8, 88));
        assertEquals(pad("Startdate 05-MAR-2024 X X OpenIONM", 80), h.substring(88, 168));
        try (EdfReader reader = EdfReader.open(file)) {
            assertEquals(null, reader.header().info().patientName());
            assertEquals("None", reader.signals().get(0).prefiltering());
            assertEquals(0.0, reader.recordStartSeconds().get(0));
        }
    }

    @Test
    void annotationsAndStimuliComeBackExactlyAtTheirSamples() throws IOException {
        double rate = 5000;
        List<Channel> channels = Recordings.channels(rate, new double[][] { { -3200, 3200 }, { -3200, 3200 } });
        float[][] data = Recordings.signal(channels, 20_000, 7);
        List<StimulusEvent> stimuli = new ArrayList<>(List.of(
                StimulusEvent.single("median.left", 0, 25, "mA", 200),
                StimulusEvent.single("median.right", 1, 24.5, "mA", 300),
                new StimulusEvent("tcmep.C3C4", StimulationKind.TRAIN, 4999, 350.5, "V", 50, 5, 4),
                StimulusEvent.single("tibial.left", 5000, 0.1, "mA", 0.5),
                new StimulusEvent("screw.L4.left", StimulationKind.RAMP, 12345, 3.2, "mA", 200, 1, 0),
                StimulusEvent.single("median.left", 19_999, 1.0 / 3, "mA", 200)));
        for (int k = 0; k < 60; k++) { // a burst that cannot fit one record: carried to the following ones
            stimuli.add(StimulusEvent.single("ulnar.left", 15_000 + k, 10 + k * 0.01, "mA", 200));
        }
        List<Annotation> notes = List.of(
                new Annotation(7000, 2.5, "Clamp on – Dr. Müller", Annotation.Kind.CLINICAL),
                new Annotation(8000, 0, "L4 screw breach", Annotation.Kind.GROUND_TRUTH),
                new Annotation(9000, 0.0002, "Électrode CP3 décollée ✓", Annotation.Kind.CLINICAL));
        Path file = dir.resolve("ann.edf");
        try (EdfWriter w = EdfWriter.create(file, EdfFormat.EDF, Recordings.INFO, channels, "None", 100)) {
            w.stimulus(stimuli.get(0)); // before its block
            Recordings.write(w, data, 0, 0, 6000);
            w.stimulus(stimuli.get(1)); // long after its block was written
            w.stimulus(stimuli.get(2));
            w.stimulus(stimuli.get(3));
            for (Annotation a : notes) {
                w.annotation(a);
            }
            Recordings.write(w, data, 0, 6000, 14_000);
            for (StimulusEvent e : stimuli.subList(4, stimuli.size())) { // 12345 late, 19999 and the burst early
                w.stimulus(e);
            }
            Recordings.write(w, data, 0, 14_000, 20_000);
            assertTrue(w.warnings().isEmpty(), w.warnings().toString());
        }
        try (EdfReader reader = EdfReader.open(file)) {
            Set<StimulusEvent> back = new HashSet<>();
            List<EdfAnnotation> others = new ArrayList<>();
            long firstBurstRecord = Long.MAX_VALUE;
            long lastBurstRecord = 0;
            for (EdfAnnotation a : reader.annotations()) {
                long index = reader.sampleIndexAt(a.onsetSeconds());
                // onset = 0.25 s sub-second start + index / rate, to the 100 ns written
                assertEquals(0.25 + index / rate, a.onsetSeconds(), 1e-9);
                if (a.text().contains("ulnar.left")) {
                    firstBurstRecord = Math.min(firstBurstRecord, a.record());
                    lastBurstRecord = Math.max(lastBurstRecord, a.record());
                }
                StimulusAnnotations.parse(a.text(), index).ifPresentOrElse(back::add, () -> others.add(a));
            }
            assertEquals(new HashSet<>(stimuli), back);
            assertEquals(stimuli.size(), back.size());
            assertTrue(lastBurstRecord - firstBurstRecord >= 4, "60 stimuli need several records: " + firstBurstRecord
                    + ".." + lastBurstRecord);
            assertEquals(3, others.size(), others.toString());
            assertEquals("Clamp on – Dr. Müller", others.get(0).text());
            assertEquals(7000, reader.sampleIndexAt(others.get(0).onsetSeconds()));
            assertEquals(2.5, others.get(0).durationSeconds());
            assertEquals("TRUTH L4 screw breach", others.get(1).text());
            assertEquals(8000, reader.sampleIndexAt(others.get(1).onsetSeconds()));
            assertEquals(0, others.get(1).durationSeconds());
            assertEquals("Électrode CP3 décollée ✓", others.get(2).text());
            assertEquals(0.0002, others.get(2).durationSeconds());
            assertEquals(200, reader.header().recordCount(), "no record added: every annotation found room in time");
        }
    }

    @Test
    void gapsMakeEdfPlusDWithJumpsAndOnlyAnnotatedPadding() throws IOException {
        double rate = 1000;
        List<Channel> channels = Recordings.channels(rate, new double[][] { { -100, 100 }, { -200, 200 } });
        float[][] data = Recordings.signal(channels, 2023, 11);
        Path file = dir.resolve("gaps.edf");
        try (EdfWriter w = EdfWriter.create(file, EdfFormat.EDF, Recordings.INFO, channels, "None", 100)) {
            Recordings.write(w, data, 0, 0, 1000);
            w.gap(new DataGap(1000, 250, "cable pulled")); // at a record boundary: a pure jump
            Recordings.write(w, data, 0, 1250, 1420);
            w.gap(new DataGap(1420, 300, "overflow")); // mid-record: 30 samples padded, then a jump
            Recordings.write(w, data, 0, 1720, 1735);
            w.gap(new DataGap(1735, 5, "short")); // inside a record: padded, no jump
            Recordings.write(w, data, 0, 1740, 2023); // the last record is padded at close
        }
        Set<Long> written = new HashSet<>();
        for (long[] range : new long[][] { { 0, 1000 }, { 1250, 1420 }, { 1720, 1735 }, { 1740, 2023 } }) {
            for (long i = range[0]; i < range[1]; i++) {
                written.add(i);
            }
        }
        try (EdfReader reader = EdfReader.open(file)) {
            assertEquals("EDF+D", reader.header().formatName());
            List<Double> expectedStarts = new ArrayList<>();
            for (int r = 0; r < 10; r++) {
                expectedStarts.add(0.25 + r * 0.1);
            }
            for (double s : new double[] { 1.25, 1.35, 1.72, 1.82, 1.92, 2.02 }) {
                expectedStarts.add(0.25 + s);
            }
            assertEquals(expectedStarts.size(), reader.recordStartSeconds().size());
            for (int r = 0; r < expectedStarts.size(); r++) {
                assertEquals(expectedStarts.get(r), reader.recordStartSeconds().get(r), 1e-9, "record " + r);
            }
            List<long[]> padding = new ArrayList<>();
            List<String> gaps = new ArrayList<>();
            for (EdfAnnotation a : reader.annotations()) {
                long index = reader.sampleIndexAt(a.onsetSeconds());
                long samples = Math.round(a.durationSeconds() * rate);
                if (a.text().startsWith(EdfWriter.PADDING_PREFIX)) {
                    padding.add(new long[] { index, samples });
                } else if (a.text().startsWith(EdfWriter.GAP_PREFIX)) {
                    gaps.add(index + "+" + samples + " " + a.text());
                }
            }
            assertEquals(List.of("1000+250 DATA GAP: cable pulled (250 samples)", "1420+300 DATA GAP: overflow (300 samples)",
                    "1735+5 DATA GAP: short (5 samples)"), gaps);
            assertEquals(List.of("1420+30", "1735+5", "2023+97"), padding.stream().map(p -> p[0] + "+" + p[1]).toList());

            long stored = reader.sampleCount(0);
            assertEquals(16 * 100, stored);
            assertEquals(written.size() + 30 + 5 + 97, stored, "every stored sample is either written or annotated padding");
            for (int c = 0; c < 2; c++) {
                EdfSignal s = reader.signals().get(c);
                float[] values = reader.readPhysical(c, 0, (int) stored);
                for (int i = 0; i < stored; i++) {
                    int record = i / 100;
                    long clock = reader.sampleIndexAt(reader.recordStartSeconds().get(record)) + i % 100;
                    if (written.contains(clock)) {
                        assertEquals(data[c][(int) clock], values[i], s.quantisationStep() / 2 + 1e-4, "sample " + clock);
                    } else {
                        boolean covered = padding.stream().anyMatch(p -> clock >= p[0] && clock < p[0] + p[1]);
                        assertTrue(covered, "stored sample at " + clock + " is neither written nor annotated padding");
                        assertEquals(0, values[i], s.quantisationStep(), "padding is 0");
                    }
                }
            }
        }
    }

    @Test
    void outOfRangeSamplesAreClampedCountedAndAnnotated() throws IOException {
        double rate = 1000;
        List<Channel> channels = Recordings.channels(rate, new double[][] { { -100, 100 }, { -100, 100 } });
        float[][] data = Recordings.signal(channels, 5000, 5);
        for (int i = 1000; i < 1012; i++) {
            data[1][i] = 150;
        }
        data[1][2000] = 100; // exactly at the rail: representable, not clamped
        data[1][3000] = -500;
        data[1][3001] = -101;
        data[1][3002] = Float.NEGATIVE_INFINITY;
        data[1][3500] = Float.NaN;
        Path file = dir.resolve("range.edf");
        List<String> warnings;
        long clamped;
        try (EdfWriter w = EdfWriter.create(file, EdfFormat.EDF, Recordings.INFO, channels, "None", 100)) {
            Recordings.write(w, data, 0, 0, 5000);
            warnings = w.warnings();
            clamped = w.clampedSamples();
        }
        assertEquals(16, clamped);
        String line = warnings.stream().filter(s -> s.startsWith("Erb-L")).findFirst().orElseThrow();
        assertTrue(line.contains("15 samples beyond [-100.0, 100.0] uV") && line.contains("1 not-a-number"), line);
        assertFalse(warnings.stream().anyMatch(s -> s.startsWith("CP3-Fpz")), warnings.toString());
        try (EdfReader reader = EdfReader.open(file)) {
            float[] values = reader.readPhysical(1, 0, 5000);
            for (int i = 1000; i < 1012; i++) {
                assertEquals(100f, values[i], "clamped at the positive rail");
            }
            assertEquals(100f, values[2000]);
            assertEquals(-100f, values[3000]);
            assertEquals(-100f, values[3001]);
            assertEquals(-100f, values[3002]);
            assertEquals(0, values[3500], reader.signals().get(1).quantisationStep());
            List<String> notes = reader.annotations().stream()
                    .filter(a -> a.text().startsWith(EdfWriter.OUT_OF_RANGE_PREFIX))
                    .map(a -> reader.sampleIndexAt(a.onsetSeconds()) + "+" + Math.round(a.durationSeconds() * rate) + " "
                            + a.text())
                    .toList();
            assertEquals(List.of("1000+12 OUT OF RANGE ch Erb-L: 12 samples clamped",
                    "3000+501 OUT OF RANGE ch Erb-L: 3 samples clamped, 1 not-a-number samples written as 0"), notes);
        }
    }

    @Test
    void annotationsWaitingAtCloseGetPaddedRecords() throws IOException {
        List<Channel> channels = Recordings.channels(1000, new double[][] { { -100, 100 } });
        Path file = dir.resolve("overflow.edf");
        String longText = "x".repeat(300);
        try (EdfWriter w = EdfWriter.create(file, EdfFormat.EDF, Recordings.INFO, channels, "None", 100)) {
            Recordings.write(w, Recordings.signal(channels, 200, 1), 0, 0, 200);
            for (int k = 0; k < 20; k++) {
                w.annotation(new Annotation(150 + k, 0, k + longText, Annotation.Kind.CLINICAL));
            }
        }
        try (EdfReader reader = EdfReader.open(file)) {
            List<EdfAnnotation> texts = reader.annotations().stream().filter(a -> a.text().endsWith(longText)).toList();
            assertEquals(20, texts.size());
            for (int k = 0; k < 20; k++) {
                assertEquals(k + longText, texts.get(k).text());
                assertEquals(150 + k, reader.sampleIndexAt(texts.get(k).onsetSeconds()));
            }
            long added = reader.header().recordCount() - 2;
            assertTrue(added > 0);
            long padded = reader.annotations().stream().filter(a -> a.text().equals(EdfWriter.PADDING_PREFIX
                    + ": annotation overflow")).count();
            assertEquals(added, padded, "each added record says it holds no data");
        }
    }

    @Test
    void unfinishedFileIsReadWithItsRecordCountDerived() throws IOException {
        List<Channel> channels = Recordings.channels(1000, new double[][] { { -100, 100 } });
        float[][] data = Recordings.signal(channels, 1050, 2);
        Path file = dir.resolve("unfinished.edf");
        try (EdfWriter w = EdfWriter.create(file, EdfFormat.EDF, Recordings.INFO, channels, "None", 100)) {
            Recordings.write(w, data, 0, 0, 1050);
            w.flush();
            try (EdfReader reader = EdfReader.open(file)) {
                assertEquals(10, reader.header().recordCount());
                assertTrue(reader.warnings().get(0).contains("-1"), reader.warnings().toString());
                assertEquals(data[0][999], reader.readPhysical(0, 999, 1)[0], reader.signals().get(0).quantisationStep());
            }
        }
    }

    @Test
    void emptyRecordingHasNoRecords() throws IOException {
        Path file = dir.resolve("empty.edf");
        EdfWriter.create(file, EdfFormat.BDF, Recordings.INFO, Recordings.channels(1000, new double[][] { { -1, 1 } }),
                "None", 100).close();
        try (EdfReader reader = EdfReader.open(file)) {
            assertEquals(0, reader.header().recordCount());
            assertEquals("BDF+C", reader.header().formatName());
        }
    }

    @Test
    void settingsThatCannotBeWrittenAreRefused() throws IOException {
        Path file = dir.resolve("bad.edf");
        Files.writeString(file, "an earlier recording");
        List<Channel> mixed = List.of(Recordings.channels(1000, new double[][] { { -1, 1 } }).get(0),
                new Channel(1, "X", "uV", 500, -1, 1, org.openionm.core.model.ChannelRole.EEG));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EdfWriter.create(file, EdfFormat.EDF, Recordings.INFO, mixed, "None", 100));
        assertTrue(e.getMessage().contains("sampling rate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EdfWriter.create(file, EdfFormat.EDF, Recordings.INFO,
                Recordings.channels(3000, new double[][] { { -1, 1 } }), "None", 7));
        assertTrue(e.getMessage().contains("record duration") && e.getMessage().contains("e.g. 3000"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EdfWriter.create(file, EdfFormat.EDF, Recordings.INFO,
                Recordings.channels(1000, new double[][] { { -1e9, 1e9 } }), "None", 100));
        assertTrue(e.getMessage().contains("8 characters"), e.getMessage());
        assertEquals("an earlier recording", Files.readString(file), "a refused call leaves the file alone");
    }

    @Test
    void formatAndRecordSizeHelpers() {
        assertEquals(EdfFormat.EDF, EdfWriter.chooseFormat(Recordings.channels(1000, new double[][] { { -3200, 3200 } }), 0.1));
        assertEquals(EdfFormat.BDF, EdfWriter.chooseFormat(Recordings.channels(1000, new double[][] { { -3200, 3200 },
                { -32000, 32000 } }), 0.1));
        assertEquals(400, EdfWriter.recommendedSamplesPerRecord(20_000, 64, EdfFormat.EDF)); // 20 ms, 51 712 bytes
        assertEquals(2000, EdfWriter.recommendedSamplesPerRecord(2000, 8, EdfFormat.EDF));
        assertEquals(2048, EdfWriter.recommendedSamplesPerRecord(2048, 4, EdfFormat.BDF));
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
