package org.openionm.driver.edf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.acquisition.EngineState;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.DriverOption;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.stimulation.StimulationKind;
import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfRecordingInfo;
import org.openionm.io.edf.EdfWriter;
import org.openionm.io.edf.HealthAnnotations;
import org.openionm.testkit.RecordingDriverContext;
import org.openionm.testkit.Replay;
import org.openionm.testkit.ReplayResult;

class EdfPlaybackDriverTest {

    static final double RATE = 2000;
    static final String[] LABELS = { "CP3-Fpz", "Erb-L", "APB-R", "C5-Fz" };

    @TempDir
    Path dir;

    record Written(Path file, float[][] data, List<StimulusEvent> stimuli) {
    }

    /** 3 s at 2 kHz on 4 channels with a 400-sample gap starting mid-record at 2530. */
    Written write(String name, Annotation... extra) throws IOException {
        List<Channel> channels = new ArrayList<>();
        for (int c = 0; c < LABELS.length; c++) {
            channels.add(new Channel(c, LABELS[c], "uV", RATE, -3200, 3200, ChannelRole.EEG));
        }
        float[][] data = new float[LABELS.length][6000];
        for (int c = 0; c < data.length; c++) {
            for (int i = 0; i < 6000; i++) {
                data[c][i] = (float) (1000 * Math.sin(2 * Math.PI * (5 + c) * i / RATE) + 3 * c);
            }
        }
        List<StimulusEvent> stimuli = List.of(StimulusEvent.single("median.left", 0, 25, "mA", 200),
                StimulusEvent.single("median.right", 100, 24.5, "mA", 200),
                StimulusEvent.single("median.left", 2529, 25, "mA", 200),
                new StimulusEvent("tcmep.C3C4", StimulationKind.TRAIN, 2935, 350, "V", 50, 5, 4),
                StimulusEvent.single("median.left", 5999, 25, "mA", 200));
        Path file = dir.resolve(name);
        try (EdfWriter w = EdfWriter.create(file, EdfFormat.EDF, EdfRecordingInfo.anonymous(LocalDateTime.of(2025, 1, 2, 3,
                4, 5)), channels, "None", 100)) {
            for (StimulusEvent e : stimuli) {
                w.stimulus(e);
            }
            w.annotation(new Annotation(1000, 1.5, "Clamp on – Dr. Müller", Annotation.Kind.CLINICAL));
            w.annotation(new Annotation(3000, 0, "L4 breach", Annotation.Kind.GROUND_TRUTH));
            for (Annotation a : extra) {
                w.annotation(a);
            }
            writeRange(w, data, 0, 2530);
            w.gap(new DataGap(2530, 400, "cable"));
            writeRange(w, data, 2930, 6000);
        }
        return new Written(file, data, stimuli);
    }

    static void writeRange(EdfWriter w, float[][] data, int from, int to) throws IOException {
        for (int i = from; i < to; i += 77) {
            int n = Math.min(77, to - i);
            float[][] block = new float[data.length][n];
            for (int c = 0; c < data.length; c++) {
                System.arraycopy(data[c], i, block[c], 0, n);
            }
            w.write(new SampleBlock(i, 0, block));
        }
    }

    static AcquisitionConfig config(Path file, int channels, boolean realTime) {
        return new AcquisitionConfig(1000, channels, realTime, Map.of("file", file.toString()));
    }

