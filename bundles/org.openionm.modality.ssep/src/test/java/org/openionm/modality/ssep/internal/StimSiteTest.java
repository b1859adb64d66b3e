package org.openionm.modality.ssep.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class StimSiteTest {

    @Test
    void armAndLegNervesWithTheirSide() {
        assertEquals(Optional.of(new StimSite("median.left", true, true)), StimSite.parse("median.left"));
        assertEquals(Optional.of(new StimSite("ulnar.right", true, false)), StimSite.parse("ulnar.right"));
        assertEquals(Optional.of(new StimSite("tibial.left", false, true)), StimSite.parse("tibial.left"));
        assertEquals(Optional.of(new StimSite("peroneal.right", false, false)), StimSite.parse("peroneal.right"));
    }

    @Test
    void otherSitesAreNotOurs() {
        for (String id : List.of("tcmep.C3C4", "screw.L4.left", "radial.left", "median", "median.up", "median.x.left", "")) {
            assertTrue(StimSite.parse(id).isEmpty(), id);
        }
    }
}
