package org.openionm.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;

class ArtifactRejectorTest {

    private static final double FS = 20_000;
    private static final Channel CH = new Channel(0, "CP3-Fpz", Channel.MICROVOLT, FS, -1000, 1000,
            ChannelRole.SSEP_CORTICAL);
    private static final List<ArtifactRule> RULES = List.of(new ArtifactRule.Saturation(5),
            new ArtifactRule.AmplitudeThreshold(100), new ArtifactRule.Cautery(2000, 8));

    private final Random rnd = new Random(21);

    private float[] clean() {
        float[] s = Signals.plus(AveragerTest.response(), Signals.noise(rnd, 1000, 2));
        for (int i = 0; i < 20; i++) {
            s[i] += 500; // stimulus artifact: first 1 ms
        }
        return s;
    }

    @Test
    void eachRuleRejectsExactlyItsSweepsWithAReason() {
        ArtifactRejector rej = new ArtifactRejector(CH, 2, RULES);
        float[] saturated = clean();
        saturated[500] = 960; // 96 % of full scale
        float[] spike = clean();
        spike[600] = -150;
        float[] cautery = Signals.plus(clean(), Signals.noise(rnd, 1000, 20));
        float[][] sweeps = {clean(), saturated, clean(), spike, cautery, clean()};
        String[] expectedRule = {"", "saturation", "", "amplitude", "electrocautery", ""};
        for (int k = 0; k < sweeps.length; k++) {
            Verdict v = rej.check(sweeps[k]);
            assertEquals(expectedRule[k], v.rule(), "sweep " + k + ": " + v.reason());
            assertEquals(expectedRule[k].isEmpty(), v.accepted());
            assertEquals(expectedRule[k].equals("electrocautery"), v.pauseAveraging());
        }
        assertEquals(3, rej.acceptedCount());
        assertEquals(Map.of("saturation", 1, "amplitude", 1, "electrocautery", 1), rej.rejectedCounts());
        assertTrue(rej.check(saturated).reason().startsWith("saturation: 1 sample(s) within 5 % of the rails"));
        assertTrue(rej.check(spike).reason().contains("-150.0| µV at 30.00 ms exceeds 100.0 µV"));
        assertTrue(rej.check(cautery).reason().contains("pause averaging"));
    }

    @Test
    void stimulusArtifactIsBlankedNotAveragedAndWithoutBlankingRejected() {
        float[] sweep = clean();
        Verdict blanked = new ArtifactRejector(CH, 2, RULES).check(sweep);
        assertTrue(blanked.accepted(), blanked.reason());
        for (int i = 0; i < 40; i++) {
            assertEquals(sweep[40], blanked.sweep()[i]);
        }
        assertEquals(sweep[40], blanked.sweep()[40]);
        Verdict raw = new ArtifactRejector(CH, 0, RULES).check(sweep);
        assertFalse(raw.accepted());
        assertEquals("amplitude", raw.rule());
    }

    /** Issue 16: the provenance (shown on hover) says the rules in words, never a record's toString. */
    @Test
    void theDescriptionSaysTheRulesInWords() {
        Channel ch = new Channel(0, "CP4-Fpz", Channel.MICROVOLT, 10_000, -3200, 3200, ChannelRole.SSEP_CORTICAL);
        ArtifactRejector r = new ArtifactRejector(ch, 2, List.of(new ArtifactRule.Saturation(5),
                new ArtifactRule.AmplitudeThreshold(100), new ArtifactRule.Cautery(2000, 15)));
        assertEquals("artifact rejection on CP4-Fpz: blank 2 ms, saturation within 5 % of the rails, amplitude above 100 µV,"
                + " electrocautery above 15 µV rms over 2000 Hz (pauses averaging)", r.describe());
        assertFalse(r.describe().contains("["), "no record toString");
    }
}