    @Test
    void playsTheSamplesStimuliAnnotationsAndGapOfAWrittenFile() throws Exception {
        Written w = write("case.edf");
        EdfPlaybackDriver driver = new EdfPlaybackDriver();
        AcquisitionConfig config = config(w.file(), 8, false);
        driver.capabilities().check(config);
        List<Channel> channels = driver.configure(config);
        assertEquals(List.of(LABELS), channels.stream().map(Channel::label).toList());
        assertEquals(List.of(ChannelRole.SSEP_CORTICAL, ChannelRole.SSEP_PERIPHERAL, ChannelRole.MEP_MUSCLE,
                ChannelRole.SSEP_SUBCORTICAL), channels.stream().map(Channel::role).toList());
        for (Channel c : channels) {
            assertEquals("uV", c.unit());
            assertEquals(RATE, c.samplingRateHz()); // the file's rate, not the configured 1000 Hz
            assertEquals(-3200, c.physicalMin());
            assertEquals(3200, c.physicalMax());
        }

        RecordingDriverContext ctx = new RecordingDriverContext(RATE).keepBlocks();
        driver.run(ctx);

        long expected = 0;
        int jumps = 0;
        double step = 6400 / 65535.0;
        for (SampleBlock b : ctx.blocks()) {
            assertEquals(4, b.channelCount());
            assertTrue(b.sampleCount() >= 1 && b.sampleCount() <= 20, "blocks of at most 10 ms: " + b);
            if (b.firstSampleIndex() != expected) {
                jumps++;
                assertEquals(2530, expected, "the only jump is the gap");
                assertEquals(2930, b.firstSampleIndex(), "the gap is 400 samples, padding not played");
            }
            assertEquals(Math.round(b.firstSampleIndex() * 1e9 / RATE), b.deviceTimestampNanos());
            for (int c = 0; c < 4; c++) {
                for (int i = 0; i < b.sampleCount(); i++) {
                    long index = b.firstSampleIndex() + i;
                    assertEquals(w.data()[c][(int) index], b.sample(c, i), step / 2 + 1e-3, "sample " + index);
                }
            }
            expected = b.endSampleIndex();
        }
        assertEquals(1, jumps);
        assertEquals(6000, expected);
        assertEquals(2530 + 3070, ctx.blocks().stream().mapToLong(SampleBlock::sampleCount).sum());

        assertEquals(w.stimuli(), ctx.stimuli());
        assertEquals(List.of(), ctx.lateEvents(), "events are handed on before the block holding their sample");
        assertTrue(ctx.annotations().contains(new Annotation(1000, 1.5, "Clamp on – Dr. Müller", Annotation.Kind.CLINICAL)),
                ctx.annotations().toString());
        assertTrue(ctx.annotations().contains(new Annotation(3000, 0, "L4 breach", Annotation.Kind.GROUND_TRUTH)),
                ctx.annotations().toString());
        assertTrue(ctx.annotations().contains(new Annotation(2530, 0.2, "DATA GAP: cable (400 samples)",
                Annotation.Kind.TECHNICAL)), ctx.annotations().toString());
        assertFalse(ctx.annotations().stream().anyMatch(a -> a.text().startsWith(EdfWriter.PADDING_PREFIX)));
        assertEquals(3, ctx.annotations().size(), ctx.annotations().toString());
    }

    @Test
    void aReplayThroughTheEngineReturnsTheFilesAnnotationsStimuliAndGap() throws Exception {
        Written w = write("replay.edf");
        ReplayResult r = Replay.of(new EdfPlaybackDriver(), config(w.file(), 8, false)).run();

        assertEquals(EngineState.STOPPED, r.engineStatus().state(), r.engineStatus().message());
        assertEquals(2530 + 3070, r.samplesDelivered());
        assertEquals(6000, r.endSample());
        assertEquals(List.of(2530L + ":" + 400L), r.gaps().stream().map(g -> g.firstMissingSampleIndex() + ":" + g.sampleCount())
                .toList(), "the recorded gap reaches consumers as a gap of exactly its samples");
        assertEquals(w.stimuli(), r.stimuli());
        assertEquals(List.of(new Annotation(1000, 1.5, "Clamp on – Dr. Müller", Annotation.Kind.CLINICAL),
                new Annotation(2530, 0.2, "DATA GAP: cable (400 samples)", Annotation.Kind.TECHNICAL),
                new Annotation(3000, 0, "L4 breach", Annotation.Kind.GROUND_TRUTH)), r.annotations());
    }

