package org.openionm.driver.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.openionm.driver.simulator.internal.MontageChannel.Side;
import org.openionm.driver.simulator.internal.StimSite.Type;

class StimSiteTest {

    @Test
    void whatThePatientMakesOfEachSite() {
        assertEquals(new StimSite("median.left", Type.SSEP, Side.LEFT, ""), StimSite.parse("median.left"));
        assertEquals(new StimSite("tibial.right", Type.SSEP, Side.RIGHT, ""), StimSite.parse("tibial.right"));
        assertEquals(new StimSite("tcmep.C3C4", Type.TCMEP, Side.RIGHT, ""), StimSite.parse("tcmep.C3C4"),
                "anode C3: right muscles");
        assertEquals(new StimSite("tcmep.C4C3", Type.TCMEP, Side.LEFT, ""), StimSite.parse("tcmep.C4C3"));
        assertEquals(new StimSite("tcmep.CzFz", Type.TCMEP, Side.MIDLINE, ""), StimSite.parse("tcmep.CzFz"));
        assertEquals(new StimSite("screw.L4.left", Type.SCREW, Side.LEFT, "L4"), StimSite.parse("screw.L4.left"));
        assertEquals(new StimSite("screw.T12.right", Type.SCREW, Side.RIGHT, "T12"), StimSite.parse("screw.T12.right"));
        // no model: artifact only
        assertEquals(Type.OTHER, StimSite.parse("peroneal.left").type(), "a nerve the simulator does not model");
        assertEquals(Type.OTHER, StimSite.parse("radial.left").type());
        assertEquals(Type.OTHER, StimSite.parse("screw.L6.left").type());
        assertEquals(Type.OTHER, StimSite.parse("tcmep.C3").type());
    }
}
