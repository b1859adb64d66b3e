package org.openionm.driver.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.DriverOption;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.stimulation.PeriodicStimulation;
import org.openionm.core.stimulation.StimulationKind;
import org.openionm.core.stimulation.StimulationProgram;
import org.openionm.testkit.RecordingDriverContext;

class SimulatedAmplifierTest {

    @Test
    void eightChannelsWithContiguousTenMillisecondBlocks() throws Exception {
        SimulatedAmplifier amp = new SimulatedAmplifier();
        List<Channel> channels = amp.configure(new AcquisitionConfig(2000, 8, false));
        assertEquals(8, channels.size());
        assertEquals(List.of("CP3-Fpz", "CP4-Fpz", "CPz-Fpz", "Cv5-Fpz", "Erb-L", "Erb-R", "Popliteal-L", "Popliteal-R"),
                channels.stream().map(Channel::label).toList());
        assertTrue(channels.stream().allMatch(c -> c.samplingRateHz() == 2000 && c.unit().equals(Channel.MICROVOLT)));

        RecordingDriverContext ctx = Runs.context(2000, 3).keepBlocks();
        amp.run(ctx);
        long expected = 0;
        for (SampleBlock b : ctx.blocks()) {
            assertEquals(expected, b.firstSampleIndex());
            assertEquals(20, b.sampleCount());
            assertEquals(8, b.channelCount());
            assertEquals(Math.round(expected * 1e9 / 2000), b.deviceTimestampNanos());
            expected = b.endSampleIndex();
        }
        assertEquals(300 * 20, expected);
    }

    @Test
    void defaultMontageCoversEveryModalityWithRolesAndRails() {
        List<Channel> channels = new SimulatedAmplifier().configure(new AcquisitionConfig(5000, 32, false));
        Map<ChannelRole, List<String>> byRole = channels.stream()
                .collect(Collectors.groupingBy(Channel::role, Collectors.mapping(Channel::label, Collectors.toList())));
        assertEquals(List.of("CP3-Fpz", "CP4-Fpz", "CPz-Fpz"), byRole.get(ChannelRole.SSEP_CORTICAL));
        assertEquals(List.of("Cv5-Fpz"), byRole.get(ChannelRole.SSEP_SUBCORTICAL));
        assertEquals(List.of("Erb-L", "Erb-R", "Popliteal-L", "Popliteal-R"), byRole.get(ChannelRole.SSEP_PERIPHERAL));
        assertEquals(List.of("APB-L", "APB-R", "TA-L", "TA-R", "AH-L", "AH-R", "ADM-L", "ADM-R"), byRole.get(ChannelRole.MEP_MUSCLE));
        assertEquals(List.of("Facial-1", "Facial-2", "Vastus-L", "Vastus-R"), byRole.get(ChannelRole.EMG_FREE_RUN));
        assertEquals(List.of("EHL-L", "EHL-R", "Gastroc-L", "Gastroc-R"), byRole.get(ChannelRole.EMG_TRIGGERED));
        assertEquals(List.of("C3-Cz", "C4-Cz", "F3-Cz", "F4-Cz", "P3-Cz", "P4-Cz", "O1-Cz", "O2-Cz"), byRole.get(ChannelRole.EEG));
        for (Channel c : channels) {
            double rail = c.role().equals(ChannelRole.MEP_MUSCLE) || c.role().id().startsWith("emg") ? 20_000 : 3200;
            assertEquals(-rail, c.physicalMin(), c.label());
            assertEquals(rail, c.physicalMax(), c.label());
        }
        // the demo's 16 channels still hold every modality
        List<String> sixteen = new SimulatedAmplifier().configure(new AcquisitionConfig(5000, 16, false)).stream()
                .map(Channel::label).toList();
        assertTrue(sixteen.containsAll(List.of("CP4-Fpz", "Erb-L", "APB-L", "TA-L", "Facial-2", "C3-Cz", "C4-Cz")), sixteen.toString());
        // beyond 32: further EEG up to 64
        List<Channel> all = new SimulatedAmplifier().configure(new AcquisitionConfig(20_000, 64, false));
        assertEquals(64, all.size());
        assertEquals(64, all.stream().map(Channel::label).distinct().count());
        assertTrue(all.subList(32, 64).stream().allMatch(c -> c.role().equals(ChannelRole.EEG) && c.label().endsWith("-Cz")));
    }

    @Test
    void sameSeedSameSamplesOtherSeedOtherSamples() throws Exception {
        float[][] a = run("7");
        float[][] b = run("7");
        float[][] c = run("8");
        int differing = 0;
        for (int ch = 0; ch < a.length; ch++) {
            assertArrayEquals(a[ch], b[ch], "channel " + ch);
            for (int i = 0; i < a[ch].length; i++) {
                differing += a[ch][i] != c[ch][i] ? 1 : 0;
            }
        }
        assertTrue(differing > 0.99 * a.length * a[0].length, "another seed gives other samples: " + differing + " differ");
    }

