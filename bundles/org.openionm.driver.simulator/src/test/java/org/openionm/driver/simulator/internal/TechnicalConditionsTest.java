package org.openionm.driver.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.model.Channel;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.DriverHealth.Condition;
import org.openionm.testkit.RecordingDriverContext;

/** Electrocautery, lead-off and the health reports that go with them. */
class TechnicalConditionsTest {

    @TempDir
    Path dir;

    private static final double RATE = 5000;

    @Test
    void cauteryClipsAtTheRailsRaisesSaturationAndRecovers() throws Exception {
        Path file = Files.writeString(dir.resolve("cautery.yaml"), """
                durationSeconds: 60
                events:
                  - {at: 2, type: cautery, durationSeconds: 1}
                """);
        SimulatedAmplifier amp = new SimulatedAmplifier();
        List<Channel> channels = amp.configure(new AcquisitionConfig(RATE, 16, false, Map.of("scenario", file.toString())));
        int[] all = channels.stream().mapToInt(Channel::index).toArray();
        RecordingDriverContext ctx = Runs.context(RATE, 6, all);
        amp.run(ctx);
        for (Channel c : channels) {
            float[] x = ctx.trace(c.index());
            int railed = 0;
            for (int i = 0; i < x.length; i++) {
                boolean during = i >= 2 * RATE && i < 3 * RATE;
                if (c.isAtRail(x[i])) {
                    assertTrue(during || i < 3.5 * RATE, c.label() + " at the rail outside the cautery and its recovery, sample " + i);
                    railed += during ? 1 : 0;
                }
                assertTrue(x[i] >= c.physicalMin() && x[i] <= c.physicalMax(), "clipped, never beyond the rails");
            }
            assertTrue(railed > 0.3 * RATE, c.label() + " clipped during the cautery: " + railed + " samples");
            assertTrue(EmgSimulationTest.rms(x, RATE, 3.0, 3.1) > 300, c.label() + " recovery tail just after");
            double limit = c.physicalMax() > 3200 ? 20 : 200;
            assertTrue(EmgSimulationTest.rms(x, RATE, 5, 6) < limit, c.label() + " recovered 2 s later");

            List<DriverHealth> sat = ctx.health().stream().filter(h -> h.channel() == c.index() && h.condition() == Condition.SATURATION).toList();
            assertEquals(2, sat.size(), c.label() + " one saturation episode: " + sat);
            assertTrue(sat.get(0).active() && sat.get(0).sampleIndex() >= 2 * RATE && sat.get(0).sampleIndex() < 2.01 * RATE, sat.toString());
            assertTrue(!sat.get(1).active() && sat.get(1).sampleIndex() >= 3 * RATE && sat.get(1).sampleIndex() < 3.5 * RATE, sat.toString());
        }
        assertEquals(List.of("TRUTH cautery for 1 s", "TRUTH end cautery"), ctx.annotations().stream().map(a -> a.text()).toList());
    }

    @Test
    void leadOffFlatAndAtTheRailRaisesAndClearsLeadOff() throws Exception {
        Path file = Files.writeString(dir.resolve("leads.yaml"), """
                durationSeconds: 60
                events:
                  - {at: 1, type: lead-off, channel: Erb-L, durationSeconds: 2}
                  - {at: 1.5, type: lead-off, channel: CP3-Fpz, mode: rail}
                  - {at: 2.5, type: lead-on, channel: CP3-Fpz}
                """);
        SimulatedAmplifier amp = new SimulatedAmplifier();
        List<Channel> channels = amp.configure(new AcquisitionConfig(RATE, 8, false, Map.of("scenario", file.toString())));
        int erb = SsepSimulationTest.index(channels, "Erb-L");
        int cp3 = SsepSimulationTest.index(channels, "CP3-Fpz");
        RecordingDriverContext ctx = Runs.context(RATE, 4, erb, cp3).planPeriodic("median.left", 4.7, 25, "mA", 0, 4);
        amp.run(ctx);
        float[] flat = ctx.trace(erb);
        float[] rail = ctx.trace(cp3);
        for (int i = 0; i < flat.length; i++) {
            boolean off = i >= 1 * RATE && i < 3 * RATE;
            assertEquals(off, flat[i] == 0f, "Erb-L flat exactly while off, sample " + i);
            boolean atRail = i >= 1.5 * RATE && i < 2.5 * RATE;
            assertEquals(atRail, rail[i] == 3200f, "CP3 at the positive rail exactly while off, sample " + i);
        }
        List<String> health = ctx.health().stream().map(h -> h.condition() + " " + h.channel() + " " + h.active() + " " + h.sampleIndex()).toList();
        assertEquals(List.of("LEAD_OFF " + erb + " true 5000", "LEAD_OFF " + cp3 + " true 7500", "LEAD_OFF " + cp3 + " false 12500",
                "LEAD_OFF " + erb + " false 15000"), health, "lead-off at the rail is one condition, not also saturation");
        assertEquals(List.of("TRUTH lead off Erb-L (flat)", "TRUTH lead off CP3-Fpz (rail)", "TRUTH lead on CP3-Fpz",
                "TRUTH lead on Erb-L"), ctx.annotations().stream().map(a -> a.text()).toList());
    }
}
