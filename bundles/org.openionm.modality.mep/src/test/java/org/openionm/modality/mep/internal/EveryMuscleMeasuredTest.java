package org.openionm.modality.mep.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.processing.Measurement;
import org.openionm.driver.simulator.internal.SimulatedAmplifier;
import org.openionm.testkit.Replay;
import org.openionm.testkit.ReplayResult;

/**
 * Issue 16, item 6: at 32 channels the simulator records 16 muscles — APB, ADM, TA, AH (TcMEP role),
 * vastus and the facial pair (free-run EMG), EHL and gastrocnemius (triggered EMG), each side — and
 * a TcMEP train reaches every limb muscle. Every one of them must be measured, and each limb muscle's
 * contralateral train must find the response the simulator put there (its {@code MepMuscle} norm:
 * 300–600 µV above 150–240 V thresholds, trains at 350 V).
 */
class EveryMuscleMeasuredTest {

    private static final Set<String> LIMB = Set.of("APB-L", "APB-R", "ADM-L", "ADM-R", "TA-L", "TA-R", "AH-L", "AH-R",
            "Vastus-L", "Vastus-R", "EHL-L", "EHL-R", "Gastroc-L", "Gastroc-R");

    @TempDir
    Path dir;

    private ReplayResult replay(Map<String, ?> settings) throws Exception {
        String yaml;
        try (InputStream in = SimulatedAmplifier.class.getResourceAsStream("/scenarios/spinal-cord-ischemia.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // trains every 30 s, C3C4 from 0 s and C4C3 from 15 s: both sides twice in 50 s, before any event
        // the scripted events (from 200 s) are left out: nothing has changed yet in the first 50 s
        String head = yaml.substring(0, yaml.indexOf("\nevents:")) + "\nevents: []\n";
        Path file = Files.writeString(dir.resolve("short.yaml"), head.replace("durationSeconds: 1200", "durationSeconds: 50"));
        Replay replay = Replay.of(new SimulatedAmplifier(),
                new AcquisitionConfig(10_000, 32, false, Map.of("scenario", file.toString(), "seed", "5")))
                .processors(new MepProcessor());
        if (!settings.isEmpty()) {
            replay = replay.settings(MepProcessor.ID, settings);
        }
        return replay.run();
    }

    @Test
    void everyMuscleChannelOfThe32ChannelMontageIsMeasuredAndTheLimbMusclesRespond() throws Exception {
        ReplayResult r = replay(Map.of());
        assertEquals(Map.of(), r.processorFailures());
        List<Channel> muscles = r.channels().stream().filter(c -> MepProcessor.MUSCLE_ROLES.contains(c.role())).toList();
        assertEquals(16, muscles.size(), "16 muscle channels in the 32-channel montage: " + muscles);
        assertTrue(muscles.stream().anyMatch(c -> c.role().equals(ChannelRole.EMG_TRIGGERED)), "EHL and gastrocnemius");

        List<Measurement> mep = r.measurements().stream().filter(m -> m.modality().equals(MepProcessor.ID)).toList();
        Set<String> measured = mep.stream().map(Measurement::channel).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(muscles.stream().map(Channel::label).collect(Collectors.toCollection(TreeSet::new)), measured,
                "a tile's worth of results for every muscle channel");
        for (String muscle : LIMB) {
            String contralateral = muscle.endsWith("-L") ? "tcmep.C4C3" : "tcmep.C3C4";
            List<Measurement> own = mep.stream().filter(m -> m.channel().equals(muscle) && m.site().equals(contralateral))
                    .toList();
            assertTrue(!own.isEmpty(), muscle + ": measured after its contralateral trains");
            for (Measurement m : own) {
                assertTrue(Double.isFinite(m.latencyMs()) && m.amplitudeUv() > 100,
                        muscle + ": the simulated response (onset, p2p) is found: " + m);
            }
        }
    }

    @Test
    void theOlderChoiceMeasuresOnlyChannelsDeclaredForTcMep() throws Exception {
        ReplayResult r = replay(Map.of(MepSettings.MUSCLE_CHANNELS, MepSettings.MEP_ONLY));
        Set<String> measured = r.measurements().stream().filter(m -> m.modality().equals(MepProcessor.ID))
                .map(Measurement::channel).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("ADM-L", "ADM-R", "AH-L", "AH-R", "APB-L", "APB-R", "TA-L", "TA-R")), measured);
    }
}
