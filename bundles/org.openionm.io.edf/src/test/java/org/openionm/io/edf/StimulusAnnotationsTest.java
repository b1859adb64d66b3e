package org.openionm.io.edf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.stimulation.StimulationKind;

class StimulusAnnotationsTest {

    @Test
    void canonicalText() {
        assertEquals("STIM median.left 25mA 200us n=1 isi=0ms",
                StimulusAnnotations.format(StimulusEvent.single("median.left", 10, 25, "mA", 200)));
        assertEquals("STIM tcmep.C3C4 350.5V 50us n=5 isi=4.1ms",
                StimulusAnnotations.format(new StimulusEvent("tcmep.C3C4", StimulationKind.TRAIN, 10, 350.5, "V", 50, 5, 4.1)));
        // a kind the pulse count does not imply is written out
        assertEquals("STIM screw.L4.left 3.2mA 200us n=1 isi=0ms kind=ramp", StimulusAnnotations.format(
                new StimulusEvent("screw.L4.left", StimulationKind.RAMP, 10, 3.2, "mA", 200, 1, 0)));
        assertEquals("STIM tcmep.C3C4 100V 50us n=1 isi=0ms kind=train", StimulusAnnotations.format(
                new StimulusEvent("tcmep.C3C4", StimulationKind.TRAIN, 10, 100, "V", 50, 1, 0)));
        assertEquals("STIM tcmep.C3C4 100V 50us n=3 isi=2ms kind=averaged", StimulusAnnotations.format(
                new StimulusEvent("tcmep.C3C4", StimulationKind.AVERAGED, 10, 100, "V", 50, 3, 2)));
    }

    /** Recordings made before kinds were recorded: several pulses a train, one pulse averaged, whatever the id. */
    @Test
    void textsWithoutAKindAreReadAsBefore() {
        assertEquals(Optional.of(new StimulusEvent("tcmep.C3C4", StimulationKind.TRAIN, 7, 350, "V", 50, 5, 4)),
                StimulusAnnotations.parse("STIM tcmep.C3C4 350V 50us n=5 isi=4ms", 7));
        assertEquals(Optional.of(StimulusEvent.single("median.left", 7, 25, "mA", 200)),
                StimulusAnnotations.parse("STIM median.left 25mA 200us n=1 isi=0ms", 7));
        assertEquals(StimulationKind.TRAIN,
                StimulusAnnotations.parse("STIM probe 350V 50us n=3 isi=4ms", 7).orElseThrow().kind());
        // and with one, the kind as written
        assertEquals(Optional.of(new StimulusEvent("tcmep.C3C4", StimulationKind.AVERAGED, 7, 100, "V", 50, 3, 2)),
                StimulusAnnotations.parse("STIM tcmep.C3C4 100V 50us n=3 isi=2ms kind=averaged", 7));
        assertEquals(StimulationKind.SINGLE,
                StimulusAnnotations.parse("STIM median.left 25mA 200us n=1 isi=0ms kind=single", 7).orElseThrow().kind());
        assertTrue(StimulusAnnotations.parse("STIM median.left 25mA 200us n=1 isi=0ms kind=burst", 7).isEmpty(),
                "an unknown kind is no stimulus");
        assertTrue(StimulusAnnotations.parse("STIM median.left 25mA 200us n=1 isi=0ms kind=", 7).isEmpty());
    }

    @Test
    void parsesBackExactlyForAnyDoubles() {
        SplittableRandom random = new SplittableRandom(3);
        double[] special = { 0, 1.0 / 3, 0.1, 1e-9, 123456789.123, 1e300, Double.MIN_VALUE, 4.9e-7 };
        for (int k = 0; k < 2000; k++) {
            double intensity = k < special.length ? special[k] : random.nextDouble() * Math.pow(10, random.nextInt(-6, 6));
            double width = k < special.length ? special[special.length - 1 - k] : random.nextDouble() * 1000;
            double isi = k % 3 == 0 ? 0 : random.nextDouble() * 10;
            // every kind with single pulses and trains alike
            StimulusEvent e = new StimulusEvent("site." + k, StimulationKind.values()[k % 4], k, intensity,
                    k % 2 == 0 ? "mA" : "V", width,
                    k % 5 == 0 ? 1 : 1 + random.nextInt(9), isi);
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