    @Test
    void recordedAmplifierReportsArePlayedAsHealthEventsAtTheirSample() throws Exception {
        DriverHealth off = new DriverHealth(DriverHealth.Condition.LEAD_OFF, 1, true, 1200, "impedance > 20 kOhm");
        DriverHealth on = new DriverHealth(DriverHealth.Condition.LEAD_OFF, 1, false, 2000, "");
        DriverHealth lost = new DriverHealth(DriverHealth.Condition.DISCONNECTED, DriverHealth.WHOLE_DEVICE, true, 5000, "USB");
        String unknownChannel = "HEALTH SATURATION start C3-Cz: at the rail";
        Written w = write("health.edf", technical(off, "Erb-L"), technical(on, "Erb-L"), technical(lost, null),
                new Annotation(4000, 0, unknownChannel, Annotation.Kind.TECHNICAL));
        EdfPlaybackDriver driver = new EdfPlaybackDriver();
        driver.configure(config(w.file(), 8, false));
        RecordingDriverContext ctx = new RecordingDriverContext(RATE).keepBlocks();
        driver.run(ctx);

        assertEquals(List.of(off, on, lost), ctx.health(), "sample index, channel, state and detail as recorded");
        assertEquals(List.of(), ctx.lateEvents(), "reports come before the block holding their sample");
        assertTrue(ctx.annotations().contains(new Annotation(4000, 0, unknownChannel, Annotation.Kind.TECHNICAL)),
                "a report on a channel the file does not have is kept as a technical annotation: " + ctx.annotations());
    }

