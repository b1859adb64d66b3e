package org.openionm.core.stimulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.openionm.core.stimulation.SiteId.Nerve;
import org.openionm.core.stimulation.SiteId.PedicleScrew;
import org.openionm.core.stimulation.SiteId.Side;
import org.openionm.core.stimulation.SiteId.Transcranial;

class SiteIdTest {

    @Test
    void nervesMontagesAndScrewsAreParsed() {
        assertEquals(new Nerve("median", Side.LEFT), SiteId.parse("median.left"));
        assertEquals(new Nerve("peroneal", Side.RIGHT), SiteId.parse("peroneal.right"));
        assertEquals(new Transcranial("C3", "C4"), SiteId.parse("tcmep.C3C4"));
        assertEquals(new Transcranial("Cz", "Fz"), SiteId.parse("tcmep.CzFz"));
        assertEquals(new Transcranial("Fpz", "C1"), SiteId.parse("tcmep.FpzC1"));
        assertEquals(new PedicleScrew("L4", Side.LEFT), SiteId.parse("screw.L4.left"));
        assertEquals(new PedicleScrew("T12", Side.RIGHT), SiteId.parse("screw.T12.right"));
        assertEquals(new PedicleScrew("S1", Side.RIGHT), SiteId.parse("screw.S1.right"));
    }

    @Test
    void formattingGivesTheIdBack() {
        for (String id : List.of("median.left", "ulnar.right", "tibial.left", "tcmep.C3C4", "tcmep.C4C3", "tcmep.C1C2",
                "tcmep.CzFz", "screw.L4.left", "screw.T1.right", "screw.S2.left")) {
            assertEquals(id, SiteId.parse(id).id());
            assertEquals(id, SiteId.parse(id).toString());
        }
        assertEquals("C3C4", ((Transcranial) SiteId.parse("tcmep.C3C4")).montage());
    }

    @Test
    void theAnodeSideComesFromItsElectrodeNumber() {
        assertEquals(Optional.of(Side.LEFT), new Transcranial("C3", "C4").anodeSide(), "odd: left");
        assertEquals(Optional.of(Side.RIGHT), new Transcranial("C4", "C3").anodeSide(), "even: right");
        assertEquals(Optional.of(Side.LEFT), new Transcranial("C1", "C2").anodeSide());
        assertEquals(Optional.empty(), new Transcranial("Cz", "Fz").anodeSide(), "midline");
        assertEquals(Side.RIGHT, Side.LEFT.opposite());
    }

    @Test
    void malformedIdsAreRefusedWithTheForms() {
        for (String bad : List.of("", "median", "median.", "median.up", "Median.left", "median.left.x", "tcmep", "tcmep.",
                "tcmep.C3", "tcmep.c3c4", "tcmep.C0C4", "tcmep.C3C4.left", "tcmep.left", "screw.L4", "screw.L6.left",
                "screw.T13.left", "screw.C5.left", "screw.left", "screw.L4.both", "probe.1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SiteId.parse(bad), bad);
            assertEquals("malformed stimulation site id '" + bad + "'; use " + SiteId.FORMS, e.getMessage());
            assertTrue(SiteId.tryParse(bad).isEmpty(), bad);
        }
        assertTrue(SiteId.tryParse(null).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> SiteId.parse(null));
    }

    @Test
    void partsAreValidatedWhenBuiltDirectly() {
        assertThrows(IllegalArgumentException.class, () -> new Nerve("tcmep", Side.LEFT));
        assertThrows(IllegalArgumentException.class, () -> new Nerve("Median", Side.LEFT));
        assertThrows(IllegalArgumentException.class, () -> new Transcranial("C3", "X"));
        assertThrows(IllegalArgumentException.class, () -> new PedicleScrew("L9", Side.LEFT));
        assertThrows(NullPointerException.class, () -> new Nerve("median", null));
    }
}
