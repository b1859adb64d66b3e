package org.openionm.driver.edf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.stimulation.StimulationKind;
import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfRecordingInfo;
import org.openionm.io.edf.EdfWriter;
import org.openionm.testkit.RecordingDriverContext;

/** A recording "from elsewhere": foreign labels and free-text stimulus annotations, mapped by a protocol. */
class ProtocolTest {

    @TempDir
    Path dir;

    private Path foreignRecording() throws Exception {
        Path file = dir.resolve("foreign.edf");
        List<Channel> channels = List.of(new Channel(0, "C4'", "uV", 1000, -500, 500, ChannelRole.OTHER),
                new Channel(1, "R-Erb", "uV", 1000, -500, 500, ChannelRole.OTHER),
                new Channel(2, "Fp1", "uV", 1000, -500, 500, ChannelRole.OTHER));
        try (EdfWriter w = EdfWriter.create(file, EdfFormat.EDF, EdfRecordingInfo.anonymous(LocalDateTime.of(2024, 5, 6, 7, 8, 9)),
                channels, "HP:30Hz LP:1000Hz", 100)) {
            w.annotation(new Annotation(250, 0, "Stim L median 24.5 mA", Annotation.Kind.CLINICAL));
            w.annotation(new Annotation(463, 0, "Stim L median 24.5 mA", Annotation.Kind.CLINICAL));
            w.annotation(new Annotation(600, 0, "Incision", Annotation.Kind.CLINICAL));
            w.write(new SampleBlock(0, 0, new float[3][1000]));
        }
        return file;
    }

    private Path protocol(String yaml) throws Exception {
        Path file = dir.resolve("protocol-" + Math.abs(yaml.hashCode()) + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static AcquisitionConfig config(Path recording, Path protocol) {
        return new AcquisitionConfig(1000, 256, false, Map.of("file", recording.toString(), "protocol", protocol.toString()));
    }

    @Test
    void aRoleNamedInAProtocolIsDrawnAtItsDeclaredRange() throws Exception {
        Protocol protocol = ProtocolParser.parse(protocol("""
                channels:
                  Ch1: mep.muscle
                  Ch2: {role: emg.freerun, label: Facial}
                  Ch3: ssep.cortical
                """));
        assertEquals(500, protocol.channels().get("Ch1").role().displayRangeUv());
        assertEquals(500, protocol.channels().get("Ch2").role().displayRangeUv());
        assertEquals(100, protocol.channels().get("Ch3").role().displayRangeUv());
        assertEquals(ChannelRole.MEP_MUSCLE.label(), protocol.channels().get("Ch1").role().label());
    }

    @Test
    void labelsRolesAndStimuliAreMappedAsTheProtocolSays() throws Exception {
        Path protocol = protocol("""
                channels:
                  "C4'": {role: ssep.cortical, label: CP4-Fz}
                  R-Erb: ssep.peripheral
                stimuli:
                  - match: "Stim L median.*"
                    site: median.left
                    intensity: 24.5
                    pulseWidthUs: 300
                """);
        EdfPlaybackDriver driver = new EdfPlaybackDriver();
        List<Channel> channels = driver.configure(config(foreignRecording(), protocol));
        assertEquals("CP4-Fz", channels.get(0).label());
        assertEquals(ChannelRole.SSEP_CORTICAL, channels.get(0).role());
        assertEquals("R-Erb", channels.get(1).label());
        assertEquals(ChannelRole.SSEP_PERIPHERAL, channels.get(1).role());
        assertEquals(ChannelRole.EEG, channels.get(2).role(), "unmapped channels keep the guess from their label");

        RecordingDriverContext ctx = new RecordingDriverContext(channels.get(0).samplingRateHz());
        driver.run(ctx);
        assertEquals(List.of(250L, 463L), ctx.stimuli().stream().map(s -> s.sampleIndex()).toList());
        assertTrue(ctx.stimuli().stream().allMatch(s -> s.siteId().equals("median.left") && s.intensity() == 24.5
                && s.intensityUnit().equals("mA") && s.pulseWidthMicros() == 300 && s.kind() == StimulationKind.AVERAGED));
        assertEquals(List.of("Incision"), ctx.annotations().stream().map(Annotation::text).toList(),
                "annotations no rule matches stay annotations");
    }

    /** A rule's kind is as written; without one several pulses make a train, one pulse an averaged stimulus. */
    @Test
    void stimuliHaveTheKindTheRuleDeclares() throws Exception {
        Path recording = foreignRecording();
        for (var c : List.of(new Object[] {"    kind: train\n    pulses: 1\n", StimulationKind.TRAIN},
                new Object[] {"    pulses: 5\n", StimulationKind.TRAIN}, new Object[] {"", StimulationKind.AVERAGED},
                new Object[] {"    kind: single\n", StimulationKind.SINGLE})) {
            EdfPlaybackDriver driver = new EdfPlaybackDriver();
            driver.configure(config(recording, protocol("stimuli:\n  - match: \"Stim L median.*\"\n    site: Stim1\n" + c[0])));
            RecordingDriverContext ctx = new RecordingDriverContext(1);
            driver.run(ctx);
            assertEquals(2, ctx.stimuli().size());
            assertTrue(ctx.stimuli().stream().allMatch(s -> s.kind() == c[1]), c[0] + " gave " + ctx.stimuli());
        }
    }

    @Test
    void mistakesInTheProtocolAreNamed() throws Exception {
        Path recording = foreignRecording();
        assertMessage(recording, "channels:\n  C3': ssep.cortical\n", "maps channel 'C3''");
        assertMessage(recording, "channels:\n  \"C4'\": cortex\n", "unknown role 'cortex'");
        assertMessage(recording, "stimuli:\n  - match: \"Stim [\"\n    site: median.left\n", "not a valid regular expression");
        assertMessage(recording, "stimuli:\n  - match: x\n", "site is missing");
        assertMessage(recording, "stimuli:\n  - match: x\n    site: s\n    unit: mV\n", "unit must be mA or V");
        assertMessage(recording, "stimuli:\n  - match: x\n    site: s\n    kind: burst\n", "unknown stimulation kind 'burst'");
        assertMessage(recording, "chanels: {}\n", "unknown key 'chanels'");
        assertMessage(recording, "channels: [\n", "protocol file");
    }

    private void assertMessage(Path recording, String yaml, String expected) throws Exception {
        Path protocol = protocol(yaml);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EdfPlaybackDriver().configure(config(recording, protocol)));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }
}
