package org.openionm.io.edf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.openionm.core.model.StimulusEvent;

class StimulusAnnotationsTest {

    @Test
    void canonicalText() {
        assertEquals("STIM median.left 25mA 200us n=1 isi=0ms",
                StimulusAnnotations.format(StimulusEvent.single("median.left", 10, 25, "mA", 200)));
        assertEquals("STIM tcmep.C3C4 350.5V 50us n=5 isi=4.1ms",
                StimulusAnnotations.format(new StimulusEvent("tcmep.C3C4", 10, 350.5, "V", 50, 5, 4.1)));
    }

    @Test
    void parsesBackExactlyForAnyDoubles() {
        SplittableRandom random = new SplittableRandom(3);
        double[] special = { 0, 1.0 / 3, 0.1, 1e-9, 123456789.123, 1e300, Double.MIN_VALUE, 4.9e-7 };
        for (int k = 0; k < 2000; k++) {
            double intensity = k < special.length ? special[k] : random.nextDouble() * Math.pow(10, random.nextInt(-6, 6));
            double width = k < special.length ? special[special.length - 1 - k] : random.nextDouble() * 1000;
            double isi = k % 3 == 0 ? 0 : random.nextDouble() * 10;
            StimulusEvent e = new StimulusEvent("site." + k, k, intensity, k % 2 == 0 ? "mA" : "V", width,
                    1 + random.nextInt(9), isi);
            assertEquals(Optional.of(e), StimulusAnnotations.parse(StimulusAnnotations.format(e), k));
        }
    }

    @Test
    void otherTextsAreNotStimuli() {
        assertTrue(StimulusAnnotations.parse("Clamp on", 1).isEmpty());
        assertTrue(StimulusAnnotations.parse("STIM median.left 25mA", 1).isEmpty());
        assertTrue(StimulusAnnotations.parse("STIM median.left 25mA 200us n=0 isi=0ms", 1).isEmpty()); // no pulse
        assertTrue(StimulusAnnotations.parse("STIM median.left xmA 200us n=1 isi=0ms", 1).isEmpty());
        assertTrue(StimulusAnnotations.parse("STIM median.left 25mA 200us n=99999999999 isi=0ms", 1).isEmpty());
    }
}