    @Test
    void aFileWithoutReportsGetsThemFromItsSignalFlatAsLeadOffAndAtTheRailAsSaturation() throws Exception {
        List<Channel> channels = new ArrayList<>();
        for (int c = 0; c < LABELS.length; c++) {
            channels.add(new Channel(c, LABELS[c], "uV", RATE, -3200, 3200, ChannelRole.EEG));
        }
        float[][] data = new float[LABELS.length][6000];
        java.util.Random noise = new java.util.Random(5);
        for (float[] row : data) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) (5 * noise.nextGaussian()); // a connected electrode: microvolts of noise
            }
        }
        java.util.Arrays.fill(data[1], 2000, 4500, 0f); // Erb-L off: exactly flat for 1.25 s
        java.util.Arrays.fill(data[2], 5000, 5100, 3200f); // APB-R at the top of its range for 50 ms
        channels.set(3, new Channel(3, "Status", "uV", RATE, -3200, 3200, ChannelRole.OTHER));
        java.util.Arrays.fill(data[3], 0f); // a trigger channel: flat by nature, not an electrode
        Path file = dir.resolve("foreign.edf");
        try (EdfWriter w = EdfWriter.create(file, EdfFormat.EDF, EdfRecordingInfo.anonymous(LocalDateTime.of(2025, 1, 2, 3, 4,
                5)), channels, "None", 100)) {
            writeRange(w, data, 0, 6000);
        }
        EdfPlaybackDriver driver = new EdfPlaybackDriver();
        driver.configure(config(file, 8, false));
        RecordingDriverContext ctx = new RecordingDriverContext(RATE).keepBlocks();
        driver.run(ctx);

        List<String> seen = ctx.health().stream().map(h -> h.condition() + " " + h.channel() + " " + (h.active() ? "start" : "end")
                + " " + h.sampleIndex()).toList();
        // flat from 2000: reported once a full second (2000 samples) is flat, at sample 3999; over at 4500.
        // rail 5000–5099: reported at once; seen over 50 ms (100 samples) after the last railed sample, at 5200.
        assertEquals(List.of("LEAD_OFF 1 start 3999", "LEAD_OFF 1 end 4500", "SATURATION 2 start 5000", "SATURATION 2 end 5200"),
                seen);
        assertTrue(ctx.health().get(0).detail().contains("since 1.000 s"), ctx.health().get(0).detail());
        assertEquals(List.of(), ctx.lateEvents(), "reports come before the block holding their sample");
    }

    private static Annotation technical(DriverHealth h, String label) {
        return new Annotation(h.sampleIndex(), 0, HealthAnnotations.format(h, label), Annotation.Kind.TECHNICAL);
    }

    @Test
    void channelCountIsAMaximum() throws Exception {
        Written w = write("two.edf");
        EdfPlaybackDriver driver = new EdfPlaybackDriver();
        List<Channel> channels = driver.configure(config(w.file(), 2, false));
        assertEquals(List.of("CP3-Fpz", "Erb-L"), channels.stream().map(Channel::label).toList());
        RecordingDriverContext ctx = new RecordingDriverContext(RATE).keepBlocks().stopAfterBlocks(3);
        driver.run(ctx);
        assertEquals(3, ctx.blocks().size(), "stops when asked");
        assertEquals(2, ctx.blocks().get(0).channelCount());
        assertEquals(w.data()[1][5], ctx.blocks().get(0).sample(1, 5), 0.05);
    }

    @Test
    void millivoltsAreConvertedToMicrovolts() throws Exception {
        Path file = dir.resolve("mv.bdf");
        List<Channel> channels = List.of(new Channel(0, "EMG L-TA", "mV", 1000, -5, 5, ChannelRole.EEG));
        try (EdfWriter w = EdfWriter.create(file, EdfFormat.BDF, EdfRecordingInfo.anonymous(LocalDateTime.now()),
                channels, "None", 100)) {
            float[][] data = new float[1][300];
            for (int i = 0; i < 300; i++) {
                data[0][i] = (float) (4 * Math.sin(i / 10.0));
            }
            w.write(new SampleBlock(0, 0, data));
        }
        EdfPlaybackDriver driver = new EdfPlaybackDriver();
        Channel c = driver.configure(config(file, 4, false)).get(0);
        assertEquals("uV", c.unit());
        assertEquals(-5000, c.physicalMin(), 1e-9);
        assertEquals(5000, c.physicalMax(), 1e-9);
        assertEquals(ChannelRole.MEP_MUSCLE, c.role());
        RecordingDriverContext ctx = new RecordingDriverContext(RATE).keepBlocks();
        driver.run(ctx);
        assertEquals(4000 * Math.sin(0.7), ctx.blocks().get(0).sample(0, 7), 0.01);
        assertEquals(300, ctx.blocks().stream().mapToLong(SampleBlock::sampleCount).sum());
    }

    @Test
    void realTimePlaybackFollowsTheWallClock() throws Exception {
        Path file = dir.resolve("short.edf");
        List<Channel> channels = List.of(new Channel(0, "Cz'-Fpz", "uV", 1000, -100, 100, ChannelRole.EEG));
        try (EdfWriter w = EdfWriter.create(file, EdfFormat.EDF, EdfRecordingInfo.anonymous(LocalDateTime.now()),
                channels, "None", 100)) {
            w.write(new SampleBlock(0, 0, new float[1][300]));
        }
        EdfPlaybackDriver driver = new EdfPlaybackDriver();
        driver.configure(config(file, 1, true));
        long start = System.nanoTime();
        RecordingDriverContext ctx = new RecordingDriverContext(RATE).keepBlocks();
        driver.run(ctx);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds >= 0.29, "0.3 s of data played in " + seconds + " s");
        assertEquals(30, ctx.blocks().size());
    }

    @Test
    void aCorruptFileGivesAClearError() throws Exception {
        Written w = write("corrupt.edf");
        byte[] bytes = Files.readAllBytes(w.file());
        System.arraycopy("768     ".getBytes(StandardCharsets.US_ASCII), 0, bytes, 184, 8);
        Path bad = dir.resolve("bad header.edf");
        Files.write(bad, bytes);
        EdfPlaybackDriver driver = new EdfPlaybackDriver();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> driver.configure(config(bad, 8, false)));
        assertTrue(e.getMessage().startsWith("option file: ") && e.getMessage().contains("bad header.edf")
                && e.getMessage().contains("number of bytes in header record at byte 184"), e.getMessage());

        Files.write(bad, new byte[] { 1, 2, 3 });
        e = assertThrows(IllegalArgumentException.class, () -> driver.configure(config(bad, 8, false)));
        assertTrue(e.getMessage().contains("256-byte header"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> driver.configure(config(dir.resolve("none.edf"), 8, false)));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> driver.configure(new AcquisitionConfig(1000, 8, false, Map.of())));
        assertTrue(e.getMessage().startsWith("option file"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> new EdfPlaybackDriver().run(new RecordingDriverContext(RATE)));
    }

    @Test
    void signalsOfDifferentRatesAreRefusedByName() throws Exception {
        Written w = write("rates.edf");
        byte[] bytes = Files.readAllBytes(w.file());
        int ns = 5; // 4 data signals + annotations; samples-per-record fields start at 256 + ns * 216
        int spr = 256 + ns * 216;
        // 50 + 150 samples keep the record size, so the file stays valid EDF: CP3 at 1 kHz, Erb-L at 3 kHz
        System.arraycopy("50      150     ".getBytes(StandardCharsets.US_ASCII), 0, bytes, spr, 16);
        Path mixed = dir.resolve("mixed.edf");
        Files.write(mixed, bytes);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EdfPlaybackDriver().configure(config(mixed, 8, false)));
        assertTrue(e.getMessage().contains("CP3-Fpz has 1000 Hz") && e.getMessage().contains("Erb-L 3000 Hz")
                && e.getMessage().contains("APB-R 2000 Hz"), e.getMessage());
    }

    @Test
    void identityOptionsAndCapabilities() {
        assertTrue(new EdfPlaybackDriver().samplingRateFromSource(), "a recording plays at its own rate");
        EdfPlaybackDriver driver = new EdfPlaybackDriver();
        assertEquals("edf", driver.id());
        assertEquals("EDF+/BDF playback", driver.displayName());
        DriverOption option = driver.options().get(0);
        assertEquals("file", option.key());
        assertEquals(DriverOption.Kind.FILE, option.kind());
        driver.capabilities().check(new AcquisitionConfig(100_000, 256, true));
        assertThrows(IllegalArgumentException.class, () -> driver.capabilities().check(new AcquisitionConfig(1000, 257, true)));
        assertTrue(driver.suggestedStimulation().isEmpty());
    }

    @Test
    void rolesAreGuessedFromLabels() {
        Map<String, ChannelRole> cases = Map.ofEntries(
                Map.entry("Erb-L", ChannelRole.SSEP_PERIPHERAL), Map.entry("EP2-Fz", ChannelRole.SSEP_PERIPHERAL),
                Map.entry("C2-Fz", ChannelRole.SSEP_SUBCORTICAL), Map.entry("Cv5-Fpz", ChannelRole.SSEP_SUBCORTICAL),
                Map.entry("cervical", ChannelRole.SSEP_SUBCORTICAL), Map.entry("CP3-Fpz", ChannelRole.SSEP_CORTICAL),
                Map.entry("CPz-Fz", ChannelRole.SSEP_CORTICAL), Map.entry("Cz'-Fpz", ChannelRole.SSEP_CORTICAL),
                Map.entry("APB-R", ChannelRole.MEP_MUSCLE), Map.entry("L ADM", ChannelRole.MEP_MUSCLE),
                Map.entry("TA-L", ChannelRole.MEP_MUSCLE), Map.entry("AH R", ChannelRole.MEP_MUSCLE),
                Map.entry("tib ant L", ChannelRole.MEP_MUSCLE), Map.entry("Abd hallucis", ChannelRole.MEP_MUSCLE),
                Map.entry("FHB-L", ChannelRole.MEP_MUSCLE), Map.entry("EMG facial", ChannelRole.EMG_FREE_RUN),
                Map.entry("Facial-2", ChannelRole.EMG_FREE_RUN), Map.entry("Vastus-L", ChannelRole.EMG_FREE_RUN),
                Map.entry("Orbicularis oris", ChannelRole.EMG_FREE_RUN), Map.entry("Gastroc-R", ChannelRole.EMG_FREE_RUN),
                Map.entry("F3-Cz", ChannelRole.EEG), Map.entry("Cz-Fz", ChannelRole.EEG), Map.entry("Data", ChannelRole.EEG),
                Map.entry("EEG Fp1-A2", ChannelRole.EEG), Map.entry("STAT", ChannelRole.EEG),
                Map.entry("Status", ChannelRole.OTHER), Map.entry("Trigger", ChannelRole.OTHER), Map.entry("Event", ChannelRole.OTHER));
        cases.forEach((label, role) -> assertEquals(role, ChannelRoles.guess(label), label));
        // a guessed role is drawn as its constant is (roles are equal by id alone)
        cases.forEach((label, role) -> assertEquals(role.displayRangeUv(), ChannelRoles.guess(label).displayRangeUv(), label));
        assertEquals(500, ChannelRoles.guess("APB-R").displayRangeUv());
    }
}