    @Test
    void aChannelsSignalDoesNotDependOnHowManyChannelsAreRecorded() throws Exception {
        Path file = Files.writeString(dir.resolve("busy.yaml"), """
                durationSeconds: 60
                events:
                  - {at: 0, type: screw-threshold, site: screw.L4.left, thresholdMa: 2}
                  - {at: 1, type: cautery, durationSeconds: 0.5}
                  - {at: 2, type: emg-spikes, channel: TA-L, durationSeconds: 1}
                """);
        float[][] few = run("4", 12, file);
        float[][] many = run("4", 32, file);
        for (int c = 0; c < few.length; c++) {
            assertArrayEquals(few[c], many[c], "channel " + c);
        }
    }

    @TempDir
    Path dir;

    private static float[][] run(String seed) throws Exception {
        return run(seed, 32, null);
    }

    /** 3 s with SSEP at 4.7 Hz, TcMEP trains and a t-EMG ramp. */
    private static float[][] run(String seed, int channels, Path scenario) throws Exception {
        SimulatedAmplifier amp = new SimulatedAmplifier();
        amp.configure(new AcquisitionConfig(5000, channels, false, scenario == null ? Map.of("seed", seed)
                : Map.of("seed", seed, "scenario", scenario.toString())));
        int[] all = new int[channels];
        for (int c = 0; c < channels; c++) {
            all[c] = c;
        }
        StimulationProgram program = new StimulationProgram(List.of(PeriodicStimulation.ssep("median.left", 4.7, 25, 200),
                PeriodicStimulation.ssep("tibial.right", 4.7, 40, 200),
                new PeriodicStimulation("tcmep.C4C3", StimulationKind.TRAIN, 1, 400, "V", 50, 5, 3, 0, 0),
                PeriodicStimulation.ramp("screw.L4.left", 3, 0.5, 0.5, 5)), 50);
        RecordingDriverContext ctx = Runs.context(5000, 3, all).planProgram(program);
        amp.run(ctx);
        assertTrue(ctx.stimuli().size() > 30);
        float[][] out = new float[channels][];
        for (int c = 0; c < channels; c++) {
            out[c] = ctx.trace(c);
        }
        return out;
    }

    @Test
    void optionsOfferBundledScenariosSeedAndMains() {
        SimulatedAmplifier amp = new SimulatedAmplifier();
        Map<String, DriverOption> options = amp.options().stream().collect(Collectors.toMap(DriverOption::key, o -> o));
        assertEquals(Scenarios.BUNDLED, options.get("scenario").choices());
        assertTrue(options.get("scenario").choices().containsAll(List.of("stable-baseline", "spinal-cord-ischemia",
                "pedicle-screw-breach", "facial-nerve-traction", "carotid-clamp-ischemia")));
        assertEquals("stable-baseline", options.get("scenario").defaultValue());
        assertEquals(DriverOption.Kind.NUMBER, options.get("seed").kind());
        assertEquals("1", options.get("seed").defaultValue());
        assertEquals(List.of("50", "60"), options.get("mains").choices());

        amp.configure(new AcquisitionConfig(5000, 8, false, Map.of("scenario", "pedicle-screw-breach", "mains", "60")));
        StimulationProgram program = amp.suggestedStimulation().orElseThrow();
        assertEquals(60, program.mainsHz());
        assertTrue(program.sites().stream().anyMatch(s -> s.siteId().equals("screw.L4.left") && s.rampStep() > 0));
        amp.configure(new AcquisitionConfig(5000, 8, false, Map.of("scenario", "stable-baseline")));
        StimulationProgram baseline = amp.suggestedStimulation().orElseThrow();
        assertEquals(50, baseline.mainsHz());
        assertTrue(baseline.warnings().isEmpty(), "3.17 Hz is not mains-locked");
        assertEquals(3.17, baseline.sites().get(0).rateHz());
        assertEquals(105, baseline.sites().get(2).offsetMs(), "tibial.left placed clear of the median windows");
    }

    @Test
    void impossibleSettingsAreRefusedWithTheSettingNamed() {
        SimulatedAmplifier amp = new SimulatedAmplifier();
        assertThrows(IllegalArgumentException.class, () -> amp.configure(new AcquisitionConfig(40_000, 8, false)));
        assertThrows(IllegalArgumentException.class, () -> amp.configure(new AcquisitionConfig(2000, 65, false)));
        for (Map.Entry<String, String> bad : Map.of("seed", "abc", "mains", "55", "scenario", "no-such-scenario").entrySet()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> amp.configure(new AcquisitionConfig(2000, 8, false, Map.ofEntries(bad))));
            assertTrue(e.getMessage().contains(bad.getKey()), e.getMessage());
        }
        assertFalse(amp.options().isEmpty());
    }
}
