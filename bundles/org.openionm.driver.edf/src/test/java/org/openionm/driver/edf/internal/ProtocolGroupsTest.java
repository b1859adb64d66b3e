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
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.stimulation.StimulationKind;
import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfRecordingInfo;
import org.openionm.io.edf.EdfWriter;
import org.openionm.testkit.RecordingDriverContext;

/** Site and intensity from the annotation text through named groups of a rule's {@code match}. */
class ProtocolGroupsTest {

    @TempDir
    Path dir;

    private static final String SCREW_RULE = """
            stimuli:
              - match: "Screw (?<level>[TLS][0-9]{1,2}) (?<side>[LR]) (?<intensity>[0-9]+(?:[.,][0-9]+)?) mA"
                kind: single
            """;

    private Path recording(String... texts) throws Exception {
        Path file = dir.resolve("screws-" + Math.abs(String.join("|", texts).hashCode()) + ".edf");
        List<Channel> channels = List.of(new Channel(0, "EHL L", "uV", 1000, -5000, 5000, ChannelRole.OTHER));
        try (EdfWriter w = EdfWriter.create(file, EdfFormat.EDF, EdfRecordingInfo.anonymous(LocalDateTime.of(2024, 5, 6, 7, 8, 9)),
                channels, "HP:10Hz LP:3000Hz", 100)) {
            for (int i = 0; i < texts.length; i++) {
                w.annotation(new Annotation(100 + 200L * i, 0, texts[i], Annotation.Kind.CLINICAL));
            }
            w.write(new SampleBlock(0, 0, new float[1][2000]));
        }
        return file;
    }

    private List<StimulusEvent> play(Path recording, String protocolYaml) throws Exception {
        Path protocol = Files.writeString(dir.resolve("p-" + Math.abs(protocolYaml.hashCode()) + ".yaml"), protocolYaml);
        EdfPlaybackDriver driver = new EdfPlaybackDriver();
        driver.configure(new AcquisitionConfig(1000, 8, false, Map.of("file", recording.toString(), "protocol", protocol.toString())));
        RecordingDriverContext ctx = new RecordingDriverContext(1000);
        driver.run(ctx);
        return ctx.stimuli();
    }

    private IllegalArgumentException refused(Path recording, String protocolYaml) throws Exception {
        Path protocol = Files.writeString(dir.resolve("p-" + Math.abs(protocolYaml.hashCode()) + ".yaml"), protocolYaml);
        return assertThrows(IllegalArgumentException.class, () -> new EdfPlaybackDriver()
                .configure(new AcquisitionConfig(1000, 8, false, Map.of("file", recording.toString(), "protocol", protocol.toString()))));
    }

    @Test
    void levelSideAndIntensityComeFromTheText() throws Exception {
        List<StimulusEvent> s = play(recording("Screw L4 L 6.5 mA", "Screw S1 R 12 mA", "Screw T10 L 3,2 mA", "Incision"),
                SCREW_RULE);
        assertEquals(List.of("screw.L4.left 6.5", "screw.S1.right 12.0", "screw.T10.left 3.2"),
                s.stream().map(e -> e.siteId() + " " + e.intensity()).toList());
        assertEquals(List.of(100L, 300L, 500L), s.stream().map(StimulusEvent::sampleIndex).toList());
        assertTrue(s.stream().allMatch(e -> e.kind() == StimulationKind.SINGLE && e.intensityUnit().equals("mA")));
    }

    @Test
    void aSiteGroupANerveAndAUnitGroup() throws Exception {
        List<StimulusEvent> nerve = play(recording("Facial l 0.05 mA", "Facial Right 0.3 mA"), """
                stimuli:
                  - match: "(?<nerve>[A-Za-z]+) (?<side>\\\\S+) (?<intensity>[0-9.]+) (?<unit>mA|V)"
                    kind: single
                """);
        assertEquals(List.of("facial.left 0.05", "facial.right 0.3"),
                nerve.stream().map(e -> e.siteId() + " " + e.intensity()).toList());
        List<StimulusEvent> site = play(recording("STIM-A tcmep.C3C4 350"), """
                stimuli:
                  - match: "STIM-A (?<site>\\\\S+) (?<intensity>[0-9]+)"
                    unit: V
                    pulses: 5
                    isiMs: 4
                """);
        assertEquals("tcmep.C3C4", site.get(0).siteId());
        assertEquals(350, site.get(0).intensity());
        assertEquals("V", site.get(0).intensityUnit());
        assertEquals(StimulationKind.TRAIN, site.get(0).kind());
    }

    @Test
    void aGroupThatDoesNotReadIsRefusedNamingRuleTextGroupAndValue() throws Exception {
        IllegalArgumentException level = refused(recording("Screw L4 L 6.5 mA", "Screw L9 L 5 mA"), SCREW_RULE);
        assertTrue(level.getMessage().contains("option protocol: stimulus rule 1 of protocol file")
                && level.getMessage().contains("annotation 'Screw L9 L 5 mA' matches, but its group 'level' is 'L9'")
                && level.getMessage().contains("T1–T12, L1–L5 or S1–S2"), level.getMessage());
        IllegalArgumentException side = refused(recording("Screw L4 X 6.5 mA"), SCREW_RULE.replace("[LR]", "[A-Z]"));
        assertTrue(side.getMessage().contains("group 'side' is 'X': a side is L, R, left or right"), side.getMessage());
        IllegalArgumentException intensity = refused(recording("Screw L4 L 6.5.1 mA"),
                SCREW_RULE.replace("[0-9]+(?:[.,][0-9]+)?", "[0-9.]+"));
        assertTrue(intensity.getMessage().contains("group 'intensity' is '6.5.1': not a decimal number such as 6.5"),
                intensity.getMessage());
    }

    @Test
    void groupMistakesAreRefusedWhenTheFileIsRead() throws Exception {
        Path r = recording("Screw L4 L 6.5 mA");
        assertTrue(refused(r, "stimuli:\n  - match: \"Screw (?<lvl>\\\\S+)\"\n").getMessage()
                .contains("match has a group named 'lvl'; known group names: [intensity, level, nerve, side, site, unit]"));
        assertTrue(refused(r, "stimuli:\n  - match: \"Screw (?<level>\\\\S+) .*\"\n").getMessage()
                .contains("a 'level' group needs a 'side' group"));
        assertTrue(refused(r, "stimuli:\n  - match: \"Screw (?<level>\\\\S+) (?<side>\\\\S+) .*\"\n    site: screw.L4.left\n")
                .getMessage().contains("the site comes from match's groups; remove 'site'"));
        assertTrue(refused(r, "stimuli:\n  - match: \"Screw (?<intensity>\\\\S+)\"\n").getMessage().contains("site is missing"));
    }
}
