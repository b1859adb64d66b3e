package org.openionm.io.edf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.StimulusEvent;

/**
 * Our EDF+C and BDF+C files read by two readers we did not write: EDFlib (strict; it cannot read
 * EDF+D, so continuous files only) and MNE-Python (lenient, what many researchers use).
 */
class EdfIndependentReadersTest {

    static final double RATE = 5000;
    static final int SAMPLES = 10_000;

    @TempDir
    Path dir;

    /** What was written, to compare every reader's answer with. */
    record Written(Path file, List<Channel> channels, float[][] data, List<EdfSignal> signals, List<long[]> events,
            List<String> texts) {
    }

    Written write(EdfFormat format) throws IOException {
        List<Channel> channels = Recordings.channels(RATE, EdfRoundTripTest.RAILS);
        float[][] data = Recordings.signal(channels, SAMPLES, 99);
        Path file = dir.resolve("independent." + format.name().toLowerCase());
        List<long[]> events = new ArrayList<>(); // {sample, duration in 100 ns}
        List<String> texts = new ArrayList<>();
        List<EdfSignal> signals;
        try (EdfWriter w = EdfWriter.create(file, format, Recordings.INFO, channels, "HP:30Hz LP:3000Hz", 100)) {
            for (long index : new long[] { 0, 17, 4999, 9999 }) {
                StimulusEvent e = StimulusEvent.single("median.left", index, 25, "mA", 200);
                w.stimulus(e);
                events.add(new long[] { index, 0 });
                texts.add(StimulusAnnotations.format(e));
            }
            // ends inside the recording: MNE crops annotations at the end of the data
            w.annotation(new Annotation(3333, 1.25, "Clamp on – Dr. Müller", Annotation.Kind.CLINICAL));
            events.add(new long[] { 3333, 12_500_000 });
            texts.add("Clamp on – Dr. Müller");
            w.annotation(new Annotation(6000, 0, "A-train facial", Annotation.Kind.GROUND_TRUTH));
            events.add(new long[] { 6000, 0 });
            texts.add("TRUTH A-train facial");
            Recordings.write(w, data, 0, 0, SAMPLES);
            signals = w.signals();
            assertTrue(w.warnings().isEmpty(), w.warnings().toString());
        }
        return new Written(file, channels, data, signals, events, texts);
    }

    @ParameterizedTest
    @EnumSource(EdfFormat.class)
    void edflibReadsWhatWeWrote(EdfFormat format) throws Exception {
        Path exe = ExternalTools.edflibDump();
        Written w = write(format);
        ExternalTools.Result r = ExternalTools.run(List.of(exe.toString(), w.file().toString(),
                Integer.toString(SAMPLES)), 120);
        assertEquals(0, r.exit(), "EDFlib refused the file:\n" + r.out() + r.err());
        assertEquals(format == EdfFormat.EDF ? "1" : "3", r.value("filetype")); // EDF+ / BDF+
        assertEquals("3", r.value("signals"));
        assertEquals("100", r.value("datarecords"));
        assertEquals("200000", r.value("datarecord_duration")); // 0.02 s in 100 ns
        assertEquals("2024-03-05T14:07:09", r.value("start"));
        assertEquals("2500000", r.value("subsecond"));
        assertEquals("MCH-0234567", r.value("patientcode"));
        assertEquals("Female", r.value("gender"));
        assertEquals("02 may 1951", r.value("birthdate"));
        assertEquals("Muller Anna", r.value("patient_name"));
        assertEquals("OR 3", r.value("admincode"));
        assertEquals("J. Doe", r.value("technician"));
        assertEquals("OpenIONM test rig", r.value("equipment"));
        List<String[]> signals = r.lines("signal");
        List<String[]> samples = r.lines("samples");
        assertEquals(3, signals.size());
        for (int c = 0; c < 3; c++) {
            String[] s = signals.get(c);
            EdfSignal written = w.signals().get(c);
            assertEquals(w.channels().get(c).label(), s[2].strip());
            assertEquals("100", s[3]);
            assertEquals(written.physicalMin(), Double.parseDouble(s[4]));
            assertEquals(written.physicalMax(), Double.parseDouble(s[5]));
            assertEquals(format.digitalMin(), Integer.parseInt(s[6]));
            assertEquals(format.digitalMax(), Integer.parseInt(s[7]));
            assertEquals("uV", s[8].strip());
            assertEquals("HP:30Hz LP:3000Hz", s[9].strip());
            assertEquals(Integer.toString(SAMPLES), s[10]);
            String[] values = samples.get(c);
            assertEquals(SAMPLES + 2, values.length, "EDFlib read fewer samples");
            double step = written.quantisationStep();
            for (int i = 0; i < SAMPLES; i++) {
                double v = Double.parseDouble(values[i + 2]);
                float x = w.data()[c][i];
                assertTrue(Math.abs(v - x) <= step / 2 + Math.ulp(x), "EDFlib channel " + c + " sample " + i + ": "
                        + v + " but " + x + " was written (step " + step + ")");
            }
        }
        Set<String> expected = new TreeSet<>();
        for (int k = 0; k < w.events().size(); k++) {
            long[] e = w.events().get(k);
            // EDFlib onsets are in 100 ns after the start second's sub-second offset
            String duration = e[1] == 0 ? "" : Double.toString(e[1] / 1e7).replaceAll("\\.0$", "");
            expected.add(Math.round(e[0] / RATE * 1e7) + "|" + duration + "|" + w.texts().get(k));
        }
        Set<String> found = new TreeSet<>();
        for (String[] a : r.lines("annotation")) {
            found.add(a[1] + "|" + a[2] + "|" + a[3]);
        }
        assertEquals(expected, found);
    }

