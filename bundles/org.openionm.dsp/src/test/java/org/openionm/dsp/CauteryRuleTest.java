package org.openionm.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;

/**
 * The causal electrocautery check (dsp 0.4.0) on signals whose high-passed RMS is known by hand:
 * a 4th-order Butterworth high-pass passes the Nyquist frequency with gain 1 and a 100 Hz wave 20×
 * below a 2 kHz corner by (1/20)^4 = 6e-6; an offset gives nothing because the state is settled on
 * the first sample (a filter started from rest would ring on it: a clean sweep with an electrode
 * offset would read as cautery).
 */
class CauteryRuleTest {

    private static final double FS = 10_000;
    private static final Channel CH = new Channel(0, "CP4-Fpz", Channel.MICROVOLT, FS, -3200, 3200,
            ChannelRole.SSEP_CORTICAL);
    private static final ArtifactRule.Cautery RULE = new ArtifactRule.Cautery(2000, 30);

    @Test
    void broadbandPowerAboveTheCornerIsFlaggedWithItsRms() {
        float[] nyquist = new float[1000];
        for (int i = 0; i < nyquist.length; i++) {
            nyquist[i] = (i % 2 == 0 ? 50f : -50f) + 300f; // 50 µV at 5 kHz on a 300 µV offset
        }
        String why = RULE.violation(nyquist, 0, CH);
        assertNotNull(why, "50 µV rms at Nyquist exceeds 30 µV");
        double rms = Double.parseDouble(why.substring("electrocautery: ".length(), why.indexOf(" µV")));
        // the settled start holds 300 + 50, so the first sample is seen as "no change": a short transient
        assertEquals(50, rms, 2.5, why);
        assertTrue(why.endsWith("exceeds 30.0 µV; pause averaging"), why);
    }

    @Test
    void aLargeSlowWaveAndAnOffsetAreNotCautery() {
        float[] slow = new float[1000];
        for (int i = 0; i < slow.length; i++) {
            slow[i] = (float) (-900 + 500 * Math.sin(2 * Math.PI * 100 * i / FS + 1)); // starts mid-slope
        }
        assertNull(RULE.violation(slow, 0, CH));
        double rms = Math.sqrt(Butterworth.highPass(4, 2000, FS).settledEnergy(slow, 0) / slow.length);
        System.out.printf(Locale.ROOT, "100 Hz, 500 µV on a -900 µV offset: %.3f µV rms above 2 kHz%n", rms);
        assertTrue(rms < 1, "a 100 Hz wave leaves far under 1 µV above 2 kHz: " + rms);
    }

    @Test
    void onlyTheSamplesAfterBlankingCount() {
        float[] sweep = new float[1000];
        for (int i = 0; i < 100; i++) {
            sweep[i] = i % 2 == 0 ? 1000 : -1000; // a huge artifact inside the blanked part
        }
        assertNotNull(RULE.violation(sweep, 0, CH));
        assertNull(RULE.violation(sweep, 100, CH));
        assertNull(RULE.violation(sweep, 1000, CH), "nothing left after blanking: nothing to judge");
    }
}