    @ParameterizedTest
    @EnumSource(EdfFormat.class)
    void mneReadsWhatWeWrote(EdfFormat format) throws Exception {
        String python = ExternalTools.pythonWithMne();
        Written w = write(format);
        ExternalTools.Result r = ExternalTools.run(List.of(python, ExternalTools.RESOURCES.resolve("mne_dump.py").toString(),
                w.file().toString(), Integer.toString(SAMPLES)), 300);
        assertEquals(0, r.exit(), "MNE refused the file:\n" + r.out() + r.err());
        assertEquals(RATE, Double.parseDouble(r.value("sfreq")));
        assertEquals(List.of("channels", "CP3-Fpz", "Erb-L", "APB-R"), List.of(r.lines("channels").get(0)));
        assertEquals(Integer.toString(SAMPLES), r.value("n_times"));
        assertTrue(r.value("meas_date").startsWith("2024-03-05T14:07:09"), r.value("meas_date"));
        List<String[]> samples = r.lines("samples");
        for (int c = 0; c < 3; c++) {
            double step = w.signals().get(c).quantisationStep();
            String[] values = samples.get(c);
            assertEquals(SAMPLES + 2, values.length);
            for (int i = 0; i < SAMPLES; i++) {
                double microvolts = Double.parseDouble(values[i + 2]) * 1e6; // MNE returns volts
                float x = w.data()[c][i];
                assertTrue(Math.abs(microvolts - x) <= step / 2 + Math.ulp(x) + 1e-9 * Math.abs(x), "MNE channel " + c
                        + " sample " + i + ": " + microvolts + " uV but " + x + " was written (step " + step + ")");
            }
        }
        List<String[]> annotations = r.lines("annotation");
        assertEquals(w.events().size(), annotations.size(), r.out());
        Set<String> expected = new TreeSet<>();
        for (int k = 0; k < w.events().size(); k++) {
            long[] e = w.events().get(k);
            expected.add(e[0] + "|" + e[1] + "|" + w.texts().get(k));
        }
        Set<String> found = new TreeSet<>();
        for (String[] a : annotations) {
            // MNE's onsets count from the first sample (it removes the sub-second start offset)
            double onset = Double.parseDouble(a[1]);
            long sample = Math.round(onset * RATE);
            assertEquals(sample / RATE, onset, 1e-6, "onset not on a sample: " + onset);
            found.add(sample + "|" + Math.round(Double.parseDouble(a[2]) * 1e7) + "|" + a[3]);
        }
        assertEquals(expected, found);
    }
}
